/** Wall-clock arithmetic in an IANA time zone with nothing but Intl (runs in Node and in browsers). */

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

function partsAt(timeZone: string, instantMs: number): Record<string, string> {
  return Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
}

/** Offset of the zone from UTC at an instant, in milliseconds (Brussels in summer: +7_200_000). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts = partsAt(timeZone, instantMs);
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

/** The local date ("YYYY-MM-DD") and minutes since local midnight of an instant in a time zone. */
export function localDateAndMinutes(instantMs: number, timeZone: string): { date: string; minutes: number } {
  const p = partsAt(timeZone, instantMs);
  return { date: `${p.year}-${p.month}-${p.day}`, minutes: (Number(p.hour) % 24) * 60 + Number(p.minute) };
}

/** "HH:MM" for minutes since midnight (0–1439). */
export function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes since midnight of "HH:MM". */
export function minutesOf(hhmm: string): number {
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  return hh * 60 + mm;
}

/** The calendar date `days` after a "YYYY-MM-DD" date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * An instant in ISO 8601 as the zone's wall clock with its offset ("2025-10-23T09:30:00.000+02:00");
 * "Z" for the zone named UTC or GMT, as luxon's toISO wrote it (certificates carry these).
 */
export function zonedIso(instantMs: number, timeZone: string): string {
  const offsetMs = zoneOffsetMs(timeZone, instantMs);
  const wallClock = new Date(instantMs + offsetMs).toISOString().slice(0, 23);
  if (offsetMs === 0 && /^(utc|gmt)$/i.test(timeZone)) return `${wallClock}Z`;
  return `${wallClock}${offsetMs < 0 ? '-' : '+'}${hhmmOf(Math.abs(offsetMs) / 60_000)}`;
}
