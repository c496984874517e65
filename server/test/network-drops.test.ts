// A client's network drops for 5 s, 30 s or 150 s while the agenda moves on: when it comes back
// it gets the room it now belongs to, with the state in sync and versions in order.
import { afterEach, expect, test } from 'vitest';
import { EVENTS, placementOf } from '@live-workshop/shared';
import { ManualTime } from '../src/platform/clock.js';
import { register, startTestApp, TestClient } from './harness.js';
import { SimAttendee } from './simAttendee.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

test.each([
  { dropS: 5, cueDuringDrop: false },
  { dropS: 30, cueDuringDrop: true },
  { dropS: 150, cueDuringDrop: true },
])('a $dropS s drop (cue during the drop: $cueDuringDrop) ends in the right room, in sync', async ({ dropS, cueDuringDrop }) => {
  const time = new ManualTime(Date.now());
  const { app, url } = await startTestApp({ clock: time, scheduler: time });
  cleanups.push(() => app.close());
  const { body } = await register(url, { name: 'Flaky', email: 'flaky@example.org', preferences: ['uncharted'] });
  const flaky = new SimAttendee(url, body.credential);
  cleanups.push(() => flaky.close());
  const moderator = new TestClient(url, (await app.staffLinks()).find((l) => l.role === 'moderator')!.url.split('/join/')[1]!);
  cleanups.push(() => moderator.close());
  await Promise.all([flaky.connected(), moderator.connected()]);
  await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
  await moderator.command({ type: 'start' }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby')).version);
  await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');

  flaky.socket.disconnect();
  time.advanceBy((dropS * 1000) / 2);
  if (cueDuringDrop) {
    expect(await moderator.command({ type: 'next' }, app.agenda.state.version)).toMatchObject({ ok: true });
  }
  time.advanceBy((dropS * 1000) / 2);
  const versionsBefore = flaky.versions.length;
  flaky.socket.connect();
  await flaky.connected();
  const expected = placementOf(app.agenda.state, body.participantId);
  for (let i = 0; i < 200 && (flaky.current?.roomId !== expected.roomId || flaky.versions.length === versionsBefore); i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(flaky.current).toMatchObject({ roomId: expected.roomId, canPublish: expected.canPublish, phaseKey: flaky.phaseKey });
  expect(expected.roomId).toBe(cueDuringDrop ? 'breakout:uncharted' : 'plenary');
  expect(flaky.versions.at(-1)).toBe(app.agenda.state.version);
  expect(flaky.versions).toEqual([...flaky.versions].sort((a, b) => a - b));
});
