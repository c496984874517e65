import type { EventConfig } from '@live-workshop/shared';
import { eventWindowMs } from '@live-workshop/shared/pure';
import { useMsUntil } from '../../time/useCountdown.js';
import { useEvent, usePhase } from '../../session/useLw.js';
import { formatDurationWords, formatUntil } from '../../time/countdown.js';
import { EventOccasion } from '../../ui/EventOccasion.js';
import { EventTimes } from '../../ui/EventTimes.js';

function headingOf(doorsOpen: boolean, rehearsal: boolean): string {
  if (rehearsal) return doorsOpen ? 'Rehearsal: welcome to the lobby' : 'Rehearsal: the doors open soon';
  return doorsOpen ? 'Welcome to the lobby' : 'The doors open soon';
}

function WhatHappensNext({ event }: { event: EventConfig }) {
  const first = event.agenda[0];
  return (
    <>
      <h3>What happens next</h3>
      <ol>
        {first && <li>The event opens with “{first.title}” in the plenary. You will see and hear the speakers; your camera and microphone stay off.</li>}
        {event.agenda.some((i) => i.kind === 'breakouts') && (
          <li>Later you are moved into your breakout room automatically, with your camera and microphone, to talk with the others there.</li>
        )}
        <li>You can raise your hand to ask a question and use the chat at any time.</li>
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
      <h2 id="lobby-heading">{over ? 'This workshop is over' : headingOf(doorsOpen, event.rehearsalOf !== undefined)}</h2>
      <EventOccasion event={event} nowMs={serverNow} />
      <EventTimes event={event} />
      {over ? null : (
        <p className="lobby-countdown">
          {untilStart > 0 ? (
            <>
              Starts in{' '}
              <span role="timer" aria-label={`Starts in ${formatDurationWords(untilStart)}`} data-testid="lobby-countdown">
                {formatUntil(untilStart)}
              </span>
            </>
          ) : (
            <span data-testid="lobby-countdown">Starting shortly: the organisers will begin in a moment.</span>
          )}
        </p>
      )}
      {over ? null : <WhatHappensNext event={event} />}
      {event.organisers.length > 0 && (
        <>
          <h3>Organisers</h3>
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
