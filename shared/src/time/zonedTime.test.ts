import { expect, test } from 'vitest';
import { eventWindowMs as eventWindow } from '../event/eventTiming.js';
import { formatTime, zoneAbbreviation } from './zonedFormat.js';
import { zonedInstant, zonedIso } from './zonedTime.js';

test.each([
  ['summer time (CEST, UTC+2)', '2025-10-23', '09:30', '2025-10-23T07:30:00.000Z'],
  ['winter time (CET, UTC+1)', '2025-10-27', '09:30', '2025-10-27T08:30:00.000Z'],
  ['the night the clocks go back', '2025-10-26', '12:00', '2025-10-26T11:00:00.000Z'],
])('Brussels wall clock to an instant: %s', (_name, date, time, iso) => {
  expect(new Date(zonedInstant(date, time, 'Europe/Brussels')).toISOString()).toBe(iso);
});

test('the reference event in Brussels and in New York', () => {
  const { startMs, endMs } = eventWindow({ date: '2025-10-23', start: '09:30', end: '13:00', timeZone: 'Europe/Brussels' });
  expect(zoneAbbreviation(startMs, 'Europe/Brussels')).toBe('CEST');
  expect(formatTime(startMs, 'America/New_York')).toBe('03:30');
  expect(formatTime(endMs, 'Asia/Tokyo')).toBe('20:00');
});

test.each([
  ['Brussels in summer', '2025-10-23', 'Europe/Brussels', '2025-10-23T09:30:00.000+02:00'],
  ['Brussels in winter', '2025-01-23', 'Europe/Brussels', '2025-01-23T09:30:00.000+01:00'],
  ['New York (behind UTC)', '2025-10-23', 'America/New_York', '2025-10-23T09:30:00.000-04:00'],
  ['Kolkata (half an hour)', '2025-10-23', 'Asia/Kolkata', '2025-10-23T09:30:00.000+05:30'],
  ['London in winter', '2025-01-23', 'Europe/London', '2025-01-23T09:30:00.000+00:00'],
  ['the zone named UTC', '2025-10-23', 'UTC', '2025-10-23T09:30:00.000Z'],
])('an instant in ISO 8601 with the zone\'s offset: %s', (_name, date, timeZone, iso) => {
  expect(zonedIso(zonedInstant(date, '09:30', timeZone), timeZone)).toBe(iso);
});
