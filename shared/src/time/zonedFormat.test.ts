import { describe, expect, test } from 'vitest';
import { zonedInstant } from './zonedTime.js';
import { timeSpanWords, utcOffset, zoneLabel } from './zonedFormat.js';

const at = (date: string, time: string, zone: string) => zonedInstant(date, time, zone);

describe('zone labels: the abbreviation where there is one, always the offset', () => {
  test.each([
    ['Europe/Brussels', '2025-10-23', 'CEST, UTC+2'],
    ['Europe/Brussels', '2025-10-30', 'CET, UTC+1'],
    ['Europe/Lisbon', '2025-10-23', 'WEST, UTC+1'],
    ['Europe/Lisbon', '2025-10-30', 'WET, UTC'],
    ['America/New_York', '2025-10-23', 'UTC−4'],
    ['America/New_York', '2025-11-03', 'UTC−5'],
    ['Asia/Tokyo', '2025-10-23', 'UTC+9'],
    ['Asia/Kolkata', '2025-10-23', 'UTC+5:30'],
    ['UTC', '2025-10-23', 'UTC'],
  ])('%s on %s: %s', (zone, date, label) => {
    expect(zoneLabel(at(date, '12:00', zone), zone)).toBe(label);
  });

  test('the offset alone', () => {
    expect(utcOffset(at('2025-10-23', '12:00', 'America/New_York'), 'America/New_York')).toBe('UTC−4');
  });
});

describe('an event\'s times for viewers in Lisbon, Brussels, New York and Tokyo, across a DST change', () => {
  const span = (date: string, start: string, end: string, eventZone: string, viewerZone: string) =>
    timeSpanWords(at(date, start, eventZone), at(date, end, eventZone), eventZone, viewerZone);

  test.each([
    // The seed workshop, 23 October 2025 in Brussels: summer time everywhere.
    ['2025-10-23', 'Europe/Brussels', { there: '09:30–13:00 CEST, UTC+2', here: null }],
    ['2025-10-23', 'Europe/Lisbon', { there: '09:30–13:00 CEST, UTC+2', here: '08:30–12:00 WEST, UTC+1' }],
    ['2025-10-23', 'America/New_York', { there: '09:30–13:00 CEST, UTC+2', here: '03:30–07:00 UTC−4' }],
    ['2025-10-23', 'Asia/Tokyo', { there: '09:30–13:00 CEST, UTC+2', here: '16:30–20:00 UTC+9' }],
    // A week later Europe has changed its clocks and New York has not: five hours apart, not six.
    ['2025-10-30', 'Europe/Brussels', { there: '09:30–13:00 CET, UTC+1', here: null }],
    ['2025-10-30', 'America/New_York', { there: '09:30–13:00 CET, UTC+1', here: '04:30–08:00 UTC−4' }],
    ['2025-10-30', 'Asia/Tokyo', { there: '09:30–13:00 CET, UTC+1', here: '17:30–21:00 UTC+9' }],
  ])('Brussels event on %s seen from %s', (date, viewer, words) => {
    expect(span(date, '09:30', '13:00', 'Europe/Brussels', viewer)).toStrictEqual(words);
  });

  test('the Lisbon forum: its own zone first (no CET), the viewer\'s beside it', () => {
    expect(span('2025-10-23', '14:00', '17:30', 'Europe/Lisbon', 'Europe/Lisbon')).toStrictEqual({ there: '14:00–17:30 WEST, UTC+1', here: null });
    expect(span('2025-10-23', '14:00', '17:30', 'Europe/Lisbon', 'Europe/Brussels')).toStrictEqual({ there: '14:00–17:30 WEST, UTC+1', here: '15:00–18:30 CEST, UTC+2' });
  });

  test('a different day for the viewer puts the date in front', () => {
    expect(span('2025-10-23', '19:00', '21:00', 'Europe/Brussels', 'Asia/Tokyo').here).toMatch(/^Friday,? 24 October 2025, 02:00–04:00 UTC\+9$/);
  });
});
