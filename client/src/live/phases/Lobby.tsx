import type { EventConfig } from '@live-workshop/shared';
import { eventWindowMs } from '@live-workshop/shared/pure';
import { useMsUntil } from '../../time/useCountdown.js';
import { useEvent, usePhase } from '../../session/useLw.js';
import { formatDurationWords, formatUntil } from '../../time/countdown.js';
import { EventOccasion } from '../../ui/EventOccasion.js';
import { EventTimes } from '../../ui/EventTimes.js';
import { t } from '../../i18n/i18n.js';

function headingOf(doorsOpen: boolean, rehearsal: boolean): string {
  if (rehearsal) return doorsOpen ? t('lobby.heading.rehearsalOpen') : t('lobby.heading.rehearsalSoon');
  return doorsOpen ? t('lobby.heading.open') : t('lobby.heading.soon');
}

function WhatHappensNext({ event }: { event: EventConfig }) {
  const first = event.agenda[0];
  return (
    <>
      <h3>{t('lobby.whatNext')}</h3>
      <ol>
        {first && <li>{t('lobby.opensWith', { title: first.title })}</li>}
        {event.agenda.some((i) => i.kind === 'breakouts') && (
          <li>{t('lobby.laterMoved')}</li>
        )}
        <li>{t('lobby.raiseHand')}</li>
      </ol>
    </>
  );
}

/** Waiting before the start: countdown to the planned start, who organises, what happens next; or word that it is over. */
export function Lobby() {
  const event = useEvent();
  const phase = usePhase();
  const planned = event ? eventWindowMs(event) : null;
  const untilStart = useMsUntil(planned?.startMs ?? null);
  const untilEnd = useMsUntil(planned?.endMs ?? null);
  if (!event || !planned || untilStart === null || untilEnd === null) return null;
  const doorsOpen = phase?.kind === 'lobby';
  // Never started and past its planned end: nothing opens any more (registration is closed too).
  const over = !doorsOpen && untilEnd <= 0;
  const serverNow = planned.endMs - untilEnd;
  return (
    <section className="lobby" aria-labelledby="lobby-heading">
      <h2 id="lobby-heading">{over ? t('lobby.over') : headingOf(doorsOpen, event.rehearsalOf !== undefined)}</h2>
      <EventOccasion event={event} nowMs={serverNow} />
      <EventTimes event={event} />
      {over ? null : (
        <p className="lobby-countdown">
          {untilStart > 0 ? (
            <>
              {t('lobby.startsIn')}{' '}
              <span role="timer" aria-label={t('lobby.startsInWords', { time: formatDurationWords(untilStart) })} data-testid="lobby-countdown">
                {formatUntil(untilStart)}
              </span>
            </>
          ) : (
            <span data-testid="lobby-countdown">{t('lobby.shortly')}</span>
          )}
        </p>
      )}
      {over ? null : <WhatHappensNext event={event} />}
      {event.organisers.length > 0 && (
        <>
          <h3>{t('lobby.organisers')}</h3>
          <ul className="inline-list">
            {event.organisers.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
