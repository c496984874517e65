// The placement figures of issue 13 §2 on an oversubscribed example, before (first come, first
// served, as registration placed people) and after (the optimal plan of fair placement): the forum's
// first round (rooms of 5, 8, 10, 12, 15 and 20 places), sixty registrations in this order, thirty of
// them wanting the five-place tourism room first. Deterministic: the same figures on every run.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { eventConfigSchema } from '../event/eventConfig.js';
import { placeFairly, type Seat } from './fairPlacement.js';
import { firstComeFirstServed, scorePlan } from './placementTestkit.js';
import { roundByKey, seatOf } from './rounds.js';
import { initialState } from './state.js';
import { accept, T0 } from './testkit.js';

const forum = eventConfigSchema.parse(parseYaml(readFileSync(new URL('../../../e2e/fixtures/lisbon-forum.yaml', import.meta.url), 'utf8')));
const round = roundByKey(forum, 'round-1')!;
const rooms = round.rooms.map((r) => ({ id: r.id, capacity: r.capacity }));

/** Each registration's first and second choice, in registration order (t tourism, h health, g green, d digital, i industry, p public). */
const CHOICES = [
  'tg', 'gh', 'dh', 'dh', 'th', 'dg', 'dh', 'th', 'di', 'td', 'td', 'td', 'pd', 'pd', 'hi', 'ip', 'th', 'tp', 'tp', 'tg',
  'tp', 'dh', 'tp', 'dh', 'pi', 'dg', 'ti', 'th', 'ti', 'tg', 'tg', 'tg', 'tg', 'id', 'tg', 'gi', 'th', 'tg', 'pd', 'th',
  'hi', 'th', 'gh', 'th', 'gh', 'id', 'hd', 'gd', 'th', 'th', 'tg', 'ig', 'ph', 'th', 'ph', 'id', 'tp', 'pd', 'dg', 'dh',
];
const ROOM_OF: Record<string, string> = { t: 'tourism', h: 'health', g: 'green', d: 'digital', i: 'industry', p: 'public' };
const seats: Seat[] = CHOICES.map((c, i) => ({ id: `p${String(i).padStart(2, '0')}`, seq: i + 1, current: null, preferences: [...c].map((l) => ROOM_OF[l]!) }));

const figures = (plan: ReadonlyMap<string, string | null>) => {
  const { first, second, neither, over } = scorePlan(rooms, seats, plan);
  return { first, second, neither, over };
};

describe('placement figures on the oversubscribed forum example', () => {
  test('the example: sixty people, thirty of them wanting the five-place room first, seventy places', () => {
    expect(seats.filter((s) => s.preferences[0] === 'tourism')).toHaveLength(30);
    expect(rooms).toEqual([
      { id: 'tourism', capacity: 5 }, { id: 'health', capacity: 8 }, { id: 'green', capacity: 10 },
      { id: 'digital', capacity: 12 }, { id: 'industry', capacity: 15 }, { id: 'public', capacity: 20 },
    ]);
  });

  test('before: first come, first served gives 31 first choices, 23 second, 6 neither', () => {
    expect(figures(firstComeFirstServed(rooms, seats))).toEqual({ first: 31, second: 23, neither: 6, over: 0 });
  });

  test('after: the optimal plan gives 35 first choices, 19 second, 6 neither; from the first-come plan it moves 8 people', () => {
    expect(figures(placeFairly(rooms, seats))).toEqual({ first: 35, second: 19, neither: 6, over: 0 });
    const before = firstComeFirstServed(rooms, seats);
    const after = placeFairly(rooms, seats.map((s) => ({ ...s, current: before.get(s.id)! })));
    expect(figures(after)).toEqual({ first: 35, second: 19, neither: 6, over: 0 });
    const rank = (s: Seat, room: string | null | undefined) => (room === s.preferences[0] ? 'first' : room === s.preferences[1] ? 'second' : 'neither');
    // Who moves, from which of their choices to which: five reach their first choice, at the price of
    // one first choice (a tourism seat goes to someone whose second room is wanted first by another)
    // and two second choices (green places go to people who want green first).
    expect(seats.filter((s) => after.get(s.id) !== before.get(s.id)).map((s) => `${s.id} ${rank(s, before.get(s.id))}→${rank(s, after.get(s.id))}`)).toEqual([
      'p10 first→second', 'p16 second→first', 'p34 second→neither', 'p37 second→neither',
      'p44 neither→first', 'p46 second→first', 'p47 second→first', 'p59 neither→first',
    ]);
  });

  test('the engine registers them in this order and its plan is the optimum at once', () => {
    const state = seats.reduce((s, seat) => accept(s, {
      type: 'admit', participant: { id: seat.id, name: seat.id, role: 'attendee', preferences: [], roundPreferences: { 'round-1': [...seat.preferences] } },
    }, { now: T0 }).state, initialState(forum));
    const plan = new Map(seats.map((s) => [s.id, seatOf(state.participants[s.id]!, round.key).breakoutId]));
    expect(figures(plan)).toEqual({ first: 35, second: 19, neither: 6, over: 0 });
  });
});
