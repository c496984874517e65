import { useId, useState } from 'react';
import type { EventConfig, Phase, RosterView } from '@live-workshop/shared';
import { sendCommand } from '../session/socket.js';
import { announce } from '../session/store/actions.js';
import { usePhaseRemainingMs } from '../time/useCountdown.js';
import { formatClock, isPaused } from '../time/countdown.js';
import { ItemTime } from '../ui/EventTimes.js';
import { endBreakoutsCue, goToCue, nextCue, type Cue } from './cues.js';
import type { PendingConfirm } from './ConfirmPanel.js';
import { t as translate } from '../i18n/i18n.js';
import { useT } from '../i18n/useT.js';

const EXTEND_MINUTES = 5;

/** Run a cue and say what happened. */
export async function runCue(cue: Cue): Promise<void> {
  const result = await sendCommand(cue.action);
  if (result.ok) announce(translate('console.agenda.done', { cue: cue.label }));
}

/** The agenda timeline with the current item and its time, and the cues. */
export function AgendaPanel({ event, phase, roster, ask }: { event: EventConfig; phase: Phase; roster: RosterView | null; ask: (p: PendingConfirm) => void }) {
  const t = useT();
  const remaining = usePhaseRemainingMs();
  const current = 'itemIndex' in phase ? phase.itemIndex : -1;
  const [goTo, setGoTo] = useState('');
  const goToId = useId();
  const next = nextCue(event, phase, roster);
  const endEarly = endBreakoutsCue(event, phase, roster);
  const confirmCue = (cue: Cue) => ask({ title: cue.label, text: cue.confirm, confirmLabel: t('console.agenda.yesDoIt'), run: () => runCue(cue) });
  const simple = (cue: Cue) => void runCue(cue);

  return (
    <section className="panel" aria-labelledby="agenda-panel-heading">
      <h2 id="agenda-panel-heading">{t('console.agenda.heading')}</h2>
      <ol className="timeline">
        {event.agenda.map((item, i) => (
          <li key={item.id} aria-current={i === current ? 'step' : undefined} className={i === current ? 'current' : i < current ? 'done' : undefined}>
            <ItemTime event={event} start={item.start} /> {item.title} <span className="hint">{t('console.agenda.minutes', { minutes: item.durationMinutes })}</span>
            {i === current && remaining !== null && (
              <strong className="timeline-remaining" data-testid="moderator-remaining">
                {' '}
                {remaining >= 0 ? t('console.agenda.left', { clock: formatClock(remaining) }) : t('console.agenda.over', { clock: formatClock(-remaining) })}
                {isPaused(phase) ? ` ${t('console.agenda.paused')}` : ''}
              </strong>
            )}
          </li>
        ))}
      </ol>
      <div className="row wrap" role="group" aria-label={t('console.agenda.cues')}>
        {next && (
          <button type="button" onClick={() => confirmCue(next)} data-testid="moderator-next">
            {next.label}
          </button>
        )}
        {phase.kind === 'scheduled' && (
          <button type="button" className="secondary" onClick={() => confirmCue({ action: { type: 'start' }, label: t('console.agenda.startNowLabel'), confirm: t('console.agenda.startNowConfirm', { title: event.agenda[0]!.title }) })}>
            {t('console.agenda.startNow')}
          </button>
        )}
        {'itemIndex' in phase && (
          <button type="button" className="secondary" onClick={() => simple({ action: { type: 'extend', minutes: EXTEND_MINUTES }, label: t('console.agenda.extendLabel', { minutes: EXTEND_MINUTES }), confirm: '' })} data-testid="moderator-extend">
            {t('console.agenda.extend', { minutes: EXTEND_MINUTES })}
          </button>
        )}
        {endEarly && (
          <button type="button" className="secondary" onClick={() => confirmCue(endEarly)} data-testid="moderator-end-breakouts">
            {endEarly.label}
          </button>
        )}
        {'itemIndex' in phase && phase.timer.status === 'running' && (
          <button type="button" className="secondary" onClick={() => simple({ action: { type: 'pause' }, label: t('console.agenda.pause'), confirm: '' })} data-testid="moderator-pause">
            {t('console.agenda.pause')}
          </button>
        )}
        {'itemIndex' in phase && phase.timer.status === 'paused' && (
          <button type="button" className="secondary" onClick={() => simple({ action: { type: 'resume' }, label: t('console.agenda.resume'), confirm: '' })} data-testid="moderator-resume">
            {t('console.agenda.resume')}
          </button>
        )}
        {phase.kind !== 'ended' && phase.kind !== 'scheduled' && (
          <button
            type="button"
            className="danger"
            onClick={() => confirmCue({ action: { type: 'end' }, label: t('console.agenda.endNowLabel'), confirm: t('console.agenda.endNowConfirm') })}
          >
            {t('console.agenda.endNow')}
          </button>
        )}
      </div>
      {phase.kind !== 'scheduled' && phase.kind !== 'ended' && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const cue = goTo === '' ? null : goToCue(event, phase, Number(goTo), roster);
            if (cue) confirmCue(cue);
          }}
        >
          <label htmlFor={goToId}>{t('console.agenda.goToItem')}</label>
          <select id={goToId} value={goTo} onChange={(e) => setGoTo(e.target.value)}>
            <option value="">{t('console.agenda.choose')}</option>
            {event.agenda.map((item, i) => (
              <option key={item.id} value={i} disabled={i === current}>
                {i + 1}. {item.title}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary" disabled={goTo === ''}>
            {t('console.agenda.go')}
          </button>
        </form>
      )}
    </section>
  );
}
