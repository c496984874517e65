import type { EventConfig } from '@live-workshop/shared';
import { eventTiming, eventWindowMs, formatDate, formatTime, timeSpanWords, viewerTimeZone, zoneLabel } from '@live-workshop/shared/pure';
import { currentLocale } from '../i18n/i18n.js';
import { Rich } from '../i18n/Rich.js';
import { useT } from '../i18n/useT.js';

/** "09:30–13:00 CEST, UTC+2" in the event's zone, with the viewer's own times after it when they differ. */
function TimeSpan({ startMs, endMs, eventZone, viewerZone }: { startMs: number; endMs: number; eventZone: string; viewerZone: string }) {
  const t = useT();
  const { there, here } = timeSpanWords(startMs, endMs, eventZone, viewerZone, currentLocale());
  return (
    <>
      {there}
      {here && <span className="hint"> ({t('time.yourTimeLower', { time: here })})</span>}
    </>
  );
}

/** "today", "tomorrow" or "on Friday 4 December 2026", in the event's zone, as seen at nowMs. */
function dayWords(startMs: number, nowMs: number, timeZone: string, t: ReturnType<typeof useT>): string {
  const locale = currentLocale();
  const day = formatDate(startMs, timeZone, locale);
  if (day === formatDate(nowMs, timeZone, locale)) return t('occasion.today');
  if (day === formatDate(nowMs + 86_400_000, timeZone, locale)) return t('occasion.tomorrow');
  return t('occasion.onDay', { day });
}

/**
 * When the workshop really took place, for a rehearsal of it ("This is a rehearsal, starting today
 * at …") or for a workshop that is over; nothing for one still to come.
 */
export function EventOccasion({ event, nowMs, viewerZone = viewerTimeZone() }: { event: EventConfig; nowMs: number; viewerZone?: string }) {
  const t = useT();
  const locale = currentLocale();
  const zone = event.timeZone;
  const original = event.rehearsalOf ? { ...event, ...event.rehearsalOf } : event;
  if (!event.rehearsalOf && eventTiming(event, nowMs) !== 'over') return null;
  const took = eventWindowMs(original);
  const tookPlace = (
    <Rich
      text={(m) => t('occasion.tookPlace', m)}
      parts={{
        date: <time dateTime={new Date(took.startMs).toISOString()}>{formatDate(took.startMs, zone, locale)}</time>,
        span: <TimeSpan startMs={took.startMs} endMs={took.endMs} eventZone={zone} viewerZone={viewerZone} />,
      }}
    />
  );
  if (!event.rehearsalOf) {
    return (
      <p className="notice notice-info" data-testid="event-occasion">
        {tookPlace}
      </p>
    );
  }
  const run = eventWindowMs(event);
  const local = formatTime(run.startMs, viewerZone, locale);
  const there = formatTime(run.startMs, zone, locale);
  return (
    <div className="notice notice-info" data-testid="event-occasion">
      <p>
        <span className="badge badge-warn">{t('occasion.rehearsal')}</span> {tookPlace}
      </p>
      <p>
        <Rich
          text={(m) => t(eventTiming(event, nowMs) === 'upcoming' ? 'occasion.rehearsalStarting' : 'occasion.rehearsalPlanned', { ...m, day: dayWords(run.startMs, nowMs, zone, t) })}
          parts={{
            time: (
              <>
                <time dateTime={new Date(run.startMs).toISOString()}>
                  {there} {zoneLabel(run.startMs, zone, locale)}
                </time>
                {local !== there && <span className="hint"> ({t('time.localYourTime', { time: `${local} ${zoneLabel(run.startMs, viewerZone, locale)}` })})</span>}
              </>
            ),
          }}
        />
      </p>
    </div>
  );
}
