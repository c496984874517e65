import type { EventConfig } from '@live-workshop/shared';
import { eventWindowMs, formatDate, formatTime, timeSpanWords, viewerTimeZone } from '@live-workshop/shared/pure';

/**
 * When the event is: in the event's own zone ("09:30–13:00 CEST, UTC+2", Brussels time) and,
 * when the viewer's clock differs, in the viewer's zone too.
 */
export function EventTimes({ event, viewerZone = viewerTimeZone() }: { event: EventConfig; viewerZone?: string }) {
  const { startMs, endMs } = eventWindowMs(event);
  const eventZone = event.timeZone;
  const { there, here } = timeSpanWords(startMs, endMs, eventZone, viewerZone);
  return (
    <div className="event-times" data-testid="event-times">
      <p>
        <time dateTime={new Date(startMs).toISOString()}>{formatDate(startMs, eventZone)}</time>, {there}{' '}
        <span className="hint">({placeOf(eventZone)} time)</span>
      </p>
      {here ? (
        <p data-testid="event-times-local">
          Your time: {here} <span className="hint">({placeOf(viewerZone)})</span>
        </p>
      ) : (
        <p className="hint">That is also your local time.</p>
      )}
    </div>
  );
}

/** "Brussels" for Europe/Brussels, "New York" for America/New_York. */
const placeOf = (zone: string) => (zone.split('/').pop() ?? zone).replaceAll('_', ' ');

/** The planned start of an agenda item in the event's zone and the viewer's. */
export function ItemTime({ event, start, viewerZone = viewerTimeZone() }: { event: EventConfig; start: string; viewerZone?: string }) {
  const at = eventWindowMs({ ...event, start, end: start }).startMs;
  const local = formatTime(at, viewerZone, undefined);
  const there = formatTime(at, event.timeZone);
  return (
    <time dateTime={new Date(at).toISOString()}>
      {there}
      {local !== there && <span className="hint"> ({local} your time)</span>}
    </time>
  );
}
