// The join calendar (.ics). The one place the server still uses luxon: ical-generator writes a native
// Date's wall clock with the process's own local getters (wrong unless the server runs in the event's
// zone), so DTSTART;TZID= needs a zone-aware date object it understands; the shared time module gives
// instants (epoch ms), and luxon's DateTime carries the zone.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { eventWindowMs, localizeEvent, type EventConfig } from '@live-workshop/shared';
import { wordsFor } from '../../platform/i18n.js';

/**
 * One line of text for a calendar property: control characters (CR, LF, …) become spaces.
 * ical-generator escapes the event's summary and description but writes the calendar's name
 * (X-WR-CALNAME) as given, so a title with a line break could add lines such as BEGIN:VEVENT.
 */
export const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * A change of plan sent as a calendar update (RFC 5546): the same UID as the join calendar, a higher
 * SEQUENCE; `REQUEST` moves the event (new times), `CANCEL` cancels it. Both name the organiser and the
 * person, as RFC 5546 asks of these methods.
 */
export interface CalendarUpdate {
  readonly method: 'REQUEST' | 'CANCEL';
  readonly sequence: number;
  readonly organizer: { readonly name: string; readonly email: string };
  readonly attendee: { readonly name: string; readonly email: string };
}

/** The calendar UID of one person's entry for the event: the same in the join calendar and every update. */
export const calendarUid = (eventId: string, personId: string, publicUrl: string) => `${eventId}-${personId}@${new URL(publicUrl).hostname}`;

/**
 * An .ics calendar (ical-generator) with the event in its own time zone and the personal join link, in
 * the person's language; `sequence` counts the event's changes of plan (0 as announced), `update` makes
 * it a REQUEST or CANCEL for a calendar that already holds the entry.
 */
export function joinCalendar(
  eventAsWritten: EventConfig, person: { id: string; language?: string | null }, joinUrl: string, publicUrl: string, nowMs: number,
  options: { sequence?: number; update?: CalendarUpdate } = {},
): string {
  const words = wordsFor(person.language);
  const event = localizeEvent(eventAsWritten, words.language);
  const { startMs, endMs } = eventWindowMs(event);
  const { update } = options;
  const calendar = ical({
    name: oneLine(event.title),
    prodId: { company: 'live-workshop', product: event.id, language: words.language.toUpperCase() },
    method: update ? ICalCalendarMethod[update.method] : ICalCalendarMethod.PUBLISH,
    // A VTIMEZONE block lets every calendar show the right local time, DST included.
    timezone: { name: event.timeZone, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: calendarUid(event.id, person.id, publicUrl),
    sequence: update?.sequence ?? options.sequence ?? 0,
    start: DateTime.fromMillis(startMs, { zone: event.timeZone }),
    end: DateTime.fromMillis(endMs, { zone: event.timeZone }),
    timezone: event.timeZone,
    summary: oneLine(event.title),
    description: update?.method === 'CANCEL' ? words.t('ics.cancelled') : `${words.t('ics.description', { url: joinUrl })}\n\n${event.description}`,
    location: joinUrl,
    url: joinUrl,
    stamp: new Date(nowMs),
    ...(update
      ? {
        status: update.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        organizer: { name: oneLine(update.organizer.name), email: update.organizer.email },
        attendees: [{ name: oneLine(update.attendee.name), email: update.attendee.email, rsvp: false }],
      }
      : {}),
  });
  return calendar.toString();
}
