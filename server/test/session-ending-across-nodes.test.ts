// Ending a person's sessions on the other nodes (socketIoTransport.ts's SessionEnder) with two
// Socket.IO transports in this process on a real Redis: the other node's connection is told and
// closed; an ending that names an earlier time (a late message from an older session) leaves a newer
// connection alone — the race cluster-sessions.test.ts once lost, the older session's message
// arriving after the newer session had opened.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EVENTS, PROTOCOL_VERSION, type SessionEnded } from '@live-workshop/shared';
import { startRedis, waitFor, type RunningRedis } from '@live-workshop/testkit';
import { connectRedisAdapter, type RedisAdapter } from '../src/cluster/redisAdapter.js';
import type { Credentials } from '../src/people/credentials/credentials.js';
import { createLog } from '../src/platform/log.js';
import { createSocketIoTransport } from '../src/live/realtime/socketIoTransport.js';
import { topics, type RoomSocket, type SessionEnder } from '../src/live/realtime/transport.js';

const credentials = {
  verify: async (credential: unknown) => ({ ok: true as const, claims: { participantId: String(credential), role: 'attendee' as const } }),
} as unknown as Credentials;

let redis: RunningRedis;
const adapters: RedisAdapter[] = [];
const https: HttpServer[] = [];
const closers: (() => unknown)[] = [];
const clients: Socket[] = [];

/** One node: a transport whose connections join their person's topic, as connection.ts does. */
async function node(): Promise<{ url: string; ender: SessionEnder; opened: RoomSocket[]; nodesSeen(): Promise<number> }> {
  const adapter = await connectRedisAdapter(redis.url);
  adapters.push(adapter);
  const http = createServer();
  https.push(http);
  const { io, serve, sessionEnder } = createSocketIoTransport(http, { credentials, allowedOrigins: [], log: createLog('silent'), admit: () => ({ ok: true }), adapter: adapter.adapter });
  closers.push(() => io.close());
  const opened: RoomSocket[] = [];
  serve({ opened: (s) => { s.join(topics.person(s.claims.participantId)); opened.push(s); }, request: () => {}, closed: () => {} });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, ender: sessionEnder, opened,
    nodesSeen: () => io.of('/').adapter.serverCount(),
  };
}
async function client(url: string, participantId: string): Promise<{ socket: Socket; ended: SessionEnded[]; gone: Promise<string> }> {
  const socket = connect(url, { auth: { protocolVersion: PROTOCOL_VERSION, credential: participantId }, transports: ['websocket'], reconnection: false });
  clients.push(socket);
  const ended: SessionEnded[] = [];
  socket.on(EVENTS.sessionEnded, (e: SessionEnded) => void ended.push(e));
  // Bounded, so a lost ending fails with its name instead of at the test's timeout.
  const gone = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${participantId}'s connection was not closed within 10 s`)), 10_000);
    socket.once('disconnect', (reason) => { clearTimeout(timer); resolve(reason); });
  });
  gone.catch(() => undefined);
  await new Promise<void>((resolve, reject) => { socket.once('connect', () => resolve()); socket.once('connect_error', reject); });
  return { socket, ended, gone };
}

let a: Awaited<ReturnType<typeof node>>;
let b: Awaited<ReturnType<typeof node>>;
beforeAll(async () => {
  redis = await startRedis();
  [a, b] = [await node(), await node()];
  // Each reads the other's heartbeat once it reads the stream: only then does a message reach it.
  await waitFor(async () => (await a.nodesSeen()) === 2 && (await b.nodesSeen()) === 2, { timeoutMs: 15_000, what: 'both nodes to see each other' });
}, 30_000);
afterAll(async () => {
  for (const c of clients) c.disconnect();
  for (const close of closers) await close();
  await Promise.all(adapters.map((x) => x.close()));
  await redis?.stop();
});

test('an ending sent from node A closes the person\'s connection on node B, told why first; other people are not touched', async () => {
  const ada = await client(b.url, 'ada');
  const bob = await client(b.url, 'bob');
  a.ender.endSessions('ada', { reason: 'revoked', message: 'Your join link was replaced.' });
  expect(await ada.gone).toBe('io server disconnect');
  expect(ada.ended).toEqual([{ reason: 'revoked', message: 'Your join link was replaced.' }]);
  // A marker ending for someone else, sent after: once it is through, bob's connection has had every chance to be wrongly closed.
  const marker = await client(b.url, 'marker');
  a.ender.endSessions('marker', { reason: 'removed', message: 'x' });
  await marker.gone;
  expect(bob.socket.connected).toBe(true);
  expect(bob.ended).toEqual([]);
});

test('an ending for sessions opened by an earlier time leaves a connection opened since then alone, and ends one opened by then', async () => {
  const before = Date.now();
  await waitFor(() => Date.now() > before, { intervalMs: 1 });
  const newer = await client(b.url, 'cleo');
  const openedAt = b.opened.at(-1)!.openedAt!;
  expect(openedAt).toBeGreaterThan(before);
  // The older session's late message: sessions opened before `before` only.
  a.ender.endSessions('cleo', { reason: 'replaced', message: 'Stale.', except: 'some-older-socket', before });
  // Then the same person's newest session elsewhere: everything of theirs opened before it goes.
  a.ender.endSessions('cleo', { reason: 'replaced', message: 'Replaced.', except: 'the-newest-socket', before: openedAt });
  expect(await newer.gone).toBe('io server disconnect');
  // Only the second ending reached it: had the first, its words would have come first (the stream keeps their order).
  expect(newer.ended).toEqual([{ reason: 'replaced', message: 'Replaced.' }]);
});
