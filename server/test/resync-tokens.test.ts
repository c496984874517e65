// A reconnect mints each LiveKit token once: the server sends the assignments when the socket
// connects, and the client's resync right after gets those same ones back, not new mints.
import { afterEach, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { ManualTime } from '../src/platform/clock.js';
import { PREPARED_REFRESH_AFTER_MS } from '../src/live/assignments/assignments.js';
import { connectClient, register, staffCredential, startTestApp } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

test('connect, then resync: the resync answers with the tokens just sent; only stale ones are minted again', async () => {
  const livekit = new MemoryLiveKit();
  // The seed workshop's morning; with the doors open attendees wait in the plenary room.
  const time = new ManualTime(Date.parse('2025-10-23T06:00:00Z'));
  const { app, url } = await startTestApp({ livekit, clock: time, scheduler: time });
  cleanups.push(() => app.close());
  const moderator = await connectClient(url, await staffCredential(app, 'anastasia-pouliou'), cleanups);
  expect(await moderator.command({ type: 'openDoors' })).toMatchObject({ ok: true });
  const { body } = await register(url, { name: 'Ada', email: 'ada@example.org', preferences: ['trust'] });
  const client = await connectClient(url, body.credential, cleanups);
  const sent = await client.next(EVENTS.assignmentChanged, (a) => a.roomId !== null);
  const mintedForAda = () => livekit.minted.filter((g) => g.identity === body.participantId).length;
  const afterConnect = mintedForAda();
  expect(afterConnect).toBeGreaterThan(0);

  const resync = await client.request(EVENTS.sessionResync, {});
  expect(resync.ok).toBe(true);
  expect(resync.ok && resync.data.current).toEqual(sent);
  expect(mintedForAda()).toBe(afterConnect);

  // Tokens that have aged are minted again (and sent).
  time.advanceBy(PREPARED_REFRESH_AFTER_MS + 1);
  const later = await client.request(EVENTS.sessionResync, {});
  expect(later.ok && later.data.current.roomId).toBe(sent.roomId);
  expect(mintedForAda()).toBeGreaterThan(afterConnect);
});
