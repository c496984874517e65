import { describe, expect, test } from 'vitest';
import { eventConfigSchema } from './eventConfig.js';
import type { Phase } from '../engine/state.js';
import { initialState } from '../engine/state.js';
import { seedEvent, seedEventInput } from '../engine/testkit.js';
import { eventTiming, registrationClosedBecause } from './eventTiming.js';

// The seed event: 23 October 2025, 09:30–13:00 in Brussels (CEST, UTC+2).
const utc = (hh: number, mm: number, day = 23) => Date.UTC(2025, 9, day, hh, mm);

test.each([
  ['a day before', utc(7, 30, 22), 'upcoming'],
  ['a minute before the start', utc(7, 29), 'upcoming'],
  ['at the start', utc(7, 30), 'underway'],
  ['a minute before the end', utc(10, 59), 'underway'],
  ['at the end', utc(11, 0), 'over'],
  ['13 months later', Date.UTC(2026, 11, 1, 12, 0), 'over'],
] as const)('the seed event, %s', (_name, now, timing) => {
  expect(eventTiming(seedEvent, now)).toBe(timing);
});

const running: Phase = { kind: 'closing', itemIndex: 3, startedAt: utc(10, 45), timer: { status: 'running', endsAt: utc(11, 15) } };
test.each([
  ['before the event', { kind: 'scheduled' } as Phase, utc(7, 0), null],
  ['running late past the planned end', running, utc(11, 10), null],
  ['ended', { kind: 'ended', endedAt: utc(11, 0) } as Phase, utc(11, 1), 'This workshop has ended; registration is closed.'],
  ['never started, planned end passed', { kind: 'scheduled' } as Phase, Date.UTC(2026, 11, 1), 'This workshop took place on 23 October 2025; registration is closed.'],
])('registration, %s', (_name, phase, now, closed) => {
  expect(registrationClosedBecause({ ...initialState(seedEvent), phase }, now)).toBe(closed);
});

describe('a registration window', () => {
  const windowed = { ...seedEvent, registration: { opens: '2025-09-01 09:00', closes: '2025-10-22 18:00' } };
  const scheduled: Phase = { kind: 'scheduled' };
  test.each([
    ['before it opens', Date.UTC(2025, 8, 1, 6, 59), 'Registration opens on Monday 1 September 2025 at 09:00 CEST, UTC+2.'],
    ['as it opens', Date.UTC(2025, 8, 1, 7, 0), null],
    ['the day before the event', Date.UTC(2025, 9, 22, 15, 59), null],
    ['once it closed', Date.UTC(2025, 9, 22, 16, 0), 'Registration closed on Wednesday 22 October 2025 at 18:00 CEST, UTC+2.'],
  ])('%s', (_name, now, closed) => {
    const words = registrationClosedBecause({ ...initialState(windowed), phase: scheduled }, now);
    // Some ICU versions put a comma after the weekday.
    expect(words?.replace(/day, /, 'day ') ?? null).toBe(closed);
  });

  test('a rehearsal keeps registration open whatever the window says', () => {
    const rehearsal = { ...windowed, rehearsalOf: { date: '2025-10-23', start: '09:30', end: '13:00' }, date: '2026-12-01' };
    expect(registrationClosedBecause({ ...initialState(rehearsal), phase: scheduled }, Date.UTC(2026, 11, 1, 8, 0))).toBeNull();
  });

  test('the window is checked: closes after opens, and written as a local date and time', () => {
    const parse = (registration: unknown) => eventConfigSchema.safeParse({ ...seedEventInput(), registration });
    expect(parse({ opens: '2025-10-01 09:00', closes: '2025-09-01 09:00' }).error?.issues).toEqual([expect.objectContaining({ path: ['registration', 'closes'], message: 'closes must be after opens' })]);
    expect(parse({ opens: '1 Sept' }).error?.issues).toEqual([expect.objectContaining({ path: ['registration', 'opens'], message: 'use "YYYY-MM-DD HH:MM"' })]);
    expect(parse({ capacity: 0 }).success).toBe(false);
    expect(parse({ capacity: 120 }).data?.registration).toStrictEqual({ capacity: 120 });
  });
});
