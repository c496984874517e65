/**
 * Dates and times in an IANA time zone, in words for people, with nothing but Intl (runs in Node
 * and in browsers; no zod, no luxon): the one formatting both the pages and the server's messages use.
 */

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

/** The zone's offset from UTC at an instant: "UTC+2", "UTC−4", "UTC+5:30", or "UTC". */
export function utcOffset(instantMs: number, timeZone: string | undefined): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(instantMs)
    .find((p) => p.type === 'timeZoneName');
  const offset = (part?.value ?? 'GMT').replace(/^GMT/, '');
  return offset === '' || offset === '+0' ? 'UTC' : `UTC${offset.replace('-', '−')}`;
}

/** The zone as people read it: "CEST, UTC+2"; just "UTC−4" where the zone has no abbreviation of its own. */
export function zoneLabel(instantMs: number, timeZone: string | undefined, locale?: string): string {
  const abbreviation = zoneAbbreviation(instantMs, timeZone, locale);
  const offset = utcOffset(instantMs, timeZone);
  return /^(GMT|UTC)([+-−]|$)/.test(abbreviation) ? offset : `${abbreviation}, ${offset}`;
}

/**
 * Whether a zone's IANA name says more than its label: "Europe/Brussels" beside "CET, UTC+1" does;
 * "UTC" or "Etc/GMT" beside "UTC" only repeats it ("07:30–11:00 UTC (UTC)").
 */
export const zoneNameAddsToLabel = (timeZone: string): boolean => timeZone.includes('/') && !/^Etc\//.test(timeZone);

/**
 * "09:30–13:00 CEST, UTC+2" in the event's zone, and the same span in the viewer's zone when its
 * clock differs ("03:30–07:00 UTC−4", with the date in front when the day differs), else null.
 * Dates, times and zone names in `locale` (British English when absent).
 */
export function timeSpanWords(startMs: number, endMs: number, eventZone: string, viewerZone: string, locale?: string): { there: string; here: string | null } {
  const span = (zone: string) => `${formatTime(startMs, zone, locale)}–${formatTime(endMs, zone, locale)} ${zoneLabel(startMs, zone, locale)}`;
  const there = span(eventZone);
  const sameClock = formatTime(startMs, eventZone) === formatTime(startMs, viewerZone) && formatTime(endMs, eventZone) === formatTime(endMs, viewerZone);
  const sameDate = formatDate(startMs, eventZone) === formatDate(startMs, viewerZone);
  if (sameClock && sameDate) return { there, here: null };
  return { there, here: sameDate ? span(viewerZone) : `${formatDate(startMs, viewerZone, locale)}, ${span(viewerZone)}` };
}
