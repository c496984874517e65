import type { AgendaState } from '../engine/state.js';
import { addDays, hhmmOf, localDateAndMinutes, minutesOf } from '../time/zonedTime.js';
import type { EventConfig } from './eventConfig.js';
import { eventTiming } from './eventTiming.js';

/** A rehearsal starts at least this long after it is planned, so people have time to open their links. */
export const REHEARSAL_LEAD_MINUTES = 10;
/** A rehearsal starts on a whole slot of this many minutes (10:15, 10:30, …). */
export const REHEARSAL_SLOT_MINUTES = 15;
const LAST_MINUTE_OF_DAY = 24 * 60 - 1;

/** Whether a past event is rehearsed at boot: `auto` rehearses an event that is over and never ran; `off` runs it as it is. */
export type RehearsalMode = 'auto' | 'off';

/**
 * A rehearsal copy of an event, planned from `nowMs`: the same agenda and durations, moved to the
 * next slot at least REHEARSAL_LEAD_MINUTES ahead in the event's time zone, marked with the original
 * date and times (kept from the first plan when a rehearsal is planned again). When the moved
 * agenda would run past midnight, the rehearsal is tomorrow at the original times instead.
 */
export function planRehearsal(event: EventConfig, nowMs: number): EventConfig {
  const original = event.rehearsalOf ?? { date: event.date, start: event.start, end: event.end };
  const now = localDateAndMinutes(nowMs, event.timeZone);
  const slot = Math.ceil((now.minutes + REHEARSAL_LEAD_MINUTES) / REHEARSAL_SLOT_MINUTES) * REHEARSAL_SLOT_MINUTES;
  // Everything the day must hold: the event's window and every item's start.
  const marks = [event.start, event.end, ...event.agenda.map((i) => i.start)].map(minutesOf);
  const earliest = Math.min(...marks);
  const latest = Math.max(...marks);
  const fitsToday = (shiftMinutes: number) => earliest + shiftMinutes >= 0 && latest + shiftMinutes <= LAST_MINUTE_OF_DAY;
  const shiftToday = slot - minutesOf(event.start);
  const [date, shiftMinutes] = fitsToday(shiftToday)
    ? [now.date, shiftToday]
    : [addDays(now.date, 1), minutesOf(original.start) - minutesOf(event.start)];
  const shift = (hhmm: string) => hhmmOf(minutesOf(hhmm) + shiftMinutes);
  return {
    ...event,
    date,
    start: shift(event.start),
    end: shift(event.end),
    agenda: event.agenda.map((item) => ({ ...item, start: shift(item.start) })),
    rehearsalOf: original,
  };
}

/**
 * The event to run instead of the saved one at boot, or null to keep it. With `auto`, an event that
 * never started (still scheduled) and whose planned end has passed is rehearsed from now: this covers
 * a past event file on first boot and a rehearsal planned on an earlier day that nobody ran.
 * An event that started (doors opened or later) continues as it was saved.
 */
export function rehearsalAtBoot(state: Pick<AgendaState, 'event' | 'phase'>, nowMs: number, mode: RehearsalMode): EventConfig | null {
  if (mode === 'off' || state.phase.kind !== 'scheduled') return null;
  return eventTiming(state.event, nowMs) === 'over' ? planRehearsal(state.event, nowMs) : null;
}
