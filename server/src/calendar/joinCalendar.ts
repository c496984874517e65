import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { EventConfig } from '@live-workshop/shared';
import { eventWindow } from '../lifecycle/eventTimes.js';

/** An .ics calendar (ical-generator) with the event in its own time zone and the personal join link. */
export function joinCalendar(event: EventConfig, person: { id: string }, joinUrl: string, publicUrl: string, nowMs: number): string {
  const { start, end } = eventWindow(event);
  const calendar = ical({
    name: event.title,
    prodId: { company: 'live-workshop', product: event.id, language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // A VTIMEZONE block lets every calendar show the right local time, DST included.
    timezone: { name: event.timeZone, generator: getVtimezoneComponent },
  });
  const host = new URL(publicUrl).hostname;
  calendar.createEvent({
    id: `${event.id}-${person.id}@${host}`,
    start,
    end,
    timezone: event.timeZone,
    summary: event.title,
    description: `Your personal join link (keep it to yourself): ${joinUrl}\n\n${event.description}`,
    location: joinUrl,
    url: joinUrl,
    stamp: new Date(nowMs),
  });
  return calendar.toString();
}
