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
