import { expect, test } from 'vitest';
import { formatClock, formatUntil } from './countdown.js';

test.each([
  [65_000, '1:05'],
  [3_725_000, '1:02:05'],
  [-3_000, '0:00'],
  [999, '0:01'],
])('clock %i ms → %s', (ms, text) => {
  expect(formatClock(ms)).toBe(text);
});

test('far away starts are said in days', () => {
  expect(formatUntil(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 days 3 hours');
});
