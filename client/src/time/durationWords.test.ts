import { afterEach, expect, test } from 'vitest';
import { formatDurationWords, formatUntil } from './countdown.js';
import { setLanguage } from '../i18n/i18n.js';

afterEach(async () => {
  await setLanguage('en');
});

test('durations use the language\'s plurals: "1 minute 1 second", never "1 minute 1 seconds"', async () => {
  expect(formatDurationWords(61_000)).toBe('1 minute 1 second');
  expect(formatDurationWords(62_000)).toBe('1 minute 2 seconds');
  expect(formatDurationWords(3_660_000)).toBe('1 hour 1 minute');
  expect(formatUntil(86_400_000 + 3_600_000)).toBe('1 day 1 hour');
  await setLanguage('de');
  expect(formatDurationWords(61_000)).toBe('1 Minute 1 Sekunde');
  expect(formatDurationWords(125_000)).toBe('2 Minuten');
  await setLanguage('pl');
  expect([1, 2, 5, 22].map((s) => formatDurationWords(s * 1000))).toEqual(['1 sekunda', '2 sekundy', '5 sekund', '22 sekundy']);
  await setLanguage('fr');
  expect(formatUntil(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 jours 3 heures');
});
