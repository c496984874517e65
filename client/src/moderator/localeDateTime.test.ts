import { expect, test } from 'vitest';
import { formatDateField, formatTimeField, parseDateField, parseTimeField, usesDayPeriod } from './localeDateTime.js';

test.each([
  ['en-GB', '23/10/2025'],
  ['en-US', '10/23/2025'],
  ['de', '23.10.2025'],
  ['fr', '23/10/2025'],
  ['nl', '23-10-2025'],
  ['pl', '23.10.2025'],
])('%s writes the event date as %s and reads it back', (locale, written) => {
  expect(formatDateField('2025-10-23', locale)).toBe(written);
  expect(parseDateField(written, locale)).toBe('2025-10-23');
});

test.each([
  ['de', '1.2.2026', '2026-02-01'],
  ['en-GB', '01/02/2026', '2026-02-01'],
  ['en-US', '01/02/2026', '2026-01-02'],
  ['fr', '2026-02-01', '2026-02-01'],
  ['de', '32.1.2026', null],
  ['de', '23.10', null],
  ['fr', 'demain', null],
])('%s reads "%s" as %s', (locale, typed, iso) => {
  expect(parseDateField(typed, locale)).toBe(iso);
});

test.each([
  ['de', '13:00', '13:00'],
  ['fr', '13:00', '13:00'],
  ['en-GB', '13:00', '13:00'],
  ['en-US', '13:00', '1:00 PM'],
])('%s writes 13:00 as %s (24-hour where the locale uses it)', (locale, hhmm, written) => {
  expect(usesDayPeriod(locale)).toBe(written !== hhmm);
  expect(formatTimeField(hhmm, locale).replace(/\u202f/g, ' ')).toBe(written);
  expect(parseTimeField(formatTimeField(hhmm, locale), locale)).toBe(hhmm);
});

test.each([
  ['de', '9:30', '09:30'],
  ['de', '13.45', '13:45'],
  ['fr', '14h05', '14:05'],
  ['en-US', '12:15 am', '00:15'],
  ['en-US', '12:15 PM', '12:15'],
  ['de', '24:00', null],
  ['de', '13:60', null],
  ['en-US', '13:00 PM', null],
  ['de', 'mittags', null],
])('%s reads "%s" as %s', (locale, typed, hhmm) => {
  expect(parseTimeField(typed, locale)).toBe(hhmm);
});

test('what is not a date or a time is shown as it is, so the server can name the problem', () => {
  expect(formatDateField('23 Oct', 'de')).toBe('23 Oct');
  expect(formatTimeField('9h', 'de')).toBe('9h');
});
