// The event's planned instants, from its local times ("HH:MM" on its date in its time zone), through
// the shared Intl-based time module (DST included).
import { zonedInstant, type EventConfig } from '@live-workshop/shared';

/** The instant (epoch milliseconds) of a local time ("HH:MM") on the event's date, in the event's time zone. */
export function eventInstantMs(event: Pick<EventConfig, 'date' | 'timeZone'>, hhmm: string): number {
  const at = zonedInstant(event.date, hhmm, event.timeZone);
  if (!Number.isFinite(at)) throw new Error(`invalid event time ${event.date} ${hhmm} ${event.timeZone}`);
  return at;
}

/** The planned start of each agenda item, in epoch milliseconds. */
export function plannedItemStartsMs(event: EventConfig): number[] {
  return event.agenda.map((item) => eventInstantMs(event, item.start));
}
