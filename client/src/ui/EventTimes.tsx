import type { EventConfig } from '@live-workshop/shared';
import { eventWindowMs, formatDate, formatTime, timeSpanWords, viewerTimeZone, zoneNameAddsToLabel } from '@live-workshop/shared/pure';
import { currentLocale } from '../i18n/i18n.js';
import { useT } from '../i18n/useT.js';

/**
 * When the event is: in the event's own zone ("09:30–13:00 CEST, UTC+2", Brussels time) and,
 * when the viewer's clock differs, in the viewer's zone too; in the reader's language.
 */
export function EventTimes({ event, viewerZone = viewerTimeZone() }: { event: EventConfig; viewerZone?: string }) {
  const t = useT();
  const locale = currentLocale();
  const { startMs, endMs } = eventWindowMs(event);
  const eventZone = event.timeZone;
  const { there, here } = timeSpanWords(startMs, endMs, eventZone, viewerZone, locale);
  return (
    <div className="event-times" data-testid="event-times">
      <p>
        <time dateTime={new Date(startMs).toISOString()}>{formatDate(startMs, eventZone, locale)}</time>, {there}
        {zoneNameAddsToLabel(eventZone) && (
          <>
            {' '}
            <span className="hint">({t('time.placeTime', { place: placeOf(eventZone) })})</span>
          </>
        )}
      </p>
      {here ? (
        <p data-testid="event-times-local">
          {t('time.yourTime', { time: here })}
          {zoneNameAddsToLabel(viewerZone) && <span className="hint"> ({placeOf(viewerZone)})</span>}
        </p>
      ) : (
        <p className="hint">{t('time.alsoLocal')}</p>
      )}
    </div>
  );
}

/** "Brussels" for Europe/Brussels, "New York" for America/New_York. */
const placeOf = (zone: string) => (zone.split('/').pop() ?? zone).replaceAll('_', ' ');

/** The planned start of an agenda item in the event's zone and the viewer's. */
export function ItemTime({ event, start, viewerZone = viewerTimeZone() }: { event: EventConfig; start: string; viewerZone?: string }) {
  const t = useT();
  const locale = currentLocale();
  const at = eventWindowMs({ ...event, start, end: start }).startMs;
  const local = formatTime(at, viewerZone, locale);
  const there = formatTime(at, event.timeZone, locale);
  return (
    <time dateTime={new Date(at).toISOString()}>
      {there}
      {local !== there && <span className="hint"> ({t('time.localYourTime', { time: local })})</span>}
    </time>
  );
}
