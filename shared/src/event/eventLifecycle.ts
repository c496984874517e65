// An event's life after it is announced: the organisers may cancel it, or move it to another date and
// time. Registered people are told by mail with a calendar update (RFC 5546: the same UID, a higher
// SEQUENCE; METHOD:CANCEL for a cancellation, METHOD:REQUEST for a move); the event page says so.
// Pure: what a move does to the event's times, and the record the server keeps.
import type { EventConfig } from './eventConfig.js';

/** When an event takes place, in its own zone. */
export interface EventWhen {
  readonly date: string;
  readonly start: string;
  readonly end: string;
}

/** The event's latest change of plan; absent while it runs as announced. */
export type EventLifecycle =
  | { readonly status: 'cancelled'; readonly at: number; readonly sequence: number; readonly note: string }
  | { readonly status: 'moved'; readonly at: number; readonly sequence: number; readonly note: string; readonly from: EventWhen; readonly to: EventWhen };

/** The longest note the organisers add to the mail and the page. */
export const LIFECYCLE_NOTE_MAX_CHARS = 1000;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** When the event takes place now. */
export const whenOf = (event: Pick<EventConfig, 'date' | 'start' | 'end'>): EventWhen => ({ date: event.date, start: event.start, end: event.end });

/**
 * The event moved to another day and start time: the whole agenda keeps its shape (every item and
 * the end shift by the same minutes). Null when the times are malformed or the agenda would leave
 * the day (before 00:00 or past 23:59). The result is checked by the event file's validator.
 */
export function movedEvent<E extends Pick<EventConfig, 'date' | 'start' | 'end' | 'agenda'>>(event: E, to: { date: string; start: string }): E | null {
  const times = [event.start, event.end, to.start, ...event.agenda.map((i) => i.start)];
  if (!times.every((t) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t))) return null;
  const shift = minutesOf(to.start) - minutesOf(event.start);
  const ends = [minutesOf(event.end), ...event.agenda.map((i) => minutesOf(i.start) + i.durationMinutes)];
  if (minutesOf(event.start) + shift < 0 || Math.max(...ends) + shift > 24 * 60 - 1) return null;
  const moved = (hhmm: string) => hhmmOf(minutesOf(hhmm) + shift);
  return { ...event, date: to.date, start: to.start, end: moved(event.end), agenda: event.agenda.map((item) => ({ ...item, start: moved(item.start) })) };
}
