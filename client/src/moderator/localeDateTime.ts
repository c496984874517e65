/**
 * Dates and times typed in the reader's locale (the browser's own date and time inputs follow the
 * browser's language, not the page's: "10/23/2025" and "01:00 PM" on an English browser whatever the
 * page is in). The form keeps the event file's values ("2025-10-23", "13:00"); these turn them into
 * the reader's way of writing them ("23.10.2025", "13:00") and back. Pure, Intl only.
 */

const SAMPLE_MS = Date.UTC(2025, 10, 22, 12); // 22 November 2025: day, month and year all differ

type Part = 'day' | 'month' | 'year';

/** The order of day, month and year in a locale's short date, and the separator it uses. */
export function dateShape(locale: string): { readonly order: readonly Part[]; readonly separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(SAMPLE_MS);
  const order = parts.filter((p): p is Intl.DateTimeFormatPart & { type: Part } => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type);
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  return { order, separator };
}

/** Whether a locale writes times with AM/PM. */
export function usesDayPeriod(locale: string): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' }).resolvedOptions().hourCycle;
  return cycle === 'h12' || cycle === 'h11';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "2025-10-23" as the locale writes it ("23/10/2025", "23.10.2025"); anything else as it is. */
export function formatDateField(iso: string, locale: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const { order, separator } = dateShape(locale);
  const value: Record<Part, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  return order.map((p) => value[p]).join(separator);
}

/** A date typed the locale's way (any of . / - or spaces between the numbers) as "2025-10-23", or null. */
export function parseDateField(text: string, locale: string): string | null {
  const trimmed = text.trim();
  if (ISO_DATE.test(trimmed)) return trimmed;
  const numbers = trimmed.split(/[\s./-]+/).filter(Boolean);
  if (numbers.length !== 3 || numbers.some((n) => !/^\d+$/.test(n))) return null;
  const { order } = dateShape(locale);
  const value = Object.fromEntries(order.map((p, i) => [p, Number(numbers[i])])) as Record<Part, number>;
  if (value.year < 1000 || value.month < 1 || value.month > 12 || value.day < 1 || value.day > 31) return null;
  return `${value.year}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
}

/** A format hint for the date field: "DD.MM.YYYY" from the locale's words for day, month and year. */
export function datePattern(locale: string, letters: Record<Part, string>): string {
  const { order, separator } = dateShape(locale);
  return order.map((p) => letters[p]).join(separator);
}

/** "13:00" as the locale writes it ("13:00", or "1:00 PM" where AM/PM is used); anything else as it is. */
export function formatTimeField(hhmm: string, locale: string): string {
  const m = HH_MM.exec(hhmm);
  if (!m) return hhmm;
  if (!usesDayPeriod(locale)) return hhmm;
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2025, 0, 1, Number(m[1]), Number(m[2])));
}

/** The locale's words for AM and PM ("AM", "PM"; "a.m.", "p.m." …), lowercased without dots. */
function dayPeriods(locale: string): { am: string; pm: string } {
  const word = (hour: number) =>
    (new Intl.DateTimeFormat(locale, { hour: 'numeric', hourCycle: 'h12', timeZone: 'UTC' }).formatToParts(Date.UTC(2025, 0, 1, hour)).find((p) => p.type === 'dayPeriod')?.value ?? (hour < 12 ? 'am' : 'pm'))
      .toLowerCase()
      .replace(/[.\s]/g, '');
  return { am: word(9), pm: word(15) };
}

/** A time typed as "13:00", "13.00", "9:30", "1:00 PM" as "13:00", or null. */
export function parseTimeField(text: string, locale: string): string | null {
  const m = /^(\d{1,2})\s*[:.h]\s*(\d{2})\s*(.*)$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const period = m[3]!.toLowerCase().replace(/[.\s]/g, '');
  if (minute > 59) return null;
  if (period) {
    const { am, pm } = dayPeriods(locale);
    const isPm = period === pm || period === 'pm';
    const isAm = period === am || period === 'am';
    if ((!isPm && !isAm) || hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (isPm ? 12 : 0);
  } else if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
