import { describe, expect, test } from 'vitest';
import { initialState } from './state.js';
import { step } from './step.js';
import { accept, admitAll, command, effectsOf, makeEvent, MODERATOR, person, smallEvent, SYSTEM, T0 } from './testkit.js';

describe('replaceEvent: a moderator edits the event before it starts', () => {
  const base = () => admitAll(initialState(smallEvent), [person('ann', 'attendee', [smallEvent.breakouts[1]!.id, smallEvent.breakouts[0]!.id]), person('bob', 'attendee', [smallEvent.breakouts[0]!.id])]);
  const without = (id: string) => makeEvent((input) => {
    input.title = 'Edited';
    input.breakouts = (input.breakouts as { id: string }[]).filter((b) => b.id !== id);
  });

  test('applies the new event, re-places people whose room is gone, bumps the version and tells everyone', () => {
    const state = base();
    const gone = smallEvent.breakouts[1]!.id;
    const result = accept(state, { type: 'replaceEvent', event: without(gone) }, { by: SYSTEM });
    expect(result.state.event.title).toBe('Edited');
    expect(result.state.participants.ann!.breakoutId).toBe(smallEvent.breakouts[0]!.id);
    expect(result.state.participants.bob).toBe(state.participants.bob);
    expect(result.state.version).toBe(state.version + 1);
    expect(effectsOf(result.effects, 'eventChanged')).toHaveLength(1);
    expect(effectsOf(result.effects, 'agendaChanged')).toHaveLength(1);
  });

  test('staff the edit drops leave (their links stop working); attendees and remaining staff stay', () => {
    const state = admitAll(base(), [person('mod', 'moderator'), person('ana', 'speaker'), person('ben', 'speaker')]);
    const edited = makeEvent((input) => {
      input.moderators = [{ id: 'mod', name: 'Person mod' }, { id: 'new-mod', name: 'New Moderator' }];
      input.speakers = [{ id: 'ana', name: 'Person ana' }];
      input.agenda = (input.agenda as { stage?: string[] }[]).map((item) => (item.stage ? { ...item, stage: ['ana'] } : item));
    });
    const result = accept(state, { type: 'replaceEvent', event: edited }, { by: SYSTEM });
    expect(Object.keys(result.state.participants).sort()).toEqual(['ana', 'ann', 'bob', 'mod']);
    expect(effectsOf(result.effects, 'removed')).toStrictEqual([{ type: 'removed', participantId: 'ben', from: null }]);
  });

  test.each([
    ['after the doors open', (s: ReturnType<typeof base>) => accept(s, { type: 'openDoors' }).state, smallEvent, 'not_allowed_now'],
    ['with another event id', (s: ReturnType<typeof base>) => s, makeEvent((input) => { input.id = 'other-event'; }), 'not_allowed_now'],
  ])('refused %s, state unchanged', (_name, prepare, event, code) => {
    const state = prepare(base());
    const copy = structuredClone(state);
    expect(step(state, command(state, { type: 'replaceEvent', event }, SYSTEM), T0)).toMatchObject({ ok: false, code });
    expect(state).toStrictEqual(copy);
  });

  test('only the server may replace the event (the HTTP route validates and is moderator-only)', () => {
    const state = base();
    expect(step(state, command(state, { type: 'replaceEvent', event: smallEvent }, MODERATOR), T0)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
