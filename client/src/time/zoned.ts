/** Wall-clock arithmetic in an IANA time zone with nothing but Intl. */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone from UTC at an instant, in milliseconds (Brussels in summer: +7_200_000). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return asUtc - (instantMs - (instantMs % 1000));
}

/** The instant of a local date ("YYYY-MM-DD") and time ("HH:MM") in a time zone. */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset on either side of a daylight-saving change.
  let guess = naive - zoneOffsetMs(timeZone, naive);
  guess = naive - zoneOffsetMs(timeZone, guess);
  return guess;
}

/** "Thursday 23 October 2025" in a time zone. */
export function formatDate(instantMs: number, timeZone: string | undefined, locale?: string): string {
  return new Intl.DateTimeFormat(locale ?? 'en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instantMs);
}

/** "09:30" in a time zone. */
export function formatTime(instantMs: number, timeZone: string | undefined, locale?: string): string {
  return new Intl.DateTimeFormat(locale ?? 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(instantMs);
}

/** The zone's short name at an instant: "CEST", "CET", or "GMT+2" where no abbreviation exists. */
export function zoneAbbreviation(instantMs: number, timeZone: string | undefined, locale?: string): string {
  const part = new Intl.DateTimeFormat(locale ?? 'en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(instantMs)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone ?? '';
}

/** The viewer's own IANA zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Start and end of an event as instants. */
export function eventWindow(event: { date: string; start: string; end: string; timeZone: string }): { startMs: number; endMs: number } {
  return { startMs: zonedInstant(event.date, event.start, event.timeZone), endMs: zonedInstant(event.date, event.end, event.timeZone) };
}
