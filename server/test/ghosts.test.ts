// Nobody stays in a room they no longer belong to: presence is reconciled with LiveKit and ghosts removed.
import { afterEach, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { MOVE_GRACE_MS, STRANDED_MOVE_LIMIT_MS } from '../src/live/agenda/ghostSweeper.js';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { ManualTime } from '../src/platform/clock.js';
import { register, startTestApp, TestClient } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

test('after the move grace, someone in both their old and their new room is removed from the old one; a slow mover, the planned room and moderators are left alone', async () => {
  const time = new ManualTime(Date.now());
  const livekit = new MemoryLiveKit();
  const { app, url } = await startTestApp({ livekit, clock: time });
  cleanups.push(() => app.close());
  const { body } = await register(url, { name: 'Lingers', email: 'lingers@example.org', preferences: ['trust'] });
  const moderator = new TestClient(url, (await app.staffLinks()).find((l) => l.role === 'moderator')!.url.split('/join/')[1]!);
  cleanups.push(() => moderator.close());
  await moderator.connected();
  await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
  await moderator.command({ type: 'goTo', itemIndex: 1 }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby')).version);
  await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');

  const plenary = 'microcredentials-2025--plenary';
  const trust = 'microcredentials-2025--breakout-trust';
  // Still only in the old room long after the cue (a slow move): left alone, never stranded.
  livekit.rooms.set(plenary, new Set([body.participantId]));
  time.advanceBy(MOVE_GRACE_MS * 2);
  expect(await app.reconcilePresence()).toEqual([]);
  expect([...livekit.rooms.get(plenary)!]).toEqual([body.participantId]);
  // ... but not forever: a client that never joins its new room is taken out of the old one.
  time.advanceBy(STRANDED_MOVE_LIMIT_MS - MOVE_GRACE_MS * 2);
  expect(await app.reconcilePresence()).toEqual([{ identity: body.participantId, room: plenary }]);
  expect([...livekit.rooms.get(plenary)!]).toEqual([]);

  // Arrived in the breakout but still in the plenary too (a ghost): removed after the grace.
  await moderator.command({ type: 'endBreakouts' }, app.agenda.state.version);
  await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'live');
  await moderator.command({ type: 'goTo', itemIndex: 1 }, app.agenda.state.version);
  await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts' && s.version === app.agenda.state.version);
  livekit.rooms.set(plenary, new Set([body.participantId]));
  livekit.rooms.set(trust, new Set([body.participantId, 'anastasia-pouliou']));

  time.advanceBy(MOVE_GRACE_MS / 2);
  expect(await app.reconcilePresence()).toEqual([]);
  expect(app.presence.roomsOf(body.participantId).sort()).toEqual(['breakout:trust', 'plenary']);

  time.advanceBy(MOVE_GRACE_MS);
  expect(await app.reconcilePresence()).toEqual([{ identity: body.participantId, room: plenary }]);
  expect([...livekit.rooms.get(plenary)!]).toEqual([]);
  expect([...livekit.rooms.get(trust)!].sort()).toEqual(['anastasia-pouliou', body.participantId].sort());
  expect(app.presence.roomsOf(body.participantId)).toEqual(['breakout:trust']);
});

test('someone no longer in the event who joins a room with a token they kept is removed at once, without the move grace', async () => {
  const time = new ManualTime(Date.now());
  const livekit = new MemoryLiveKit();
  const { app, url } = await startTestApp({ livekit, clock: time });
  cleanups.push(() => app.close());
  const { body } = await register(url, { name: 'Gone', email: 'gone@example.org' });
  const moderator = new TestClient(url, (await app.staffLinks()).find((l) => l.role === 'moderator')!.url.split('/join/')[1]!);
  cleanups.push(() => moderator.close());
  await moderator.connected();
  await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
  expect(await moderator.command({ type: 'remove', participantId: body.participantId }, app.agenda.state.version)).toMatchObject({ ok: true });
  const lobby = 'microcredentials-2025--plenary';
  livekit.rooms.set(lobby, new Set([body.participantId]));
  time.advanceBy(1);
  expect(await app.reconcilePresence()).toEqual([{ identity: body.participantId, room: lobby }]);
});
