// The join calendar (.ics). The one place the server still uses luxon: ical-generator writes a native
// Date's wall clock with the process's own local getters (wrong unless the server runs in the event's
// zone), so DTSTART;TZID= needs a zone-aware date object it understands; the shared time module gives
// instants (epoch ms), and luxon's DateTime carries the zone.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { eventWindowMs, localizeEvent, type EventConfig } from '@live-workshop/shared';
import { wordsFor } from '../../platform/i18n.js';

/**
 * One line of text for a calendar property: control characters (CR, LF, …) become spaces.
 * ical-generator escapes the event's summary and description but writes the calendar's name
 * (X-WR-CALNAME) as given, so a title with a line break could add lines such as BEGIN:VEVENT.
 */
export const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/** An .ics calendar (ical-generator) with the event in its own time zone and the personal join link, in the person's language. */
export function joinCalendar(eventAsWritten: EventConfig, person: { id: string; language?: string | null }, joinUrl: string, publicUrl: string, nowMs: number): string {
  const words = wordsFor(person.language);
  const event = localizeEvent(eventAsWritten, words.language);
  const { startMs, endMs } = eventWindowMs(event);
  const calendar = ical({
    name: oneLine(event.title),
    prodId: { company: 'live-workshop', product: event.id, language: words.language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // A VTIMEZONE block lets every calendar show the right local time, DST included.
    timezone: { name: event.timeZone, generator: getVtimezoneComponent },
  });
  const host = new URL(publicUrl).hostname;
  calendar.createEvent({
    id: `${event.id}-${person.id}@${host}`,
    start: DateTime.fromMillis(startMs, { zone: event.timeZone }),
    end: DateTime.fromMillis(endMs, { zone: event.timeZone }),
    timezone: event.timeZone,
    summary: oneLine(event.title),
    description: `${words.t('ics.description', { url: joinUrl })}\n\n${event.description}`,
    location: joinUrl,
    url: joinUrl,
    stamp: new Date(nowMs),
  });
  return calendar.toString();
}
