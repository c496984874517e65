import type { EventConfig } from '@live-workshop/shared';
import { eventTiming, eventWindowMs, formatDate, formatTime, timeSpanWords, viewerTimeZone, zoneLabel } from '@live-workshop/shared/pure';

/** "09:30–13:00 CEST, UTC+2" in the event's zone, with the viewer's own times after it when they differ. */
function TimeSpan({ startMs, endMs, eventZone, viewerZone }: { startMs: number; endMs: number; eventZone: string; viewerZone: string }) {
  const { there, here } = timeSpanWords(startMs, endMs, eventZone, viewerZone);
  return (
    <>
      {there}
      {here && <span className="hint"> (your time: {here})</span>}
    </>
  );
}

/** "today", "tomorrow" or "on Friday 4 December 2026", in the event's zone, as seen at nowMs. */
function dayWords(startMs: number, nowMs: number, timeZone: string): string {
  const day = formatDate(startMs, timeZone);
  if (day === formatDate(nowMs, timeZone)) return 'today';
  if (day === formatDate(nowMs + 86_400_000, timeZone)) return 'tomorrow';
  return `on ${day}`;
}

/**
 * When the workshop really took place, for a rehearsal of it ("This is a rehearsal, starting today
 * at …") or for a workshop that is over; nothing for one still to come.
 */
export function EventOccasion({ event, nowMs, viewerZone = viewerTimeZone() }: { event: EventConfig; nowMs: number; viewerZone?: string }) {
  const zone = event.timeZone;
  const original = event.rehearsalOf ? { ...event, ...event.rehearsalOf } : event;
  if (!event.rehearsalOf && eventTiming(event, nowMs) !== 'over') return null;
  const took = eventWindowMs(original);
  const tookPlace = (
    <>
      This workshop took place on <time dateTime={new Date(took.startMs).toISOString()}>{formatDate(took.startMs, zone)}</time>,{' '}
      <TimeSpan startMs={took.startMs} endMs={took.endMs} eventZone={zone} viewerZone={viewerZone} />.
    </>
  );
  if (!event.rehearsalOf) {
    return (
      <p className="notice notice-info" data-testid="event-occasion">
        {tookPlace}
      </p>
    );
  }
  const run = eventWindowMs(event);
  const local = formatTime(run.startMs, viewerZone);
  const there = formatTime(run.startMs, zone);
  return (
    <div className="notice notice-info" data-testid="event-occasion">
      <p>
        <span className="badge badge-warn">Rehearsal</span> {tookPlace}
      </p>
      <p>
        This is a rehearsal, {eventTiming(event, nowMs) === 'upcoming' ? 'starting' : 'planned to start'} {dayWords(run.startMs, nowMs, zone)} at{' '}
        <time dateTime={new Date(run.startMs).toISOString()}>
          {there} {zoneLabel(run.startMs, zone)}
        </time>
        {local !== there && <span className="hint"> ({local} {zoneLabel(run.startMs, viewerZone)} your time)</span>}, with the same agenda.
      </p>
    </div>
  );
}
