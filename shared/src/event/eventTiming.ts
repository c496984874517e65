import type { AgendaState } from '../engine/state.js';
import { formatDate, formatTime, zoneLabel } from '../time/zonedFormat.js';
import { zonedInstant } from '../time/zonedTime.js';

/** "YYYY-MM-DD HH:MM" in a zone, as epoch milliseconds. */
const localDateTimeMs = (text: string, zone: string) => zonedInstant(text.slice(0, 10), text.slice(11, 16), zone);
import type { EventConfig } from './eventConfig.js';

/** Where the planned event is in time: before its start, between start and end, or after its end. */
export type EventTiming = 'upcoming' | 'underway' | 'over';

/** The planned start and end of an event, in epoch milliseconds (its times are local to its time zone). */
export function eventWindowMs(event: Pick<EventConfig, 'date' | 'start' | 'end' | 'timeZone'>): { startMs: number; endMs: number } {
  return { startMs: zonedInstant(event.date, event.start, event.timeZone), endMs: zonedInstant(event.date, event.end, event.timeZone) };
}

/** Whether the planned event is upcoming, underway or over at `nowMs`. */
export function eventTiming(event: Pick<EventConfig, 'date' | 'start' | 'end' | 'timeZone'>, nowMs: number): EventTiming {
  const { startMs, endMs } = eventWindowMs(event);
  if (nowMs < startMs) return 'upcoming';
  return nowMs < endMs ? 'underway' : 'over';
}

/** "23 October 2025": the event's date, in words. */
export function eventDateWords(event: Pick<EventConfig, 'date' | 'start' | 'timeZone'>): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: event.timeZone, day: 'numeric', month: 'long', year: 'numeric' })
    .format(zonedInstant(event.date, event.start, event.timeZone));
}

/**
 * Why registration is closed at `nowMs`, in words for the person registering, or null while it is open.
 * Closed once the event has ended, or once its planned end has passed without it ever starting;
 * an event the moderators are still running past its planned end stays open.
 */
export function registrationClosedBecause(state: Pick<AgendaState, 'event' | 'phase'>, nowMs: number): string | null {
  if (state.phase.kind === 'ended') return 'This workshop has ended; registration is closed.';
  // A rehearsal runs on another day than the one the window was written for: it keeps registration open.
  const window = state.event.rehearsalOf ? undefined : state.event.registration;
  const zone = state.event.timeZone;
  if (window?.opens) {
    const opensMs = localDateTimeMs(window.opens, zone);
    if (nowMs < opensMs) return `Registration opens on ${formatDate(opensMs, zone)} at ${formatTime(opensMs, zone)} ${zoneLabel(opensMs, zone)}.`;
  }
  if (window?.closes) {
    const closesMs = localDateTimeMs(window.closes, zone);
    if (nowMs >= closesMs) return `Registration closed on ${formatDate(closesMs, zone)} at ${formatTime(closesMs, zone)} ${zoneLabel(closesMs, zone)}.`;
  }
  if (state.phase.kind === 'scheduled' && eventTiming(state.event, nowMs) === 'over') {
    return `This workshop took place on ${eventDateWords(state.event)}; registration is closed.`;
  }
  return null;
}
