import type { EventConfig } from '@live-workshop/shared';
import { eventWindowMs, formatDate, formatTime, viewerTimeZone, zoneAbbreviation } from '@live-workshop/shared/pure';

/**
 * When the event is: in the event's own zone (e.g. CEST, Brussels) and, when it differs,
 * in the viewer's zone.
 */
export function EventTimes({ event, viewerZone = viewerTimeZone() }: { event: EventConfig; viewerZone?: string }) {
  const { startMs, endMs } = eventWindowMs(event);
  const eventZone = event.timeZone;
  const sameOffset = formatTime(startMs, eventZone) === formatTime(startMs, viewerZone) && formatDate(startMs, eventZone) === formatDate(startMs, viewerZone);
  return (
    <div className="event-times" data-testid="event-times">
      <p>
        <time dateTime={new Date(startMs).toISOString()}>{formatDate(startMs, eventZone)}</time>,{' '}
        {formatTime(startMs, eventZone)}–{formatTime(endMs, eventZone)} {zoneAbbreviation(startMs, eventZone)}{' '}
        <span className="hint">({eventZone.replace('_', ' ')} time)</span>
      </p>
      {!sameOffset && (
        <p data-testid="event-times-local">
          Your time: {formatDate(startMs, viewerZone, undefined)}, {formatTime(startMs, viewerZone, undefined)}–{formatTime(endMs, viewerZone, undefined)}{' '}
          {zoneAbbreviation(startMs, viewerZone, undefined)} <span className="hint">({viewerZone.replace('_', ' ')})</span>
        </p>
      )}
      {sameOffset && <p className="hint">That is also your local time.</p>}
    </div>
  );
}

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
