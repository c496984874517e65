import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Participant } from '../domain.js';
import { eventConfigSchema, type EventConfig } from '../event/eventConfig.js';
import { placementIn } from './placement.js';
import { pickCounts } from './roundPicks.js';
import { DEFAULT_ROUND, roundByKey, roundsOf, seatOf, type Round } from './rounds.js';
import { initialState, type AgendaState } from './state.js';
import { step } from './step.js';
import { accept, actor, command, effectsOf, ITEM_AT, makeEvent, movesOf, seedEvent, T0, type EventInput } from './testkit.js';

const FORUM_URL = new URL('../../../e2e/fixtures/lisbon-forum.yaml', import.meta.url);
const forumInput = (): EventInput => parseYaml(readFileSync(FORUM_URL, 'utf8'));
const forum: EventConfig = eventConfigSchema.parse(forumInput());
/** Agenda indexes of the forum. */
const F = { welcome: 0, round1: 1, coffee: 2, round2: 3, panel: 4, closing: 5 } as const;
const ROUND1 = roundByKey(forum, 'round-1')!;
const ROUND2 = roundByKey(forum, 'round-2')!;

interface Admitted { id: string; role?: Participant['role']; preferences?: string[]; round1?: string[]; round2?: string[] }

function admit(state: AgendaState, people: readonly Admitted[], now = T0): AgendaState {
  return people.reduce((s, p) => accept(s, {
    type: 'admit',
    participant: {
      id: p.id, name: `Person ${p.id}`, role: p.role ?? 'attendee', preferences: p.preferences ?? [],
      roundPreferences: { ...(p.round1 ? { 'round-1': p.round1 } : {}), ...(p.round2 ? { 'round-2': p.round2 } : {}) },
    },
  }, { now }).state, state);
}

const goTo = (state: AgendaState, itemIndex: number, now = ITEM_AT) => accept(state, { type: 'goTo', itemIndex }, { now });
const pick = (state: AgendaState, id: string, breakoutId: string) => step(state, command(state, { type: 'pickBreakout', breakoutId }, actor(id, 'attendee')), ITEM_AT);

/** Sixty attendees with skewed preferences: half want the five-seat tourism room first. */
const SIXTY: Admitted[] = Array.from({ length: 60 }, (_, i) => ({
  id: `p${String(i).padStart(2, '0')}`,
  round1: i % 2 === 0 ? ['tourism', i % 4 === 0 ? 'health' : 'green'] : [['digital', 'industry', 'public'][i % 3]!, 'health'],
  round2: [['recognition', 'quality', 'funding'][i % 3]!],
}));

function roomsOf(state: AgendaState, round: Round): Map<string, string[]> {
  const rooms = new Map(round.rooms.map((r) => [r.id, [] as string[]]));
  for (const p of Object.values(state.participants)) {
    const id = seatOf(p, round.key).breakoutId;
    if (id) rooms.get(id)!.push(p.id);
  }
  return rooms;
}

function expectWithinCapacityAndEveryoneSeated(state: AgendaState, round: Round): void {
  const rooms = roomsOf(state, round);
  for (const room of round.rooms) expect(rooms.get(room.id)!.length, room.id).toBeLessThanOrEqual(room.capacity);
  for (const p of Object.values(state.participants).filter((x) => x.role === 'attendee')) {
    expect(round.rooms.map((r) => r.id), p.id).toContain(seatOf(p, round.key).breakoutId);
  }
}

describe('the event model: rounds of breakouts', () => {
  test('the forum has two rounds with their own rooms; the seed keeps one default round', () => {
    expect(roundsOf(forum).map((r) => [r.key, r.rooms.map((b) => b.capacity), r.select, r.itemIndexes])).toStrictEqual([
      ['round-1', [5, 8, 10, 12, 15, 20], 'assigned', [F.round1]],
      ['round-2', [20, 20, 25], 'self', [F.round2]],
    ]);
    expect(roundsOf(seedEvent).map((r) => [r.key, r.rooms.length, r.select])).toStrictEqual([[DEFAULT_ROUND, 4, 'assigned']]);
  });

  test('reuse gives an item the rooms and placement of an earlier one', () => {
    const event = makeEvent((e) => {
      e.agenda[2] = { id: 'again', kind: 'breakouts', title: 'Again', start: '10:10', durationMinutes: 15, reuse: 'groups' };
    });
    expect(roundsOf(event).map((r) => [r.key, r.itemIndexes])).toStrictEqual([[DEFAULT_ROUND, [1, 2]]]);
  });

  const forumEdit = (edit: (e: EventInput) => void) => { const input = forumInput(); edit(input); return eventConfigSchema.safeParse(input); };
  test.each<{ name: string; edit: (e: EventInput) => void; path: (string | number)[]; message: RegExp }>([
    { name: 'rooms and reuse together', edit: (e) => { e.agenda[F.round2]!.reuse = 'round-1'; }, path: ['agenda', F.round2, 'reuse'], message: /not both/ },
    { name: 'reuse of an unknown item', edit: (e) => { delete e.agenda[F.round2]!.rooms; e.agenda[F.round2]!.reuse = 'nope'; }, path: ['agenda', F.round2, 'reuse'], message: /unknown agenda item "nope"/ },
    { name: 'reuse of a break', edit: (e) => { delete e.agenda[F.round2]!.rooms; e.agenda[F.round2]!.reuse = 'coffee'; }, path: ['agenda', F.round2, 'reuse'], message: /not a breakouts item/ },
    { name: 'reuse of a later item', edit: (e) => { delete e.agenda[F.round1]!.rooms; e.agenda[F.round1]!.reuse = 'round-2'; }, path: ['agenda', F.round1, 'reuse'], message: /must come before/ },
    { name: 'a room id of another round', edit: (e) => { (e.agenda[F.round2]!.rooms as { id: string }[])[1]!.id = 'health'; }, path: ['agenda', F.round2, 'rooms', 1, 'id'], message: /already used in agenda item "round-1"/ },
    { name: 'a room id twice in a round', edit: (e) => { (e.agenda[F.round1]!.rooms as { id: string }[])[1]!.id = 'tourism'; }, path: ['agenda', F.round1, 'rooms', 1, 'id'], message: /duplicate id "tourism"/ },
    { name: 'a room without capacity', edit: (e) => { delete (e.agenda[F.round1]!.rooms as Record<string, unknown>[])[0]!.capacity; }, path: ['agenda', F.round1, 'rooms', 0, 'capacity'], message: /./ },
    { name: 'a round without rooms anywhere', edit: (e) => { delete e.agenda[F.round1]!.rooms; }, path: ['agenda', F.round1, 'kind'], message: /at least one breakout room/ },
    { name: 'an unknown way of filling', edit: (e) => { e.agenda[F.round2]!.select = 'random'; }, path: ['agenda', F.round2, 'select'], message: /./ },
    { name: 'a self-select first item', edit: (e) => { e.agenda.splice(0, 1); e.start = '14:45'; e.agenda[0]!.select = 'self'; }, path: ['agenda', 0, 'select'], message: /item before it/ },
  ])('refused: $name, with its field', ({ edit, path, message }) => {
    const result = forumEdit(edit);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue?.message, JSON.stringify(result.error!.issues)).toMatch(message);
  });
});

describe('placement per round', () => {
  const registered = admit(initialState(forum), SIXTY);

  test('round 1 is placed fairly within capacity at registration; round 2 waits for picks', () => {
    expectWithinCapacityAndEveryoneSeated(registered, ROUND1);
    const rooms = roomsOf(registered, ROUND1);
    expect(rooms.get('tourism')!.length).toBe(5);
    // Everyone who did not want tourism first gets their first choice (those rooms have space).
    const firsts = SIXTY.filter((p) => seatOf(registered.participants[p.id]!, 'round-1').breakoutId === p.round1![0]).length;
    expect(firsts).toBe(35);
    for (const p of Object.values(registered.participants)) expect(seatOf(p, 'round-2').breakoutId).toBeNull();
  });

  test('each round puts each attendee in the LiveKit room of their seat', () => {
    const inRound1 = goTo(accept(registered, { type: 'openDoors' }).state, F.round1).state;
    for (const p of Object.values(inRound1.participants)) {
      expect(placementIn(forum, inRound1.phase, p).roomId).toBe(`breakout:${seatOf(p, 'round-1').breakoutId}`);
    }
  });

  test('picks during the break: live counts, a full room closed, the rest placed when round 2 opens', () => {
    let state = goTo(accept(registered, { type: 'openDoors' }).state, F.coffee).state;
    // Twenty pick "recognition", the room's capacity; the 21st is refused.
    for (const p of SIXTY.slice(0, 20)) {
      const result = pick(state, p.id, 'recognition');
      if (!result.ok) throw new Error(result.message);
      state = result.state;
    }
    expect(pickCounts(ROUND2, Object.values(state.participants))).toStrictEqual(new Map([['recognition', 20], ['quality', 0], ['funding', 0]]));
    const full = pick(state, 'p20', 'recognition');
    expect(full).toMatchObject({ ok: false, code: 'room_full', message: expect.stringMatching(/Recognition across borders is full \(20 of 20/) });
    const changed = pick(state, 'p00', 'funding');
    expect(changed.ok).toBe(true);
    if (changed.ok) expect(pickCounts(ROUND2, Object.values(changed.state.participants)).get('recognition')).toBe(19);

    const opened = goTo(state, F.round2);
    expectWithinCapacityAndEveryoneSeated(opened.state, ROUND2);
    for (const p of SIXTY.slice(0, 20)) expect(seatOf(opened.state.participants[p.id]!, 'round-2')).toMatchObject({ breakoutId: 'recognition', picked: true });
    // Those who did not pick get a room by their preferences where it has space.
    const fallback = SIXTY.slice(20).filter((p) => seatOf(opened.state.participants[p.id]!, 'round-2').breakoutId === p.round2![0]);
    expect(fallback.length).toBe(SIXTY.slice(20).filter((p) => p.round2![0] !== 'recognition').length);
    expect(movesOf(opened.effects).every((m) => m.to === `breakout:${seatOf(opened.state.participants[m.participantId]!, 'round-2').breakoutId}`)).toBe(true);
  });

  test.each([
    { name: 'before the break', at: F.welcome, code: 'not_allowed_now', room: 'quality' },
    { name: 'during round 2 itself', at: F.round2, code: 'not_allowed_now', room: 'quality' },
    { name: 'a room of an assigned round', at: F.coffee, code: 'not_allowed_now', room: 'health' },
    { name: 'a room that does not exist', at: F.coffee, code: 'unknown_breakout', room: 'nowhere' },
  ])('a pick is refused $name and changes nothing', ({ at, code, room }) => {
    const state = goTo(accept(registered, { type: 'openDoors' }).state, at).state;
    const result = pick(state, 'p01', room);
    expect(result).toMatchObject({ ok: false, code });
  });

  test('a speaker cannot pick; a moderator reassigns within the room\'s round and a full room needs confirming', () => {
    const withStaff = admit(registered, [{ id: 'panel-lead', role: 'speaker' }]);
    const state = goTo(accept(withStaff, { type: 'openDoors' }).state, F.coffee).state;
    expect(step(state, command(state, { type: 'pickBreakout', breakoutId: 'quality' }, actor('panel-lead', 'speaker')), ITEM_AT)).toMatchObject({ ok: false, code: 'forbidden' });
    const inTourism = SIXTY.find((p) => seatOf(state.participants[p.id]!, 'round-1').breakoutId === 'digital')!;
    const refused = step(state, command(state, { type: 'reassign', participantId: inTourism.id, breakoutId: 'tourism' }), ITEM_AT);
    expect(refused).toMatchObject({ ok: false, code: 'room_full', message: expect.stringMatching(/5 of 5/) });
    const moved = accept(state, { type: 'reassign', participantId: inTourism.id, breakoutId: 'recognition' }).state;
    expect(seatOf(moved.participants[inTourism.id]!, 'round-2').breakoutId).toBe('recognition');
    expect(seatOf(moved.participants[inTourism.id]!, 'round-1').breakoutId).toBe('digital');
  });

  test('a late registrant during round 1 is placed at once and moves alone', () => {
    const running = goTo(accept(registered, { type: 'openDoors' }).state, F.round1).state;
    const late = accept(running, { type: 'admit', participant: { id: 'late', name: 'Late', role: 'attendee', preferences: [], roundPreferences: { 'round-1': ['tourism', 'public'] } } });
    expect(seatOf(late.state.participants.late!, 'round-1').breakoutId).toBe('public');
    expect(movesOf(late.effects)).toStrictEqual([{ participantId: 'late', from: null, to: 'breakout:public', canPublish: true }]);
    expect(seatOf(late.state.participants.late!, 'round-2').breakoutId).toBeNull();
  });

  test('round 1 is re-planned for registrations until its doors open, then frozen', () => {
    // A room with one seat and a second choice: the newcomer wanting it first takes it before the round opens.
    const event = eventConfigSchema.parse({ ...forumInput(), agenda: forumInput().agenda.map((item) => item.id === 'round-1' ? { ...item, rooms: [{ id: 'tourism', title: 'T', capacity: 1 }, { id: 'health', title: 'H', capacity: 5 }] } : item) });
    const early = admit(initialState(event), [{ id: 'a', round1: ['tourism', 'health'] }]);
    const inWelcome = goTo(accept(early, { type: 'openDoors' }).state, F.welcome).state;
    const b = { id: 'b', name: 'B', role: 'attendee' as const, preferences: [], roundPreferences: { 'round-1': ['tourism'] } };
    const before = accept(inWelcome, { type: 'admit', participant: b }).state;
    expect([seatOf(before.participants.a!, 'round-1').breakoutId, seatOf(before.participants.b!, 'round-1').breakoutId]).toStrictEqual(['health', 'tourism']);
    const inRound = goTo(inWelcome, F.round1).state;
    const after = accept(inRound, { type: 'admit', participant: b }).state;
    expect([seatOf(after.participants.a!, 'round-1').breakoutId, seatOf(after.participants.b!, 'round-1').breakoutId]).toStrictEqual(['tourism', 'health']);
  });

  test('from one round straight into the next, only people whose room changes move', () => {
    const input = forumInput();
    input.agenda.splice(F.coffee, 1);
    input.agenda[F.coffee] = { ...input.agenda[F.coffee]!, start: '15:30', durationMinutes: 60, select: 'assigned', rooms: [
      { id: 'tourism-2', title: 'Tourism again', capacity: 5 }, { id: 'open', title: 'Open', capacity: 100 },
    ] };
    const event = eventConfigSchema.parse(input);
    let state = admit(initialState(event), SIXTY.map((p) => ({ ...p, round2: [] })));
    state = goTo(accept(state, { type: 'openDoors' }).state, 1).state;
    // Round 2 "reuses" nobody, so everyone moves to a new room; reuse of round 1 moves nobody.
    const next = accept(state, { type: 'next' });
    expect(movesOf(next.effects).length).toBe(60);
    const reusing = eventConfigSchema.parse({ ...input, agenda: input.agenda.map((item, i) => i === 2 ? { id: item.id, kind: 'breakouts', title: 'Again', start: item.start, durationMinutes: item.durationMinutes, reuse: 'round-1' } : item) });
    let again = admit(initialState(reusing), SIXTY);
    again = goTo(accept(again, { type: 'openDoors' }).state, 1).state;
    const onward = accept(again, { type: 'next' });
    expect(movesOf(onward.effects)).toStrictEqual([]);
    // A reassignment between the two items moves that one person only.
    const who = Object.values(again.participants)[0]!;
    const target = ROUND1.rooms.find((r) => r.id !== who.rounds?.['round-1']?.breakoutId && r.capacity >= 20)!;
    const reassigned = accept(again, { type: 'reassign', participantId: who.id, breakoutId: target.id });
    expect(movesOf(reassigned.effects).map((m) => m.participantId)).toStrictEqual([who.id]);
    expect(effectsOf(reassigned.effects, 'rosterChanged')).toStrictEqual([{ type: 'rosterChanged', participantIds: [who.id] }]);
  });

  test('auto-balance works on the round now running or next', () => {
    const inCoffee = goTo(accept(registered, { type: 'openDoors' }).state, F.coffee).state;
    // Round 2 has not opened: balancing leaves the people who have not picked free to pick.
    const balanced = accept(inCoffee, { type: 'autoBalance' }).state;
    expect(Object.values(balanced.participants).every((p) => seatOf(p, 'round-2').breakoutId === null)).toBe(true);
    expect(balanced.participants).toStrictEqual(inCoffee.participants);
  });
});

describe('properties of rounds', () => {
  const ids = { r1: ROUND1.rooms.map((r) => r.id), r2: ROUND2.rooms.map((r) => r.id) };
  const personArb = fc.record({
    round1: fc.uniqueArray(fc.constantFrom(...ids.r1), { maxLength: 2 }),
    round2: fc.uniqueArray(fc.constantFrom(...ids.r2), { maxLength: 2 }),
    pick: fc.option(fc.constantFrom(...ids.r2), { nil: null }),
    late: fc.boolean(),
  });

  test('never over capacity, everyone in exactly one room of each round, picks kept', () => {
    fc.assert(fc.property(fc.array(personArb, { maxLength: 65 }), (people) => {
      const listed = people.map((p, i) => ({ ...p, id: `q${i}` }));
      let state = admit(initialState(forum), listed.filter((p) => !p.late));
      state = goTo(accept(state, { type: 'openDoors' }).state, F.round1).state;
      state = admit(state, listed.filter((p) => p.late));
      expectWithinCapacityAndEveryoneSeated(state, ROUND1);
      state = goTo(state, F.coffee).state;
      const kept = new Map<string, string>();
      for (const p of listed) {
        if (!p.pick) continue;
        const result = pick(state, p.id, p.pick);
        if (result.ok) { state = result.state; kept.set(p.id, p.pick); }
        else expect(result.code).toBe('room_full');
      }
      state = goTo(state, F.round2).state;
      expectWithinCapacityAndEveryoneSeated(state, ROUND2);
      for (const [id, room] of kept) expect(seatOf(state.participants[id]!, 'round-2').breakoutId).toBe(room);
      // Round 1's placement is untouched by round 2.
      for (const p of Object.values(state.participants)) expect(ids.r1).toContain(seatOf(p, 'round-1').breakoutId);
    }), { numRuns: 60 });
  });
});
