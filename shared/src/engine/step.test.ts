import { describe, expect, test } from 'vitest';
import { breakoutRoomId, type RoomId } from '../domain.js';
import type { EventConfig } from '../event/eventConfig.js';
import type { Action, Actor } from './actions.js';
import type { Effect, Move } from './effects.js';
import type { RefusalCode } from './refusal.js';
import { type AgendaState, type Phase } from './state.js';
import { step } from './step.js';
import {
  CAST, GROUPS_MS, ITEM, ITEM_AT, MINUTE_MS, MODERATOR, SYSTEM, T0, WARNING_MS, accept, actor, admitAll, command,
  deadlineEffectsOf, effectsOf, endsAtOf, makeEvent, movesOf, person, reach, seedEvent, smallEvent, type Newcomer, type Where,
} from './testkit.js';

const ATTENDEE = actor('a1', 'attendee');
const SPEAKER = actor('ana', 'speaker');

/** Who sends an action when a case does not say: the server for system actions, else the moderator. */
const defaultActor = (action: Action): Actor => (action.type === 'admit' || action.type === 'deadlineReached' ? SYSTEM : MODERATOR);

const itemEnd: Action = { type: 'deadlineReached', deadline: 'itemEnd' };
const breakoutWarning: Action = { type: 'deadlineReached', deadline: 'breakoutWarning' };

/** A state reached by a few accepted commands after `reach`. */
function then(where: Where, ...steps: { action: Action; by?: Actor; now: number }[]): AgendaState {
  return steps.reduce((s, { action, by, now }) => accept(s, action, { by, now }).state, reach(where));
}

const move = (participantId: string, from: RoomId | null, to: RoomId | null, canPublish: boolean): Move => ({ participantId, from, to, canPublish });

describe('phase transitions', () => {
  interface TransitionCase {
    readonly from: Where;
    readonly action: Action;
    readonly to: Phase['kind'];
    readonly itemIndex?: number;
  }
  const end: Action = { type: 'end' };
  const next: Action = { type: 'next' };
  const goTo = (itemIndex: number): Action => ({ type: 'goTo', itemIndex });
  const cases: TransitionCase[] = [
    { from: 'scheduled', action: { type: 'openDoors' }, to: 'lobby' },
    { from: 'scheduled', action: { type: 'start' }, to: 'plenary', itemIndex: ITEM.opening },
    { from: 'lobby', action: { type: 'start' }, to: 'plenary', itemIndex: ITEM.opening },
    { from: 'lobby', action: next, to: 'plenary', itemIndex: ITEM.opening },
    { from: ITEM.opening, action: next, to: 'breakouts', itemIndex: ITEM.groups },
    { from: ITEM.groups, action: next, to: 'break', itemIndex: ITEM.coffee },
    { from: ITEM.coffee, action: next, to: 'live', itemIndex: ITEM.panel },
    { from: ITEM.panel, action: next, to: 'closing', itemIndex: ITEM.closing },
    { from: ITEM.closing, action: next, to: 'ended' },
    { from: ITEM.groups, action: { type: 'endBreakouts' }, to: 'break', itemIndex: ITEM.coffee },
    { from: 'lobby', action: goTo(ITEM.panel), to: 'live', itemIndex: ITEM.panel },
    { from: ITEM.opening, action: goTo(ITEM.closing), to: 'closing', itemIndex: ITEM.closing },
    { from: ITEM.closing, action: goTo(ITEM.opening), to: 'plenary', itemIndex: ITEM.opening },
    { from: ITEM.panel, action: goTo(ITEM.groups), to: 'breakouts', itemIndex: ITEM.groups },
    { from: 'scheduled', action: end, to: 'ended' },
    { from: 'lobby', action: end, to: 'ended' },
    { from: ITEM.opening, action: end, to: 'ended' },
    { from: ITEM.groups, action: end, to: 'ended' },
    { from: ITEM.coffee, action: end, to: 'ended' },
    { from: ITEM.panel, action: end, to: 'ended' },
    { from: ITEM.closing, action: end, to: 'ended' },
  ];

  test.each(cases)('$action.type from $from → $to', ({ from, action, to, itemIndex }) => {
    const state = reach(from);
    const now = ITEM_AT + 7 * MINUTE_MS;
    const result = accept(state, action, { now });

    const expected: Phase = to === 'lobby'
      ? { kind: 'lobby', openedAt: now }
      : to === 'ended'
        ? { kind: 'ended', endedAt: now }
        : ({
          kind: to,
          itemIndex: itemIndex!,
          startedAt: now,
          timer: { status: 'running', endsAt: now + smallEvent.agenda[itemIndex!]!.durationMinutes * MINUTE_MS },
        } as Phase);
    expect(result.state.phase).toStrictEqual(expected);
    expect(result.state.version).toBe(state.version + 1);
    // The cue: exactly one agenda broadcast, before anything else.
    expect(result.effects[0]).toStrictEqual({ type: 'agendaChanged' });
    expect(effectsOf(result.effects, 'agendaChanged')).toHaveLength(1);
  });

  test('a whole run from scheduled to ended with next only', () => {
    let state = accept(reach('scheduled'), { type: 'openDoors' }).state;
    const kinds: Phase['kind'][] = [];
    while (state.phase.kind !== 'ended') {
      state = accept(state, { type: 'next' }).state;
      kinds.push(state.phase.kind);
    }
    expect(kinds).toStrictEqual(['plenary', 'breakouts', 'break', 'live', 'closing', 'ended']);
  });
});

describe('refusals leave the state exactly as it was', () => {
  interface RefusalCase {
    readonly name: string;
    readonly setup: () => AgendaState;
    readonly action: Action;
    readonly by?: Actor;
    readonly version?: (state: AgendaState) => number;
    readonly now?: (state: AgendaState) => number;
    readonly code: RefusalCode;
  }
  const at = (where: Where) => () => reach(where);
  const paused = () => then(ITEM.groups, { action: { type: 'pause' }, now: ITEM_AT + 5 * MINUTE_MS });
  const onStage = () => then(ITEM.opening, { action: { type: 'promoteToStage', participantId: 'a1' }, now: ITEM_AT });
  const endsAt = (s: AgendaState) => endsAtOf(s);
  const trustFull = () => then(ITEM.groups, { action: { type: 'reassign', participantId: 'a2', breakoutId: 'trust' }, now: ITEM_AT });
  const cases: RefusalCase[] = [
    // stale_version
    { name: 'next with an older version', setup: at(ITEM.opening), action: { type: 'next' }, version: (s) => s.version - 1, code: 'stale_version' },
    { name: 'next with a newer version', setup: at(ITEM.opening), action: { type: 'next' }, version: (s) => s.version + 1, code: 'stale_version' },
    { name: 'promoteToStage with an older version', setup: at(ITEM.opening), action: { type: 'promoteToStage', participantId: 'a1' }, version: (s) => s.version - 1, code: 'stale_version' },
    { name: 'raiseHand with an older version', setup: at(ITEM.opening), action: { type: 'raiseHand' }, by: ATTENDEE, version: (s) => s.version - 1, code: 'stale_version' },
    // forbidden
    { name: 'attendee sends next', setup: at(ITEM.opening), action: { type: 'next' }, by: ATTENDEE, code: 'forbidden' },
    { name: 'speaker sends end', setup: at(ITEM.opening), action: { type: 'end' }, by: SPEAKER, code: 'forbidden' },
    { name: 'attendee sends promoteToStage', setup: at(ITEM.opening), action: { type: 'promoteToStage', participantId: 'a1' }, by: ATTENDEE, code: 'forbidden' },
    { name: 'moderator sends admit', setup: at('lobby'), action: { type: 'admit', participant: person('x') }, by: MODERATOR, code: 'forbidden' },
    { name: 'attendee sends deadlineReached', setup: at(ITEM.groups), action: itemEnd, by: ATTENDEE, now: endsAt, code: 'forbidden' },
    { name: 'the server sends next', setup: at(ITEM.opening), action: { type: 'next' }, by: SYSTEM, code: 'forbidden' },
    { name: 'the server sends raiseHand', setup: at(ITEM.opening), action: { type: 'raiseHand' }, by: SYSTEM, code: 'forbidden' },
    // not_allowed_now
    { name: 'openDoors in the lobby', setup: at('lobby'), action: { type: 'openDoors' }, code: 'not_allowed_now' },
    { name: 'openDoors after the end', setup: at('ended'), action: { type: 'openDoors' }, code: 'not_allowed_now' },
    { name: 'start during an item', setup: at(ITEM.opening), action: { type: 'start' }, code: 'not_allowed_now' },
    { name: 'start after the end', setup: at('ended'), action: { type: 'start' }, code: 'not_allowed_now' },
    { name: 'next before the doors open', setup: at('scheduled'), action: { type: 'next' }, code: 'not_allowed_now' },
    { name: 'next after the end', setup: at('ended'), action: { type: 'next' }, code: 'not_allowed_now' },
    { name: 'goTo before the doors open', setup: at('scheduled'), action: { type: 'goTo', itemIndex: 1 }, code: 'not_allowed_now' },
    { name: 'goTo after the end', setup: at('ended'), action: { type: 'goTo', itemIndex: 1 }, code: 'not_allowed_now' },
    { name: 'goTo the running item', setup: at(ITEM.panel), action: { type: 'goTo', itemIndex: ITEM.panel }, code: 'not_allowed_now' },
    { name: 'extend in the lobby', setup: at('lobby'), action: { type: 'extend', minutes: 5 }, code: 'not_allowed_now' },
    { name: 'extend after the end', setup: at('ended'), action: { type: 'extend', minutes: 5 }, code: 'not_allowed_now' },
    { name: 'endBreakouts in a plenary', setup: at(ITEM.opening), action: { type: 'endBreakouts' }, code: 'not_allowed_now' },
    { name: 'endBreakouts in the lobby', setup: at('lobby'), action: { type: 'endBreakouts' }, code: 'not_allowed_now' },
    { name: 'pause in the lobby', setup: at('lobby'), action: { type: 'pause' }, code: 'not_allowed_now' },
    { name: 'pause when paused', setup: paused, action: { type: 'pause' }, code: 'not_allowed_now' },
    { name: 'resume when running', setup: at(ITEM.groups), action: { type: 'resume' }, code: 'not_allowed_now' },
    { name: 'resume in the lobby', setup: at('lobby'), action: { type: 'resume' }, code: 'not_allowed_now' },
    { name: 'end after the end', setup: at('ended'), action: { type: 'end' }, code: 'not_allowed_now' },
    { name: 'promoteToStage in the lobby', setup: at('lobby'), action: { type: 'promoteToStage', participantId: 'a1' }, code: 'not_allowed_now' },
    { name: 'promoteToStage during breakouts', setup: at(ITEM.groups), action: { type: 'promoteToStage', participantId: 'a1' }, code: 'not_allowed_now' },
    { name: 'promoteToStage during a break', setup: at(ITEM.coffee), action: { type: 'promoteToStage', participantId: 'a1' }, code: 'not_allowed_now' },
    { name: 'promoteToStage after the end', setup: at('ended'), action: { type: 'promoteToStage', participantId: 'a1' }, code: 'not_allowed_now' },
    { name: 'promoteToStage a speaker', setup: at(ITEM.opening), action: { type: 'promoteToStage', participantId: 'ben' }, code: 'not_allowed_now' },
    { name: 'promoteToStage a moderator', setup: at(ITEM.opening), action: { type: 'promoteToStage', participantId: 'mod' }, code: 'not_allowed_now' },
    { name: 'returnToAudience someone not on stage', setup: at(ITEM.opening), action: { type: 'returnToAudience', participantId: 'a2' }, code: 'not_allowed_now' },
    { name: 'remove yourself', setup: at(ITEM.opening), action: { type: 'remove', participantId: 'mod' }, code: 'not_allowed_now' },
    { name: 'raiseHand before the doors open', setup: at('scheduled'), action: { type: 'raiseHand' }, by: ATTENDEE, code: 'not_allowed_now' },
    { name: 'raiseHand after the end', setup: at('ended'), action: { type: 'raiseHand' }, by: ATTENDEE, code: 'not_allowed_now' },
    // unknown_participant
    { name: 'promoteToStage a stranger', setup: at(ITEM.opening), action: { type: 'promoteToStage', participantId: 'ghost' }, code: 'unknown_participant' },
    { name: 'returnToAudience a stranger', setup: onStage, action: { type: 'returnToAudience', participantId: 'ghost' }, code: 'unknown_participant' },
    { name: 'reassign a stranger', setup: at(ITEM.groups), action: { type: 'reassign', participantId: 'ghost', breakoutId: 'trust' }, code: 'unknown_participant' },
    { name: 'lowerHand of a stranger', setup: at(ITEM.opening), action: { type: 'lowerHand', participantId: 'ghost' }, code: 'unknown_participant' },
    { name: 'remove a stranger', setup: at(ITEM.opening), action: { type: 'remove', participantId: 'ghost' }, code: 'unknown_participant' },
    { name: 'a stranger raises a hand', setup: at(ITEM.opening), action: { type: 'raiseHand' }, by: actor('ghost', 'attendee'), code: 'unknown_participant' },
    { name: 'a stranger lowers a hand', setup: at(ITEM.opening), action: { type: 'lowerOwnHand' }, by: actor('ghost', 'attendee'), code: 'unknown_participant' },
    // unknown_breakout
    { name: 'reassign to a room that does not exist', setup: at(ITEM.groups), action: { type: 'reassign', participantId: 'a1', breakoutId: 'nowhere' }, code: 'unknown_breakout' },
    // room_full (trust holds 2: a1, then a2 moved there)
    { name: 'reassign into a full room', setup: trustFull, action: { type: 'reassign', participantId: 'a3', breakoutId: 'trust' }, code: 'room_full' },
    { name: 'reassign into a full room, override false', setup: trustFull, action: { type: 'reassign', participantId: 'a3', breakoutId: 'trust', overCapacity: false }, code: 'room_full' },
    // unknown_item
    { name: 'goTo one past the last item', setup: at('lobby'), action: { type: 'goTo', itemIndex: 5 }, code: 'unknown_item' },
    { name: 'goTo far past the last item', setup: at(ITEM.opening), action: { type: 'goTo', itemIndex: 99 }, code: 'unknown_item' },
    // not_due
    { name: 'itemEnd before the end', setup: at(ITEM.groups), action: itemEnd, now: (s) => endsAt(s) - 1, code: 'not_due' },
    { name: 'warning before its time', setup: at(ITEM.groups), action: breakoutWarning, now: (s) => endsAt(s) - WARNING_MS - 1, code: 'not_due' },
    { name: 'warning at the end', setup: at(ITEM.groups), action: breakoutWarning, now: endsAt, code: 'not_due' },
    { name: 'itemEnd in a plenary', setup: at(ITEM.opening), action: itemEnd, now: (s) => endsAt(s) + 1, code: 'not_due' },
    { name: 'warning in a plenary', setup: at(ITEM.opening), action: breakoutWarning, now: (s) => endsAt(s) - 1000, code: 'not_due' },
    { name: 'itemEnd in the lobby', setup: at('lobby'), action: itemEnd, code: 'not_due' },
    { name: 'itemEnd after the end', setup: at('ended'), action: itemEnd, code: 'not_due' },
    { name: 'itemEnd while breakouts are paused', setup: paused, action: itemEnd, now: () => ITEM_AT + GROUPS_MS + 1, code: 'not_due' },
    { name: 'warning while breakouts are paused', setup: paused, action: breakoutWarning, now: () => ITEM_AT + GROUPS_MS - 1000, code: 'not_due' },
    { name: 'itemEnd again after the breakouts ended', setup: () => then(ITEM.groups, { action: itemEnd, now: ITEM_AT + GROUPS_MS }), action: itemEnd, now: () => ITEM_AT + GROUPS_MS, code: 'not_due' },
  ];

  test.each(cases)('$name → $code', ({ setup, action, by, version, now, code }) => {
    const state = setup();
    const before = structuredClone(state);
    const result = step(state, command(state, action, by ?? defaultActor(action), version?.(state) ?? state.version), now?.(state) ?? ITEM_AT + MINUTE_MS);
    expect(result).toMatchObject({ ok: false, code });
    expect(result).not.toHaveProperty('state');
    expect(result).toHaveProperty('message', expect.stringMatching(/\S/));
    expect(state).toStrictEqual(before);
  });

  test('every refusal code is covered by the table', () => {
    const all: RefusalCode[] = ['stale_version', 'not_allowed_now', 'forbidden', 'unknown_participant', 'unknown_breakout', 'room_full', 'unknown_item', 'not_due'];
    expect(new Set(cases.map((c) => c.code))).toStrictEqual(new Set(all));
  });
});

describe('accepted commands never change the state they were given', () => {
  const cases: { name: string; where: Where; action: Action; by?: Actor; now?: number }[] = [
    { name: 'next into breakouts', where: ITEM.opening, action: { type: 'next' } },
    { name: 'autoBalance', where: ITEM.groups, action: { type: 'autoBalance' } },
    { name: 'promoteToStage', where: ITEM.opening, action: { type: 'promoteToStage', participantId: 'a1' } },
    { name: 'remove', where: ITEM.groups, action: { type: 'remove', participantId: 'a2' } },
    { name: 'admit', where: ITEM.groups, action: { type: 'admit', participant: person('late', 'attendee', ['trust']) } },
    { name: 'itemEnd', where: ITEM.groups, action: itemEnd, now: ITEM_AT + GROUPS_MS },
    { name: 'raiseHand', where: ITEM.opening, action: { type: 'raiseHand' }, by: ATTENDEE },
  ];
  test.each(cases)('$name', ({ where, action, by, now }) => {
    const state = reach(where);
    const before = structuredClone(state);
    accept(state, action, { by, now: now ?? ITEM_AT + MINUTE_MS });
    expect(state).toStrictEqual(before);
  });
});

describe('stale versions', () => {
  const people = [...CAST, person('mod2', 'moderator')];
  const MOD2 = actor('mod2', 'moderator');
  const cases: { first: Action; second: Action }[] = [
    { first: { type: 'next' }, second: { type: 'next' } },
    { first: { type: 'next' }, second: { type: 'goTo', itemIndex: ITEM.panel } },
    { first: { type: 'goTo', itemIndex: ITEM.closing }, second: { type: 'end' } },
    { first: { type: 'extend', minutes: 5 }, second: { type: 'extend', minutes: 5 } },
    { first: { type: 'pause' }, second: { type: 'pause' } },
  ];
  test.each(cases)('two moderators send $first.type and $second.type with the same version: exactly one transition', ({ first, second }) => {
    const state = reach(ITEM.opening, { people });
    const seen = state.version;
    const now = ITEM_AT + MINUTE_MS;

    const a = step(state, { action: first, by: MODERATOR, expectedVersion: seen }, now);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.state.version).toBe(seen + 1);

    const afterFirst = structuredClone(a.state);
    const b = step(a.state, { action: second, by: MOD2, expectedVersion: seen }, now + 10);
    expect(b).toMatchObject({ ok: false, code: 'stale_version' });
    expect(a.state).toStrictEqual(afterFirst);
  });

  test('roster and self actions need the current agenda version too, and do not bump it', () => {
    const state = reach(ITEM.opening);
    const promoted = accept(state, { type: 'promoteToStage', participantId: 'a1' });
    expect(promoted.state.version).toBe(state.version);
    expect(promoted.state.rosterRevision).toBe(state.rosterRevision + 1);
    // The same version still works for the next roster action.
    const raised = accept(promoted.state, { type: 'raiseHand' }, { by: actor('a2', 'attendee') });
    expect(raised.state.version).toBe(state.version);
  });

  test('system actions carry no version: a late deadline still applies', () => {
    const state = reach(ITEM.groups);
    const result = step(state, { action: itemEnd, by: SYSTEM, expectedVersion: 0 }, endsAtOf(state));
    expect(result).toMatchObject({ ok: true, state: { phase: { kind: 'break' } } });
  });
});

describe('role checks', () => {
  const moderatorActions: Action[] = [
    { type: 'openDoors' },
    { type: 'start' },
    { type: 'next' },
    { type: 'goTo', itemIndex: ITEM.panel },
    { type: 'extend', minutes: 5 },
    { type: 'endBreakouts' },
    { type: 'pause' },
    { type: 'resume' },
    { type: 'end' },
    { type: 'reassign', participantId: 'a2', breakoutId: 'trust' },
    { type: 'autoBalance' },
    { type: 'promoteToStage', participantId: 'a2' },
    { type: 'returnToAudience', participantId: 'a2' },
    { type: 'lowerHand', participantId: 'a2' },
    { type: 'remove', participantId: 'a2' },
    { type: 'broadcast', text: 'Hello everyone' },
  ];
  const systemActions: Action[] = [
    { type: 'admit', participant: person('late') },
    itemEnd,
    breakoutWarning,
  ];

  describe.each([
    ['an attendee', ATTENDEE],
    ['a speaker', SPEAKER],
  ] as const)('%s', (_role, by) => {
    test.each(moderatorActions.map((a) => [a.type, a] as const))('sending %s is forbidden', (_type, action) => {
      const state = reach(ITEM.groups);
      const before = structuredClone(state);
      expect(step(state, command(state, action, by), ITEM_AT + MINUTE_MS)).toMatchObject({ ok: false, code: 'forbidden' });
      expect(state).toStrictEqual(before);
    });
  });

  describe.each([
    ['an attendee', ATTENDEE],
    ['a speaker', SPEAKER],
    ['a moderator', MODERATOR],
  ] as const)('%s', (_role, by) => {
    test.each(systemActions.map((a) => [a.type, a] as const))('sending the system action %s is forbidden', (_type, action) => {
      const state = reach(ITEM.groups);
      const before = structuredClone(state);
      expect(step(state, command(state, action, by), endsAtOf(state))).toMatchObject({ ok: false, code: 'forbidden' });
      expect(state).toStrictEqual(before);
    });

    test('raising and lowering their own hand is allowed', () => {
      const raised = accept(reach(ITEM.opening), { type: 'raiseHand' }, { by });
      expect(raised.state.participants[by.kind === 'participant' ? by.participantId : '']?.handRaised).toBe(true);
      const lowered = accept(raised.state, { type: 'lowerOwnHand' }, { by });
      expect(lowered.state.participants[by.kind === 'participant' ? by.participantId : '']?.handRaised).toBe(false);
    });
  });

  test.each([...moderatorActions, { type: 'raiseHand' } as Action].map((a) => [a.type, a] as const))(
    'the server sending the participant action %s is forbidden',
    (_type, action) => {
      const state = reach(ITEM.groups);
      expect(step(state, command(state, action, SYSTEM), ITEM_AT + MINUTE_MS)).toMatchObject({ ok: false, code: 'forbidden' });
    },
  );
});

describe('deadlines and warnings', () => {
  const scheduleWarning = (at: number): Effect => ({ type: 'scheduleDeadline', deadline: { id: 'breakoutWarning', at } });
  const scheduleEnd = (at: number): Effect => ({ type: 'scheduleDeadline', deadline: { id: 'itemEnd', at } });
  const CANCEL_BOTH: Effect[] = [
    { type: 'cancelDeadline', id: 'breakoutWarning' },
    { type: 'cancelDeadline', id: 'itemEnd' },
  ];

  test.each<{ name: string; where: Where; action: Action }>([
    { name: 'next from the opening', where: ITEM.opening, action: { type: 'next' } },
    { name: 'goTo from the lobby', where: 'lobby', action: { type: 'goTo', itemIndex: ITEM.groups } },
    { name: 'goTo from the panel', where: ITEM.panel, action: { type: 'goTo', itemIndex: ITEM.groups } },
  ])('entering breakouts ($name) schedules the warning and the end', ({ where, action }) => {
    const now = ITEM_AT + 30 * MINUTE_MS;
    const result = accept(reach(where), action, { now });
    expect(deadlineEffectsOf(result.effects)).toStrictEqual([scheduleWarning(now + GROUPS_MS - WARNING_MS), scheduleEnd(now + GROUPS_MS)]);
  });

  test.each<{ name: string; action: Action; now: number; to: Phase['kind'] }>([
    { name: 'next', action: { type: 'next' }, now: ITEM_AT + 20 * MINUTE_MS, to: 'break' },
    { name: 'endBreakouts', action: { type: 'endBreakouts' }, now: ITEM_AT + 20 * MINUTE_MS, to: 'break' },
    { name: 'goTo back', action: { type: 'goTo', itemIndex: ITEM.opening }, now: ITEM_AT + 20 * MINUTE_MS, to: 'plenary' },
    { name: 'goTo ahead', action: { type: 'goTo', itemIndex: ITEM.panel }, now: ITEM_AT + 20 * MINUTE_MS, to: 'live' },
    { name: 'end', action: { type: 'end' }, now: ITEM_AT + 20 * MINUTE_MS, to: 'ended' },
    { name: 'itemEnd', action: itemEnd, now: ITEM_AT + GROUPS_MS, to: 'break' },
  ])('leaving breakouts ($name) cancels both deadlines and schedules none', ({ action, now, to }) => {
    const result = accept(reach(ITEM.groups), action, { now });
    expect(result.state.phase.kind).toBe(to);
    expect(deadlineEffectsOf(result.effects)).toStrictEqual(CANCEL_BOTH);
  });

  describe('the breakouts clock', () => {
    const endsAt = ITEM_AT + GROUPS_MS;

    test('extend moves both deadlines and keeps the start', () => {
      const result = accept(reach(ITEM.groups), { type: 'extend', minutes: 5 }, { now: ITEM_AT + 10 * MINUTE_MS });
      const newEnd = endsAt + 5 * MINUTE_MS;
      expect(result.effects).toStrictEqual([{ type: 'agendaChanged' }, scheduleWarning(newEnd - WARNING_MS), scheduleEnd(newEnd)]);
      expect(result.state.phase).toMatchObject({ kind: 'breakouts', startedAt: ITEM_AT, timer: { status: 'running', endsAt: newEnd } });
    });

    test('after extend the old warning time is no longer due', () => {
      const extended = accept(reach(ITEM.groups), { type: 'extend', minutes: 5 }, { now: ITEM_AT + 10 * MINUTE_MS }).state;
      const result = step(extended, command(extended, breakoutWarning, SYSTEM), endsAt - WARNING_MS);
      expect(result).toMatchObject({ ok: false, code: 'not_due' });
    });

    test('pause cancels both deadlines and keeps the time left', () => {
      const result = accept(reach(ITEM.groups), { type: 'pause' }, { now: ITEM_AT + 10 * MINUTE_MS });
      expect(result.effects).toStrictEqual([{ type: 'agendaChanged' }, ...CANCEL_BOTH]);
      expect(result.state.phase).toMatchObject({ timer: { status: 'paused', remainingMs: 30 * MINUTE_MS } });
    });

    test('pause after the clock ran out keeps zero, not a negative time', () => {
      const result = accept(reach(ITEM.groups), { type: 'pause' }, { now: endsAt + 2 * MINUTE_MS });
      expect(result.state.phase).toMatchObject({ timer: { status: 'paused', remainingMs: 0 } });
    });

    test('resume re-schedules both deadlines with the time that was left', () => {
      const paused = accept(reach(ITEM.groups), { type: 'pause' }, { now: ITEM_AT + 10 * MINUTE_MS }).state;
      const resumedAt = ITEM_AT + 25 * MINUTE_MS;
      const result = accept(paused, { type: 'resume' }, { now: resumedAt });
      const newEnd = resumedAt + 30 * MINUTE_MS;
      expect(result.effects).toStrictEqual([{ type: 'agendaChanged' }, scheduleWarning(newEnd - WARNING_MS), scheduleEnd(newEnd)]);
      expect(result.state.phase).toMatchObject({ startedAt: ITEM_AT, timer: { status: 'running', endsAt: newEnd } });
    });

    test('extend while paused adds to the time left and schedules nothing', () => {
      const paused = accept(reach(ITEM.groups), { type: 'pause' }, { now: ITEM_AT + 10 * MINUTE_MS }).state;
      const result = accept(paused, { type: 'extend', minutes: 5 }, { now: ITEM_AT + 12 * MINUTE_MS });
      expect(result.effects).toStrictEqual([{ type: 'agendaChanged' }]);
      expect(result.state.phase).toMatchObject({ timer: { status: 'paused', remainingMs: 35 * MINUTE_MS } });
    });
  });

  test.each<{ name: string; action: Action; before?: Action }>([
    { name: 'extend', action: { type: 'extend', minutes: 5 } },
    { name: 'pause', action: { type: 'pause' } },
    { name: 'resume', before: { type: 'pause' }, action: { type: 'resume' } },
  ])('$name outside breakouts moves the clock but owns no deadlines', ({ action, before }) => {
    let state = reach(ITEM.opening);
    if (before) state = accept(state, before, { now: ITEM_AT + MINUTE_MS }).state;
    const result = accept(state, action, { now: ITEM_AT + 2 * MINUTE_MS });
    expect(result.effects).toStrictEqual([{ type: 'agendaChanged' }]);
  });

  test.each([
    { name: 'at the warning time', beforeEndMs: WARNING_MS, secondsLeft: 60 },
    { name: 'a little later', beforeEndMs: 42_400, secondsLeft: 42 },
    { name: 'just before the end', beforeEndMs: 1_000, secondsLeft: 1 },
  ])('the warning $name says $secondsLeft seconds are left and changes nothing else', ({ beforeEndMs, secondsLeft }) => {
    const state = reach(ITEM.groups);
    const result = accept(state, breakoutWarning, { now: endsAtOf(state) - beforeEndMs });
    expect(result.effects).toStrictEqual([{ type: 'warn', warning: 'breakoutsClosing', secondsLeft }]);
    expect(result.state).toBe(state);
  });

  test.each([
    { durationMinutes: 1, warningSeconds: 60, warningAfterMs: null },
    { durationMinutes: 1, warningSeconds: 90, warningAfterMs: null },
    { durationMinutes: 2, warningSeconds: 60, warningAfterMs: 60_000 },
    { durationMinutes: 10, warningSeconds: 300, warningAfterMs: 5 * MINUTE_MS },
  ])('breakouts of $durationMinutes min with a $warningSeconds s warning: warning after $warningAfterMs ms', ({ durationMinutes, warningSeconds, warningAfterMs }) => {
    const event = makeEvent((input) => {
      input.breakoutWarningSeconds = warningSeconds;
      input.agenda[ITEM.groups]!.durationMinutes = durationMinutes;
    });
    const lobby = reach('lobby', { event });
    const result = accept(lobby, { type: 'goTo', itemIndex: ITEM.groups }, { now: ITEM_AT });
    const end = ITEM_AT + durationMinutes * MINUTE_MS;
    expect(deadlineEffectsOf(result.effects)).toStrictEqual([
      ...(warningAfterMs === null ? [] : [scheduleWarning(ITEM_AT + warningAfterMs)]),
      scheduleEnd(end),
    ]);
  });
});

describe('the seed event: breakouts and back', () => {
  const people: Newcomer[] = [
    person('anastasia-pouliou', 'moderator'),
    person('research-lead', 'speaker'),
    person('refernet-expert', 'speaker'),
    person('p-skills', 'attendee', ['skills', 'trust']),
    person('p-trust', 'attendee', ['trust', 'global']),
    person('p-global', 'attendee', ['global']),
    person('p-uncharted', 'attendee', ['uncharted', 'skills']),
  ];
  const attendees = ['p-global', 'p-skills', 'p-trust', 'p-uncharted'] as const;
  const roomOf = (id: string) => breakoutRoomId(id.slice('p-'.length));
  const opening = () => reach(0, { event: seedEvent, people });
  const breakoutsAt = ITEM_AT + 45 * MINUTE_MS;
  const breakoutsEndAt = breakoutsAt + 75 * MINUTE_MS;

  test('the start cue moves only the staff: attendees already wait in the plenary', () => {
    const lobby = reach('lobby', { event: seedEvent, people });
    const result = accept(lobby, { type: 'start' }, { now: ITEM_AT });
    expect(movesOf(result.effects)).toStrictEqual([
      move('anastasia-pouliou', 'backstage', 'plenary', true),
      move('refernet-expert', 'backstage', 'plenary', true),
      move('research-lead', 'backstage', 'plenary', true),
    ]);
  });

  test('entering breakouts moves every attendee to their room and the staff backstage', () => {
    const result = accept(opening(), { type: 'next' }, { now: breakoutsAt });
    expect(result.state.phase).toMatchObject({ kind: 'breakouts', itemIndex: 1 });
    expect(effectsOf(result.effects, 'move')).toHaveLength(1);
    expect(movesOf(result.effects)).toStrictEqual(
      [
        move('anastasia-pouliou', 'plenary', 'backstage', true),
        ...attendees.map((id) => move(id, 'plenary', roomOf(id), true)),
        move('refernet-expert', 'plenary', 'backstage', true),
        move('research-lead', 'plenary', 'backstage', true),
      ].sort((a, b) => a.participantId.localeCompare(b.participantId)),
    );
    expect(effectsOf(result.effects, 'setPermissions')).toStrictEqual([]);
  });

  test('itemEnd brings everyone back for the next item: attendees to the plenary, the stage speakers on stage', () => {
    const inBreakouts = accept(opening(), { type: 'next' }, { now: breakoutsAt }).state;
    expect(endsAtOf(inBreakouts)).toBe(breakoutsEndAt);
    const result = accept(inBreakouts, itemEnd, { now: breakoutsEndAt });
    expect(result.state.phase).toStrictEqual({
      kind: 'live',
      itemIndex: 2,
      startedAt: breakoutsEndAt,
      timer: { status: 'running', endsAt: breakoutsEndAt + 75 * MINUTE_MS },
    });
    expect(result.effects[0]).toStrictEqual({ type: 'agendaChanged' });
    expect(movesOf(result.effects)).toStrictEqual(
      [
        move('anastasia-pouliou', 'backstage', 'plenary', true),
        ...attendees.map((id) => move(id, roomOf(id), 'plenary', false)),
        move('refernet-expert', 'backstage', 'plenary', true),
        move('research-lead', 'backstage', 'plenary', true),
      ].sort((a, b) => a.participantId.localeCompare(b.participantId)),
    );
  });

  test('itemEnd when the breakouts are the last item ends the event and everyone leaves', () => {
    const event = makeEvent((input) => {
      input.agenda = input.agenda.slice(0, 2);
      input.end = '10:10';
    });
    const state = reach(1, { event });
    const result = accept(state, itemEnd, { now: endsAtOf(state) });
    expect(result.state.phase).toStrictEqual({ kind: 'ended', endedAt: endsAtOf(state) });
    expect(movesOf(result.effects).map((m) => m.to)).toStrictEqual(CAST.map(() => null));
  });
});

describe('staff placed in the breakouts', () => {
  test('with staffPlacement "breakouts", speakers and moderators go to their own breakout room, not backstage', () => {
    const event = makeEvent((input) => {
      input.agenda[ITEM.groups]!.staffPlacement = 'breakouts';
    });
    const state = reach(ITEM.opening, { event });
    const result = accept(state, { type: 'next' }, { now: ITEM_AT + 30 * MINUTE_MS });
    const moves = movesOf(result.effects);
    for (const id of ['mod', 'ana', 'ben', 'a1', 'a2', 'a3']) {
      const breakoutId = state.participants[id]!.breakoutId;
      expect(breakoutId, id).not.toBeNull();
      expect(moves.find((m) => m.participantId === id), id).toMatchObject({ to: breakoutRoomId(breakoutId!), canPublish: true });
    }
  });
});

describe('a captioner chooses the room they caption', () => {
  const CAPTIONER = actor('cap', 'captioner');
  const people = [...CAST, person('cap', 'captioner')];
  const at = (where: Where) => reach(where, { people });

  test('admitted with no breakout, they follow the stage; their choice takes them to that breakout when the breakouts run, listening only', () => {
    const opening = at(ITEM.opening);
    expect(opening.participants.cap!.breakoutId).toBeNull();
    const chosen = accept(opening, { type: 'captionRoom', breakoutId: 'global' }, { by: CAPTIONER, now: ITEM_AT });
    // Chosen during the plenary: nobody moves yet.
    expect(movesOf(chosen.effects)).toStrictEqual([]);
    const groups = accept(chosen.state, { type: 'next' }, { now: ITEM_AT + 30 * MINUTE_MS });
    expect(movesOf(groups.effects).find((m) => m.participantId === 'cap')).toStrictEqual(move('cap', 'plenary', 'breakout:global', false));
    // Changing room during the breakouts moves them there at once.
    const changed = accept(groups.state, { type: 'captionRoom', breakoutId: 'trust' }, { by: CAPTIONER, now: ITEM_AT + 31 * MINUTE_MS });
    expect(movesOf(changed.effects)).toStrictEqual([move('cap', 'breakout:global', 'breakout:trust', false)]);
    const stage = accept(changed.state, { type: 'captionRoom', breakoutId: null }, { by: CAPTIONER, now: ITEM_AT + 32 * MINUTE_MS });
    expect(movesOf(stage.effects)).toStrictEqual([move('cap', 'breakout:trust', 'backstage', false)]);
  });

  test('a captioner takes no place: a full room still takes them, and nobody else is moved by their choice', () => {
    // trust holds 2 (a1 and a2 after the reassign).
    const full = accept(at(ITEM.groups), { type: 'reassign', participantId: 'a2', breakoutId: 'trust' }, { now: ITEM_AT });
    const chosen = accept(full.state, { type: 'captionRoom', breakoutId: 'trust' }, { by: CAPTIONER, now: ITEM_AT });
    expect(movesOf(chosen.effects)).toStrictEqual([move('cap', 'backstage', 'breakout:trust', false)]);
    const balanced = accept(chosen.state, { type: 'autoBalance' }, { now: ITEM_AT });
    expect(balanced.state.participants.cap!.breakoutId).toBe('trust');
  });

  test.each([
    ['an attendee', ATTENDEE, { type: 'captionRoom', breakoutId: 'trust' }, 'forbidden'],
    ['a speaker', SPEAKER, { type: 'captionRoom', breakoutId: 'trust' }, 'forbidden'],
    ['a captioner, a room that does not exist', CAPTIONER, { type: 'captionRoom', breakoutId: 'nowhere' }, 'unknown_breakout'],
  ] as const)('refused for %s, the state unchanged', (_name, by, action, code) => {
    const state = at(ITEM.groups);
    const result = step(state, command(state, action, by), ITEM_AT);
    expect(result).toMatchObject({ ok: false, code });
    expect(at(ITEM.groups)).toStrictEqual(state);
  });
});

describe('capacity and balancing at admission', () => {
  const crowd = (room: string, n: number, role: Newcomer['role'] = 'attendee'): Newcomer[] =>
    Array.from({ length: n }, (_, i) => person(`${role}-${room}-${i}`, role, [room]));
  const staffInBreakouts = makeEvent((input) => {
    input.agenda[ITEM.groups]!.staffPlacement = 'breakouts';
  });
  // Capacities: trust 2, skills 2, global 3, digital 3.
  const cases: { name: string; event?: EventConfig; already: Newcomer[]; preferences: string[]; expected: string }[] = [
    { name: 'first choice while it has room', already: [], preferences: ['trust', 'skills'], expected: 'trust' },
    { name: 'second choice when the first is full', already: crowd('trust', 2), preferences: ['trust', 'skills'], expected: 'skills' },
    {
      name: 'least-loaded room when both choices are full',
      already: [...crowd('trust', 2), ...crowd('skills', 2), ...crowd('global', 1)],
      preferences: ['trust', 'skills'],
      expected: 'digital',
    },
    {
      name: 'least-loaded room that still has space',
      already: [...crowd('trust', 2), ...crowd('skills', 2), ...crowd('global', 2), ...crowd('digital', 3)],
      preferences: ['trust'],
      expected: 'global',
    },
    {
      name: 'over capacity in the least-loaded room when all are full',
      already: [...crowd('trust', 2), ...crowd('skills', 2), ...crowd('global', 3), ...crowd('digital', 3)],
      preferences: ['global', 'digital'],
      expected: 'trust',
    },
    { name: 'unknown preferences are skipped', already: [], preferences: ['nowhere', 'skills'], expected: 'skills' },
    { name: 'no preferences: the least-loaded room', already: crowd('trust', 1), preferences: [], expected: 'skills' },
    {
      name: 'staff who stay backstage take no places',
      already: [...crowd('trust', 2, 'speaker'), ...crowd('trust', 1)],
      preferences: ['trust'],
      expected: 'trust',
    },
    {
      name: 'staff who go to the breakouts take places',
      event: staffInBreakouts,
      // The two speakers are spread (skills, global) after the attendees' choices fill trust.
      already: [...crowd('trust', 2, 'speaker'), ...crowd('trust', 2)],
      preferences: ['trust'],
      expected: 'digital',
    },
  ];
  test.each(cases)('$name → $expected', ({ event, already, preferences, expected }) => {
    const state = reach('lobby', { event, people: already });
    const result = accept(state, { type: 'admit', participant: person('new', 'attendee', preferences) });
    expect(result.state.participants.new).toMatchObject({ breakoutId: expected, seq: state.nextSeq, onStage: false, handRaised: false });
    expect(result.state.nextSeq).toBe(state.nextSeq + 1);
    expect(result.state.version).toBe(state.version);
    expect(result.state.rosterRevision).toBe(state.rosterRevision + 1);
  });
});

describe('autoBalance', () => {
  // Capacities: trust 2, skills 2, global 3, digital 3.
  const people = [
    person('mod', 'moderator'),
    person('ana', 'speaker'),
    person('p1', 'attendee', ['trust', 'skills']),
    person('p2', 'attendee', ['trust', 'global']),
    person('p3', 'attendee', ['trust', 'skills']),
    person('p4', 'attendee', ['skills', 'trust']),
    person('p5', 'attendee', []),
  ];
  /** Everyone moved away from what they asked for. */
  function scrambled(where: Where): AgendaState {
    let state = reach(where, { people });
    const moves: [string, string][] = [['p1', 'digital'], ['p2', 'digital'], ['p3', 'trust'], ['p5', 'trust']];
    for (const [participantId, breakoutId] of moves) state = accept(state, { type: 'reassign', participantId, breakoutId }).state;
    return state;
  }
  // Three first choices and one second is the optimum; of the plans that reach it, this one
  // moves the fewest people (p3 stays in trust, so p2 takes its second choice).
  const expected = { p1: 'trust', p2: 'global', p3: 'trust', p4: 'skills', p5: 'digital' };

  test('reaches the most first, then second choices, moving the fewest people', () => {
    const state = scrambled(ITEM.opening);
    const result = accept(state, { type: 'autoBalance' });
    for (const [id, breakoutId] of Object.entries(expected)) expect(result.state.participants[id]?.breakoutId, id).toBe(breakoutId);
    // Staff who stay backstage keep what they had.
    expect(result.state.participants.ana?.breakoutId).toBe(state.participants.ana?.breakoutId);
    // Only the records that changed are reported; nobody moves outside the breakouts.
    expect(result.effects).toStrictEqual([{ type: 'rosterChanged', participantIds: expect.any(Array) }]);
    expect([...effectsOf(result.effects, 'rosterChanged')[0]!.participantIds].sort()).toStrictEqual(['p1', 'p2', 'p5']);
  });

  test('the order of the participant record does not matter, admission order does', () => {
    const state = scrambled(ITEM.opening);
    const reversed: AgendaState = { ...state, participants: Object.fromEntries(Object.entries(state.participants).reverse()) };
    const result = accept(reversed, { type: 'autoBalance' });
    for (const [id, breakoutId] of Object.entries(expected)) expect(result.state.participants[id]?.breakoutId, id).toBe(breakoutId);
  });

  test('during breakouts it moves the people whose room changed', () => {
    const state = scrambled(ITEM.groups);
    const result = accept(state, { type: 'autoBalance' });
    expect(movesOf(result.effects)).toStrictEqual([
      move('p1', 'breakout:digital', 'breakout:trust', true),
      move('p2', 'breakout:digital', 'breakout:global', true),
      move('p5', 'breakout:trust', 'breakout:digital', true),
    ]);
  });

  test('balancing an already balanced roster changes nothing', () => {
    const balanced = accept(scrambled(ITEM.opening), { type: 'autoBalance' }).state;
    const again = accept(balanced, { type: 'autoBalance' });
    expect(again.state).toBe(balanced);
    expect(again.effects).toStrictEqual([]);
  });
});

describe('a full room', () => {
  const trustFull = () => accept(reach(ITEM.groups), { type: 'reassign', participantId: 'a2', breakoutId: 'trust' }, { now: ITEM_AT }).state;

  test('the refusal names the room and its counts', () => {
    const result = step(trustFull(), command(trustFull(), { type: 'reassign', participantId: 'a3', breakoutId: 'trust' }), ITEM_AT);
    expect(result).toMatchObject({ ok: false, code: 'room_full', message: expect.stringContaining('Trust is full (2 of 2 places)') });
  });

  test('a moderator who confirms places the person over capacity, and they move', () => {
    const result = accept(trustFull(), { type: 'reassign', participantId: 'a3', breakoutId: 'trust', overCapacity: true }, { now: ITEM_AT });
    expect(result.state.participants.a3?.breakoutId).toBe('trust');
    expect(movesOf(result.effects)).toStrictEqual([move('a3', 'breakout:global', 'breakout:trust', true)]);
  });

  test('someone already in the full room may be "reassigned" there: nothing changes', () => {
    const state = trustFull();
    expect(accept(state, { type: 'reassign', participantId: 'a1', breakoutId: 'trust' }, { now: ITEM_AT }).state).toBe(state);
  });
});

describe('fair placement at registration, until the doors open', () => {
  // Capacities: trust 2, skills 2, global 3, digital 3. First come, first served would give
  // p3 its second choice (skills) and leave p5 with neither; the optimum gives p5 skills.
  const people = [
    person('p1', 'attendee', ['trust', 'skills']),
    person('p2', 'attendee', ['trust', 'skills']),
    person('p3', 'attendee', ['trust', 'skills']),
    person('p4', 'attendee', ['skills']),
  ];
  const late = person('p5', 'attendee', ['skills']);
  const roomsOf = (state: AgendaState) => Object.fromEntries(Object.values(state.participants).map((p) => [p.id, p.breakoutId]));

  test('before the doors open a registration re-plans everyone for the most first choices', () => {
    const state = reach('scheduled', { people });
    expect(roomsOf(state)).toStrictEqual({ p1: 'trust', p2: 'trust', p3: 'skills', p4: 'skills' });
    const result = accept(state, { type: 'admit', participant: late });
    expect(roomsOf(result.state)).toStrictEqual({ p1: 'trust', p2: 'trust', p3: 'global', p4: 'skills', p5: 'skills' });
    // Nobody is in a room yet, so nobody moves.
    expect(result.effects).toStrictEqual([{ type: 'rosterChanged', participantIds: expect.arrayContaining(['p3', 'p5']) }]);
  });

  test('once the doors are open the plan is fixed: the newcomer takes the best free place and nobody moves', () => {
    const state = reach('lobby', { people });
    const result = accept(state, { type: 'admit', participant: late });
    expect(roomsOf(result.state)).toStrictEqual({ p1: 'trust', p2: 'trust', p3: 'skills', p4: 'skills', p5: 'global' });
  });
});

describe('late joiners', () => {
  const early = [person('mod', 'moderator'), person('a1', 'attendee', ['trust']), person('a2', 'attendee', ['skills']), person('a3', 'attendee', ['global'])];
  const cases: { where: Where; who: Newcomer; to: RoomId | null; canPublish?: boolean }[] = [
    { where: 'scheduled', who: person('late', 'attendee', ['skills']), to: null },
    { where: 'scheduled', who: person('ana', 'speaker'), to: 'backstage', canPublish: true },
    { where: 'lobby', who: person('late', 'attendee', ['skills']), to: 'plenary', canPublish: false },
    { where: 'lobby', who: person('mod2', 'moderator'), to: 'backstage', canPublish: true },
    { where: ITEM.opening, who: person('late', 'attendee', ['skills']), to: 'plenary', canPublish: false },
    { where: ITEM.opening, who: person('ana', 'speaker'), to: 'plenary', canPublish: true },
    { where: ITEM.opening, who: person('ben', 'speaker'), to: 'backstage', canPublish: true },
    { where: ITEM.opening, who: person('mod2', 'moderator'), to: 'plenary', canPublish: true },
    { where: ITEM.groups, who: person('late', 'attendee', ['skills']), to: 'breakout:skills', canPublish: true },
    { where: ITEM.groups, who: person('late', 'attendee', ['trust', 'skills']), to: 'breakout:trust', canPublish: true },
    { where: ITEM.groups, who: person('ana', 'speaker'), to: 'backstage', canPublish: true },
    { where: ITEM.groups, who: person('mod2', 'moderator'), to: 'backstage', canPublish: true },
    { where: ITEM.coffee, who: person('late', 'attendee'), to: 'plenary', canPublish: false },
    { where: ITEM.coffee, who: person('ana', 'speaker'), to: 'backstage', canPublish: true },
    { where: ITEM.panel, who: person('ben', 'speaker'), to: 'plenary', canPublish: true },
    { where: 'ended', who: person('late', 'attendee'), to: null },
  ];
  test.each(cases)('$who.id ($who.role) admitted at $where goes to $to', ({ where, who, to, canPublish }) => {
    const state = reach(where, { people: early });
    const result = accept(state, { type: 'admit', participant: who }, { now: ITEM_AT + MINUTE_MS });
    const moveEffects: Effect[] = to === null ? [] : [{ type: 'move', moves: [move(who.id, null, to, canPublish!)] }];
    expect(result.effects).toStrictEqual([...moveEffects, { type: 'rosterChanged', participantIds: [who.id] }]);
    expect(result.state.version).toBe(state.version);
  });

  test('admitting someone already known only updates their name: no move, same place in line', () => {
    const state = reach(ITEM.groups);
    const result = accept(state, { type: 'admit', participant: { ...person('a1', 'attendee', ['global']), name: 'Alice' } });
    expect(result.state.participants.a1).toStrictEqual({ ...state.participants.a1, name: 'Alice' });
    expect(result.effects).toStrictEqual([{ type: 'rosterChanged', participantIds: ['a1'] }]);
  });
});

describe('promote to stage and return to the audience', () => {
  test.each([
    ['the opening plenary', ITEM.opening],
    ['the live segment', ITEM.panel],
    ['the closing', ITEM.closing],
  ])('in %s: permissions change in place, nobody moves', (_name, where) => {
    const state = reach(where);
    const promoted = accept(state, { type: 'promoteToStage', participantId: 'a1' });
    expect(promoted.effects).toStrictEqual([
      { type: 'setPermissions', changes: [{ participantId: 'a1', roomId: 'plenary', canPublish: true }] },
      { type: 'rosterChanged', participantIds: ['a1'] },
    ]);
    expect(promoted.state.participants.a1?.onStage).toBe(true);

    const returned = accept(promoted.state, { type: 'returnToAudience', participantId: 'a1' });
    expect(returned.effects).toStrictEqual([
      { type: 'setPermissions', changes: [{ participantId: 'a1', roomId: 'plenary', canPublish: false }] },
      { type: 'rosterChanged', participantIds: ['a1'] },
    ]);
    expect(returned.state.participants.a1?.onStage).toBe(false);
  });

  test('promoting lowers the raised hand', () => {
    const raised = accept(reach(ITEM.opening), { type: 'raiseHand' }, { by: ATTENDEE }).state;
    const promoted = accept(raised, { type: 'promoteToStage', participantId: 'a1' });
    expect(promoted.state.participants.a1).toMatchObject({ onStage: true, handRaised: false });
  });
});

describe('leaving an item clears the stage and the raised hands', () => {
  /** a1 on stage, a2's hand raised, in the opening. */
  const busyOpening = () =>
    then(
      ITEM.opening,
      { action: { type: 'promoteToStage', participantId: 'a1' }, now: ITEM_AT },
      { action: { type: 'raiseHand' }, by: actor('a2', 'attendee'), now: ITEM_AT },
    );

  test.each<{ name: string; action: Action }>([
    { name: 'next', action: { type: 'next' } },
    { name: 'goTo the panel', action: { type: 'goTo', itemIndex: ITEM.panel } },
    { name: 'goTo the closing', action: { type: 'goTo', itemIndex: ITEM.closing } },
    { name: 'end', action: { type: 'end' } },
  ])('$name', ({ action }) => {
    const state = busyOpening();
    const result = accept(state, action, { now: ITEM_AT + MINUTE_MS });
    for (const p of Object.values(result.state.participants)) expect(p, p.id).toMatchObject({ onStage: false, handRaised: false });
    expect(result.state.rosterRevision).toBe(state.rosterRevision + 1);
    expect(effectsOf(result.effects, 'rosterChanged')).toStrictEqual([{ type: 'rosterChanged', participantIds: ['a1', 'a2'] }]);
  });

  test('on to another stage item the promoted attendee loses the right to publish without moving', () => {
    const result = accept(busyOpening(), { type: 'goTo', itemIndex: ITEM.panel }, { now: ITEM_AT + MINUTE_MS });
    expect(movesOf(result.effects).find((m) => m.participantId === 'a1')).toBeUndefined();
    expect(effectsOf(result.effects, 'setPermissions')).toStrictEqual([
      { type: 'setPermissions', changes: [{ participantId: 'a1', roomId: 'plenary', canPublish: false }] },
    ]);
  });

  test.each<{ name: string; action: Action }>([
    { name: 'extend', action: { type: 'extend', minutes: 5 } },
    { name: 'pause', action: { type: 'pause' } },
  ])('$name keeps the stage and the hands (same item)', ({ action }) => {
    const state = busyOpening();
    const result = accept(state, action, { now: ITEM_AT + MINUTE_MS });
    expect(result.state.participants).toBe(state.participants);
    expect(result.state.rosterRevision).toBe(state.rosterRevision);
  });

  test('hands raised in the breakouts are lowered when they end', () => {
    const state = then(ITEM.groups, { action: { type: 'raiseHand' }, by: ATTENDEE, now: ITEM_AT });
    const result = accept(state, itemEnd, { now: endsAtOf(state) });
    expect(result.state.participants.a1?.handRaised).toBe(false);
  });
});

describe('other roster actions', () => {
  test('reassign during breakouts moves the person between rooms', () => {
    const result = accept(reach(ITEM.groups), { type: 'reassign', participantId: 'a1', breakoutId: 'digital' });
    expect(result.effects).toStrictEqual([
      { type: 'move', moves: [move('a1', 'breakout:trust', 'breakout:digital', true)] },
      { type: 'rosterChanged', participantIds: ['a1'] },
    ]);
  });

  test('reassign before the breakouts only changes the record', () => {
    const result = accept(reach(ITEM.opening), { type: 'reassign', participantId: 'a1', breakoutId: 'digital' });
    expect(result.effects).toStrictEqual([{ type: 'rosterChanged', participantIds: ['a1'] }]);
    expect(result.state.participants.a1?.breakoutId).toBe('digital');
  });

  test('remove takes the person out of their room', () => {
    const result = accept(reach(ITEM.groups), { type: 'remove', participantId: 'a2' });
    expect(result.state.participants).not.toHaveProperty('a2');
    expect(result.effects).toStrictEqual([
      { type: 'move', moves: [move('a2', 'breakout:skills', null, false)] },
      { type: 'rosterChanged', participantIds: ['a2'] },
      { type: 'removed', participantId: 'a2', from: 'breakout:skills' },
    ]);
  });

  test('broadcast says who sent it and changes nothing', () => {
    const state = reach(ITEM.groups);
    const result = accept(state, { type: 'broadcast', text: 'Five minutes left' });
    expect(result.state).toBe(state);
    expect(result.effects).toStrictEqual([{ type: 'broadcast', text: 'Five minutes left', from: 'Person mod' }]);
  });

  test.each<{ name: string; action: Action; by?: Actor }>([
    { name: 'lowerHand when no hand is up', action: { type: 'lowerHand', participantId: 'a1' } },
    { name: 'lowerOwnHand when no hand is up', action: { type: 'lowerOwnHand' }, by: ATTENDEE },
    { name: 'reassign to the same room', action: { type: 'reassign', participantId: 'a1', breakoutId: 'trust' } },
  ])('$name is accepted and changes nothing', ({ action, by }) => {
    const state = reach(ITEM.opening);
    const result = accept(state, action, { by });
    expect(result.state).toBe(state);
    expect(result.effects).toStrictEqual([]);
  });

  test('a moderator lowers a raised hand', () => {
    const raised = accept(reach(ITEM.opening), { type: 'raiseHand' }, { by: ATTENDEE }).state;
    const result = accept(raised, { type: 'lowerHand', participantId: 'a1' });
    expect(result.state.participants.a1?.handRaised).toBe(false);
    expect(result.effects).toStrictEqual([{ type: 'rosterChanged', participantIds: ['a1'] }]);
  });
});

test('the fixtures start where the tests assume', () => {
  const state = admitAll(reach('scheduled', { people: [] }), CAST);
  expect(Object.values(state.participants).map((p) => [p.id, p.breakoutId, p.seq])).toStrictEqual([
    ['mod', null, 1],
    ['ana', null, 2],
    ['ben', null, 3],
    ['a1', 'trust', 4],
    ['a2', 'skills', 5],
    ['a3', 'global', 6],
  ]);
  expect(T0).toBeLessThan(ITEM_AT);
});
