// The rooms of a round with its own rooms are rooms like any other: a moderator visits them, puts a
// poll to one, a captioner chooses one and captions it (the forum's round-1 rooms are not in the
// event's top-level `breakouts:`).
import { join } from 'node:path';
import { EVENTS } from '@live-workshop/shared';
import { expect, test } from 'vitest';
import { memoryRoom } from '../memoryRoom.js';

const FORUM = join(import.meta.dirname, '../../../../e2e/fixtures/lisbon-forum.yaml');

test('a moderator visits, polls and a captioner captions a room of round 1; an unknown room is still refused', async () => {
  const room = memoryRoom({ eventFile: FORUM, edit: (e) => ({ ...e, captioners: [{ id: 'cart', name: 'Cart Writer' }] }) });
  const mod = await room.join('forum-chair', 'moderator');
  const cart = await room.join('cart', 'captioner');
  await room.join('ana', 'attendee', [], { 'round-1': ['tourism'] });
  expect(room.moderate({ type: 'openDoors' }).ok).toBe(true);
  expect(room.moderate({ type: 'goTo', itemIndex: 1 }).ok).toBe(true);
  await room.settle();

  expect(await mod.request(EVENTS.roomVisit, { roomId: 'breakout:tourism' })).toMatchObject({ ok: true, data: { roomId: 'breakout:tourism', livekitRoom: 'lisbon-forum-2026--breakout-tourism' } });
  expect(await mod.request(EVENTS.roomVisit, { roomId: 'breakout:nowhere' })).toMatchObject({ ok: false, code: 'unknown_breakout' });

  const poll = { poll: { question: 'Which sector hires most?', kind: 'word' }, audience: { kind: 'room', roomId: 'breakout:tourism' }, durationSeconds: null };
  expect(await mod.request(EVENTS.pollLaunch, poll)).toMatchObject({ ok: true });
  expect(await mod.request(EVENTS.pollLaunch, { ...poll, audience: { kind: 'room', roomId: 'breakout:nowhere' } })).toMatchObject({ ok: false, code: 'unknown_breakout' });

  const choose = (breakoutId: string) => cart.request(EVENTS.agendaCommand, { expectedVersion: room.agenda.state.version, action: { type: 'captionRoom', breakoutId } });
  expect(await choose('nowhere')).toMatchObject({ ok: false, code: 'unknown_breakout' });
  expect(await choose('tourism')).toMatchObject({ ok: true });
  await room.settle();
  expect(await cart.request(EVENTS.captionSend, { roomId: 'breakout:tourism', text: 'Hotels need digital skills.', final: true })).toEqual({ ok: true, data: { id: 1 } });
});
