import { expect, test } from 'vitest';
import type { Phase } from '../engine/state.js';
import { initialState } from '../engine/state.js';
import { seedEvent } from '../engine/testkit.js';
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
