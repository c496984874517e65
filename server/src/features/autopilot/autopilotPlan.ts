import type { AgendaState, AutopilotStep } from '@live-workshop/shared';
import { eventInstantMs, plannedItemStartsMs } from '../../live/lifecycle/eventTimes.js';

/** How long before the first item the autopilot opens the doors (the lobby). */
export const DOORS_OPEN_BEFORE_START_MS = 15 * 60_000;

/**
 * What the autopilot does next in this state (pure). The plan's times are a floor and the item's
 * own clock is respected, so a moderator's extend, pause or early cue always wins:
 * - before the event: open the doors, then start the first item at its planned time (not once the planned end has passed);
 * - in an item: go on at the later of the next item's planned start and the end of this item's clock
 *   (the last item ends the event at the later of the planned end and its clock);
 * - breakouts end by the engine's own deadline (with its warning), a paused clock waits for a moderator.
 */
export function nextAutopilotStep(state: AgendaState, now: number): AutopilotStep | null {
  const { event, phase } = state;
  const starts = plannedItemStartsMs(event);
  const firstStart = starts[0]!;
  // An event whose planned end has passed before it began is not started by itself.
  const missed = now >= eventInstantMs(event, event.end);
  switch (phase.kind) {
    case 'scheduled':
      return missed ? null : { action: 'openDoors', dueAt: firstStart - DOORS_OPEN_BEFORE_START_MS };
    case 'lobby':
      return missed ? null : { action: 'start', dueAt: firstStart };
    case 'ended':
    case 'breakouts':
      return null;
    case 'plenary':
    case 'live':
    case 'break':
    case 'closing': {
      if (phase.timer.status !== 'running') return null;
      const plannedNext = starts[phase.itemIndex + 1] ?? eventInstantMs(event, event.end);
      return { action: 'next', dueAt: Math.max(plannedNext, phase.timer.endsAt) };
    }
  }
}
