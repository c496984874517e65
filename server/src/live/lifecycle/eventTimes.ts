import { DateTime } from 'luxon';
import type { EventConfig } from '@live-workshop/shared';

/** The instant of a local time ("HH:MM") on the event's date, in the event's time zone (Luxon handles DST). */
export function eventInstant(event: Pick<EventConfig, 'date' | 'timeZone'>, hhmm: string): DateTime {
  const at = DateTime.fromISO(`${event.date}T${hhmm}`, { zone: event.timeZone });
  if (!at.isValid) throw new Error(`invalid event time ${event.date} ${hhmm} ${event.timeZone}: ${at.invalidExplanation ?? ''}`);
  return at;
}

/** When the event starts and ends, as instants in its time zone. */
export function eventWindow(event: Pick<EventConfig, 'date' | 'timeZone' | 'start' | 'end'>): { start: DateTime; end: DateTime } {
  return { start: eventInstant(event, event.start), end: eventInstant(event, event.end) };
}

/** The planned start of each agenda item, in epoch milliseconds. */
export function plannedItemStartsMs(event: EventConfig): number[] {
  return event.agenda.map((item) => eventInstant(event, item.start).toMillis());
}
