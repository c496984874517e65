import type { Deadline, Effect } from './effects.js';
import type { AgendaState } from './state.js';

/** The deadlines the current phase owns; only running breakouts have any. */
export function deadlinesOf(state: AgendaState): Deadline[] {
  const { phase } = state;
  if (phase.kind !== 'breakouts' || phase.timer.status !== 'running') return [];
  const warnAt = phase.timer.endsAt - state.event.breakoutWarningSeconds * 1000;
  const deadlines: Deadline[] = [];
  if (warnAt > phase.startedAt) deadlines.push({ id: 'breakoutWarning', at: warnAt });
  deadlines.push({ id: 'itemEnd', at: phase.timer.endsAt });
  return deadlines;
}

/** Effects that turn the old set of deadlines into the new one. */
export function deadlineEffects(before: AgendaState, after: AgendaState): Effect[] {
  const old = deadlinesOf(before);
  const now = deadlinesOf(after);
  const effects: Effect[] = [];
  for (const d of old) {
    if (!now.some((n) => n.id === d.id)) effects.push({ type: 'cancelDeadline', id: d.id });
  }
  for (const d of now) {
    if (!old.some((o) => o.id === d.id && o.at === d.at)) effects.push({ type: 'scheduleDeadline', deadline: d });
  }
  return effects;
}
