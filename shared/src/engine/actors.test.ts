// Who may run what (people, the server's bookkeeping, the server's agents), and removal as its own effect.
import { describe, expect, test } from 'vitest';
import type { RoomId } from '../domain.js';
import { ACTION_TYPES, agentActor, agendaActionSchema, rosterActionSchema, selfActionSchema, systemActionSchema, type Action, type Actor } from './actions.js';
import { previewNext } from './preview.js';
import { step } from './step.js';
import { ITEM, ITEM_AT, MINUTE_MS, SYSTEM, accept, actor, command, effectsOf, person, reach, type Where } from './testkit.js';

const AUTOPILOT = agentActor('autopilot');
const PRIVACY = agentActor('privacy');

describe('action families come from the schemas', () => {
  test.each([
    ['agenda', agendaActionSchema, ACTION_TYPES.agenda],
    ['roster', rosterActionSchema, ACTION_TYPES.roster],
    ['self', selfActionSchema, ACTION_TYPES.self],
    ['system', systemActionSchema, ACTION_TYPES.system],
  ] as const)('every %s action in the schema is in its family, and only those', (_family, schema, types) => {
    expect([...types].sort()).toEqual(schema.options.map((o) => o.shape.type.value).sort());
  });

  test('no action type is in two families', () => {
    const all = [...ACTION_TYPES.agenda, ...ACTION_TYPES.roster, ...ACTION_TYPES.self, ...ACTION_TYPES.system];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('server agents act for the organisers', () => {
  const agendaCases: { where: Where; action: Action }[] = [
    { where: 'scheduled', action: { type: 'openDoors' } },
    { where: 'lobby', action: { type: 'start' } },
    { where: ITEM.opening, action: { type: 'next' } },
    { where: ITEM.opening, action: { type: 'goTo', itemIndex: ITEM.panel } },
    { where: ITEM.groups, action: { type: 'extend', minutes: 5 } },
    { where: ITEM.groups, action: { type: 'endBreakouts' } },
    { where: ITEM.groups, action: { type: 'pause' } },
    { where: ITEM.closing, action: { type: 'end' } },
    { where: ITEM.groups, action: { type: 'reassign', participantId: 'a2', breakoutId: 'trust' } },
    { where: ITEM.groups, action: { type: 'remove', participantId: 'a2' } },
    { where: ITEM.groups, action: { type: 'broadcast', text: 'Five minutes' } },
  ];
  test.each(agendaCases.flatMap((c) => [{ ...c, by: AUTOPILOT }, { ...c, by: PRIVACY }]))(
    '$by.agent may send $action.type',
    ({ where, action, by }) => {
      const state = reach(where);
      expect(step(state, command(state, action, by), ITEM_AT + MINUTE_MS)).toMatchObject({ ok: true });
    },
  );

  test.each<{ name: string; action: Action; by: Actor; code: string }>([
    { name: 'an agent raises a hand', action: { type: 'raiseHand' }, by: AUTOPILOT, code: 'forbidden' },
    { name: 'an agent lowers its own hand', action: { type: 'lowerOwnHand' }, by: AUTOPILOT, code: 'forbidden' },
    { name: 'an agent admits someone', action: { type: 'admit', participant: person('x') }, by: AUTOPILOT, code: 'forbidden' },
    { name: 'an agent sends a deadline', action: { type: 'deadlineReached', deadline: 'itemEnd' }, by: PRIVACY, code: 'forbidden' },
    { name: 'the bookkeeping system sends next', action: { type: 'next' }, by: SYSTEM, code: 'forbidden' },
  ])('$name is refused ($code)', ({ action, by, code }) => {
    const state = reach(ITEM.groups);
    const before = structuredClone(state);
    expect(step(state, command(state, action, by), ITEM_AT + MINUTE_MS)).toMatchObject({ ok: false, code });
    expect(state).toStrictEqual(before);
  });

  test('an agent with an old version is refused like a moderator', () => {
    const state = reach(ITEM.opening);
    expect(step(state, command(state, { type: 'next' }, AUTOPILOT, state.version - 1), ITEM_AT)).toMatchObject({ ok: false, code: 'stale_version' });
  });

  test('an agent broadcasts as "Moderator"', () => {
    const result = accept(reach(ITEM.groups), { type: 'broadcast', text: 'Hi' }, { by: AUTOPILOT });
    expect(effectsOf(result.effects, 'broadcast')).toStrictEqual([{ type: 'broadcast', text: 'Hi', from: 'Moderator' }]);
  });

  test('the preview of the next cue is the state a moderator\'s next would give', () => {
    const state = reach(ITEM.opening);
    const now = ITEM_AT + MINUTE_MS;
    expect(previewNext(state, now)).toStrictEqual(accept(state, { type: 'next' }, { now }).state);
  });
});

describe('removal is an explicit effect', () => {
  test.each<{ where: Where; id: string; from: RoomId | null }>([
    { where: 'scheduled', id: 'a2', from: null },
    { where: 'lobby', id: 'a2', from: 'plenary' },
    { where: ITEM.opening, id: 'a2', from: 'plenary' },
    { where: ITEM.groups, id: 'a2', from: 'breakout:skills' },
    { where: ITEM.coffee, id: 'a2', from: 'plenary' },
    { where: 'ended', id: 'a2', from: null },
    { where: ITEM.panel, id: 'ana', from: 'plenary' },
  ])('remove $id from $where: removed from $from', ({ where, id, from }) => {
    const result = accept(reach(where), { type: 'remove', participantId: id }, { now: ITEM_AT + MINUTE_MS });
    expect(effectsOf(result.effects, 'removed')).toStrictEqual([{ type: 'removed', participantId: id, from }]);
  });

  test.each<{ name: string; action: Action; by?: Actor; where: Where }>([
    { name: 'next into the breakouts', action: { type: 'next' }, where: ITEM.opening },
    { name: 'a reassignment during the breakouts', action: { type: 'reassign', participantId: 'a2', breakoutId: 'trust' }, where: ITEM.groups },
    { name: 'the end', action: { type: 'end' }, where: ITEM.groups },
  ])('$name moves people but removes nobody', ({ action, by, where }) => {
    const result = accept(reach(where), action, { by: by ?? actor('mod', 'moderator'), now: ITEM_AT + MINUTE_MS });
    expect(effectsOf(result.effects, 'removed')).toEqual([]);
  });
});
