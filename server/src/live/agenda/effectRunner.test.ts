// The effect runner performs a removal because the engine says so, in every phase, not only when it moved someone.
import { describe, expect, test } from 'vitest';
import type { Action } from '@live-workshop/shared';
import { memoryRoom } from '../memoryRoom.js';

describe('removal', () => {
  test.each<{ where: string; before: Action[] }>([
    { where: 'before the doors open', before: [] },
    { where: 'in the opening plenary', before: [{ type: 'start' }] },
    { where: 'after the end', before: [{ type: 'end' }] },
  ])('a person removed $where loses their link and their connection', async ({ before }) => {
    const room = memoryRoom();
    const ada = await room.join('ada', 'attendee', ['skills']);
    for (const action of before) expect(room.moderate(action)).toMatchObject({ ok: true });
    const generation = room.people.get('ada')!.credentialGeneration;

    expect(room.moderate({ type: 'remove', participantId: 'ada' })).toMatchObject({ ok: true });
    expect(ada.closedWith?.reason).toBe('removed');
    expect(room.sessions.isOnline('ada')).toBe(false);
    expect(room.people.get('ada')!.credentialGeneration).toBe(generation + 1);
  });
});
