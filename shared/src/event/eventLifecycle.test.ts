import { expect, test } from 'vitest';
import { seedEvent } from '../engine/testkit.js';
import { movedEvent, whenOf } from './eventLifecycle.js';

test.each([
  ['a week later, an hour later', { date: '2025-10-30', start: '10:30' }, { date: '2025-10-30', start: '10:30', end: '14:00' }, ['10:30', '11:15', '12:30', '13:45']],
  ['the same day, earlier', { date: '2025-10-23', start: '08:00' }, { date: '2025-10-23', start: '08:00', end: '11:30' }, ['08:00', '08:45', '10:00', '11:15']],
  ['to the first minute of the day', { date: '2025-11-02', start: '00:00' }, { date: '2025-11-02', start: '00:00', end: '03:30' }, ['00:00', '00:45', '02:00', '03:15']],
])('moved %s: the whole agenda keeps its shape', (_name, to, when, starts) => {
  const moved = movedEvent(seedEvent, to)!;
  expect(whenOf(moved)).toEqual(when);
  expect(moved.agenda.map((i) => i.start)).toEqual(starts);
  expect(moved.agenda.map((i) => i.durationMinutes)).toEqual(seedEvent.agenda.map((i) => i.durationMinutes));
});

test.each([
  ['past midnight', { date: '2025-10-30', start: '21:00' }],
  ['a malformed start', { date: '2025-10-30', start: '9:30' }],
])('not moved %s', (_name, to) => {
  expect(movedEvent(seedEvent, to)).toBeNull();
});
