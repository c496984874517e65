// A facilitator invited by a room's link (role `facilitator`, `facilitates` the room): where the
// engine puts them, what they may do there, and what stays refused.
import { describe, expect, test } from 'vitest';
import { initialState } from '../engine/state.js';
import { placementOf, roundLoads, balanceBreakouts } from '../engine/placement.js';
import { roundsOf } from '../engine/rounds.js';
import { step } from '../engine/step.js';
import { accept, actor, admitAll, CAST, command, ITEM, makeEvent, reach, SYSTEM, smallEvent } from '../engine/testkit.js';
import { facilitatesRoom, roomNotesRefusal } from '../notes/roomNotes.js';
import { muteDecision } from './muteRule.js';

const fatima = { id: 'facilitator--skills', name: 'Fatima', role: 'facilitator' as const, preferences: [], facilitates: 'skills' };
const people = [...CAST, fatima];

describe('an invited facilitator', () => {
  test('is in their room, publishing, while the round runs; in the plenary audience otherwise; nowhere before the doors open', () => {
    expect(placementOf(reach('scheduled', { people }), fatima.id)).toEqual({ roomId: null, canPublish: false });
    expect(placementOf(reach('lobby', { people }), fatima.id)).toEqual({ roomId: 'plenary', canPublish: false });
    expect(placementOf(reach(ITEM.opening, { people }), fatima.id)).toEqual({ roomId: 'plenary', canPublish: false });
    expect(placementOf(reach(ITEM.groups, { people }), fatima.id)).toEqual({ roomId: 'breakout:skills', canPublish: true });
    expect(placementOf(reach(ITEM.panel, { people }), fatima.id)).toEqual({ roomId: 'plenary', canPublish: false });
  });

  test('takes no attendee\'s place, and auto-balance leaves them where they are', () => {
    const state = reach(ITEM.groups, { people });
    const round = roundsOf(smallEvent)[0]!;
    expect(roundLoads(round, Object.values(state.participants)).get('skills')).toBe(1);
    expect(balanceBreakouts(state.event, Object.values(state.participants)).get(fatima.id) ?? null).toBeNull();
    const balanced = accept(state, { type: 'autoBalance' }).state;
    expect(placementOf(balanced, fatima.id).roomId).toBe('breakout:skills');
  });

  test('writes their room\'s notes and mutes there only; no agenda or roster command', () => {
    const state = reach(ITEM.groups, { people });
    const me = state.participants[fatima.id]!;
    expect(facilitatesRoom(state.event, me, 'skills')).toBe(true);
    expect(facilitatesRoom(state.event, me, 'trust')).toBe(false);
    expect(roomNotesRefusal(state.event, me, 'skills')).toBeNull();
    expect(roomNotesRefusal(state.event, me, 'trust')).toMatchObject({ code: 'forbidden' });
    expect(muteDecision(state, fatima.id, 'a2')).toEqual({ ok: true, roomId: 'breakout:skills' });
    expect(muteDecision(state, fatima.id, 'a1')).toMatchObject({ ok: false, code: 'forbidden' });
    const by = actor(fatima.id, 'facilitator');
    expect(step(state, command(state, { type: 'next' }, by), 0)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(step(state, command(state, { type: 'reassign', participantId: 'a1', breakoutId: 'skills' }, by), 0)).toMatchObject({ ok: false, code: 'forbidden' });
    // Nor does a moderator move them out of the room of their link.
    expect(step(state, command(state, { type: 'reassign', participantId: fatima.id, breakoutId: 'trust' }), 0)).toMatchObject({ ok: false, code: 'not_allowed_now' });
  });

  test('is admitted only for a room that exists, and only as a facilitator', () => {
    const state = admitAll(initialState(smallEvent), CAST);
    const admit = (participant: object) => step(state, command(state, { type: 'admit', participant } as never, SYSTEM), 0);
    expect(admit({ ...fatima, facilitates: 'nowhere' })).toMatchObject({ ok: false, code: 'unknown_breakout' });
    const { facilitates: _room, ...withoutRoom } = fatima;
    expect(admit(withoutRoom)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(admit({ id: 'x', name: 'X', role: 'attendee', preferences: [], facilitates: 'skills' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  test('stays through an event edit while the room does, and leaves with it', () => {
    const state = reach('scheduled', { people });
    const kept = accept(state, { type: 'replaceEvent', event: makeEvent((e) => { e.title = 'Renamed'; }) }, { by: SYSTEM }).state;
    expect(kept.participants[fatima.id]).toBeDefined();
    const withoutSkills = makeEvent((e) => { e.breakouts = e.breakouts!.filter((b) => (b as { id: string }).id !== 'skills'); });
    const dropped = accept(state, { type: 'replaceEvent', event: withoutSkills }, { by: SYSTEM });
    expect(dropped.state.participants[fatima.id]).toBeUndefined();
    expect(dropped.effects).toContainEqual({ type: 'removed', participantId: fatima.id, from: null });
  });
});
