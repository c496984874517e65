import { expect, test } from 'vitest';
import { eventWindowMs as eventWindow } from '../event/eventTiming.js';
import { formatTime, zoneAbbreviation } from './zonedFormat.js';
import { zonedInstant } from './zonedTime.js';

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
