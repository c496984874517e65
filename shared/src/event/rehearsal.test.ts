import { describe, expect, test } from 'vitest';
import type { AgendaState, Phase } from '../engine/state.js';
import { initialState } from '../engine/state.js';
import { makeEvent, seedEvent } from '../engine/testkit.js';
import { zonedInstant } from '../time/zonedTime.js';
import { eventConfigSchema, type EventConfig } from './eventConfig.js';
import { eventTiming, eventWindowMs } from './eventTiming.js';
import { planRehearsal, rehearsalAtBoot, REHEARSAL_LEAD_MINUTES } from './rehearsal.js';

const BRUSSELS = 'Europe/Brussels';
const at = (date: string, time: string, zone = BRUSSELS) => zonedInstant(date, time, zone);
const ORIGINAL = { date: '2025-10-23', start: '09:30', end: '13:00' };
const times = (e: EventConfig) => ({ date: e.date, start: e.start, end: e.end, items: e.agenda.map((i) => i.start) });
const durations = (e: EventConfig) => e.agenda.map((i) => [i.id, i.kind, i.durationMinutes]);

describe('planRehearsal: the same agenda, starting soon', () => {
  test.each([
    ['in the afternoon: the next quarter hour 10 minutes ahead', '2026-12-01', '14:03', { date: '2026-12-01', start: '14:15', end: '17:45', items: ['14:15', '15:00', '16:15', '17:30'] }],
    ['exactly 10 minutes before a quarter hour: that quarter hour', '2026-12-01', '14:05', { date: '2026-12-01', start: '14:15', end: '17:45', items: ['14:15', '15:00', '16:15', '17:30'] }],
    ['9 minutes before a quarter hour: the one after', '2026-12-01', '14:06', { date: '2026-12-01', start: '14:30', end: '18:00', items: ['14:30', '15:15', '16:30', '17:45'] }],
    ['in the evening, ending before midnight: tonight', '2026-12-01', '19:50', { date: '2026-12-01', start: '20:00', end: '23:30', items: ['20:00', '20:45', '22:00', '23:15'] }],
    ['late evening, it would end at midnight: tomorrow at the original times', '2026-12-01', '20:15', { date: '2026-12-02', start: '09:30', end: '13:00', items: ['09:30', '10:15', '11:30', '12:45'] }],
    ['just before midnight: tomorrow at the original times', '2026-12-01', '23:55', { date: '2026-12-02', start: '09:30', end: '13:00', items: ['09:30', '10:15', '11:30', '12:45'] }],
    ['after midnight: the small hours of today', '2026-12-02', '00:40', { date: '2026-12-02', start: '01:00', end: '04:30', items: ['01:00', '01:45', '03:00', '04:15'] }],
    ['the night the clocks go forward (planned on local wall time)', '2027-03-28', '00:50', { date: '2027-03-28', start: '01:00', end: '04:30', items: ['01:00', '01:45', '03:00', '04:15'] }],
  ])('%s (now %s %s in Brussels)', (_name, date, time, expected) => {
    const now = at(date, time);
    const rehearsal = planRehearsal(seedEvent, now);
    expect(times(rehearsal)).toStrictEqual(expected);
    expect(rehearsal.rehearsalOf).toStrictEqual(ORIGINAL);
    expect(durations(rehearsal)).toStrictEqual(durations(seedEvent));
    expect({ ...rehearsal, date: seedEvent.date, start: seedEvent.start, end: seedEvent.end, agenda: seedEvent.agenda, rehearsalOf: undefined })
      .toStrictEqual({ ...seedEvent, rehearsalOf: undefined });
    expect(eventConfigSchema.parse(rehearsal)).toStrictEqual(rehearsal);
    expect(eventWindowMs(rehearsal).startMs - now).toBeGreaterThanOrEqual(REHEARSAL_LEAD_MINUTES * 60_000);
    expect(eventTiming(rehearsal, now)).toBe('upcoming');
  });

  test("uses the event's own time zone for today and tomorrow, not UTC's", () => {
    const newYork = makeEvent((input) => { input.timeZone = 'America/New_York'; });
    // 03:00 UTC on 2 December is 22:00 on 1 December in New York: too late tonight, so 2 December.
    const rehearsal = planRehearsal(newYork, Date.UTC(2026, 11, 2, 3, 0));
    expect(rehearsal.date).toBe('2026-12-02');
    expect(rehearsal.start).toBe(newYork.start);
  });

  test.each([
    ['later the same way', '2026-12-02', '10:00', { date: '2026-12-02', start: '10:15', end: '13:45', items: ['10:15', '11:00', '12:15', '13:30'] }],
    ['too late in the day: tomorrow at the original times, not the last rehearsal\'s', '2026-12-02', '21:00', { date: '2026-12-03', start: '09:30', end: '13:00', items: ['09:30', '10:15', '11:30', '12:45'] }],
  ])('planning a rehearsal again keeps the original date and times: %s', (_name, date, time, expected) => {
    const first = planRehearsal(seedEvent, at('2026-12-01', '14:03'));
    const again = planRehearsal(first, at(date, time));
    expect(times(again)).toStrictEqual(expected);
    expect(again.rehearsalOf).toStrictEqual(ORIGINAL);
  });
});

describe('rehearsalAtBoot: which saved event is rehearsed', () => {
  const DEC_1_1403 = at('2026-12-01', '14:03');
  const upcoming = { ...seedEvent, date: '2026-12-02' };
  const underway = { ...seedEvent, date: '2026-12-01', start: '14:00', end: '17:30' };
  const yesterdaysRehearsal = planRehearsal(seedEvent, at('2026-11-30', '14:03'));
  const lobby: Phase = { kind: 'lobby', openedAt: 0 };
  const plenary: Phase = { kind: 'plenary', itemIndex: 0, startedAt: 0, timer: { status: 'running', endsAt: 1 } };
  const ended: Phase = { kind: 'ended', endedAt: 0 };
  const state = (event: EventConfig, phase: Phase = { kind: 'scheduled' }): AgendaState => ({ ...initialState(event), phase });

  test.each([
    ['the past seed event, never started', state(seedEvent), 'auto', '14:15'],
    ["yesterday's rehearsal that nobody started: planned again from now", state(yesterdaysRehearsal), 'auto', '14:15'],
    ['an upcoming event (the e2e fixture): kept', state(upcoming), 'auto', null],
    ['an event due now whose moderators are late: kept', state(underway), 'auto', null],
    ['a past event whose doors were opened: continues', state(seedEvent, lobby), 'auto', null],
    ['a past event that was running: continues', state(seedEvent, plenary), 'auto', null],
    ['a rehearsal that ran to the end: stays ended', state(yesterdaysRehearsal, ended), 'auto', null],
    ['the past seed event with rehearsals off: kept', state(seedEvent), 'off', null],
  ] as const)('%s', (_name, saved, mode, start) => {
    const result = rehearsalAtBoot(saved, DEC_1_1403, mode);
    expect(result?.start ?? null).toBe(start);
    if (result) expect(result.rehearsalOf).toStrictEqual(ORIGINAL);
  });
});
