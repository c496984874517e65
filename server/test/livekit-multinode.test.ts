// Issue 16's LiveKit multi-node, with real processes: two livekit-server nodes sharing one Redis
// (LiveKit's own mode), each sending its webhooks to our server, which calls LiveKit's API through
// node A's URL only. Real Chromium pages (livekit-client, no media published) join the workshop's
// rooms through both nodes' URLs. Where each room lives is read from LiveKit's own record in Redis
// (`room_node_map`) and from the join answer each page got (`serverInfo.nodeId`).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import type { Browser, BrowserContext } from 'playwright-core';
import { createClient } from 'redis';
import { livekitRoomName, type RoomId } from '@live-workshop/shared';
import {
  freeTcpPort, launchChromium, LkPage, startLiveKitCluster, startLkTestPage, startRedis, waitFor,
  type RunningLiveKit, type RunningLiveKitCluster, type RunningRedis,
} from '@live-workshop/testkit';
import type { App } from '../src/app.js';
import { realLiveKit } from '../src/livekit/realLiveKit.js';
import { ManualTime } from '../src/platform/clock.js';
import { startTestApp } from './harness.js';

const ROOMS: readonly RoomId[] = ['plenary', 'backstage', 'breakout:skills', 'breakout:trust'];

let redis: RunningRedis;
let lk: RunningLiveKitCluster;
let app: App;
let browser: Browser;
let context: BrowserContext;
let testPage: { url: string; close(): Promise<void> };
let redisClient: ReturnType<typeof createClient>;
beforeAll(async () => {
  redis = await startRedis();
  const port = await freeTcpPort();
  lk = await startLiveKitCluster({ redisAddress: `127.0.0.1:${redis.port}`, webhookUrl: `http://127.0.0.1:${port}/livekit/webhook` });
  // A scheduler that never fires: the presence sweep (which asks LiveKit every 10 s) stays off, so
  // whatever the server knows of the rooms it learnt from the webhooks.
  ({ app } = await startTestApp({
    port, scheduler: new ManualTime(Date.now()),
    livekit: realLiveKit({ url: lk.nodes[0]!.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret }),
    webhook: { apiKey: lk.apiKey, apiSecret: lk.apiSecret },
  }));
  redisClient = createClient({ url: redis.url });
  redisClient.on('error', () => undefined);
  await redisClient.connect();
  [browser, testPage] = await Promise.all([launchChromium(), startLkTestPage()]);
  context = await browser.newContext();
}, 90_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await testPage?.close();
  await redisClient?.close();
  await app?.close();
  await lk?.stop();
  await redis?.stop();
}, 60_000);

const tokenFor = (identity: string, room: string) => {
  const token = new AccessToken(lk.apiKey, lk.apiSecret, { identity, ttl: 600 });
  token.addGrant({ room, roomJoin: true, canPublish: false, canSubscribe: true });
  return token.toJwt();
};
/** LiveKit's own record of which node hosts each room. */
const hosts = () => redisClient.hGetAll('room_node_map');
const nodeOf = (nodeId: string): RunningLiveKit => lk.nodes.find((n) => n.nodeId === nodeId)!;

async function join(identity: string, room: string, via: RunningLiveKit): Promise<LkPage> {
  const page = new LkPage(await context.newPage());
  await page.open(testPage.url);
  const joined = await page.connect(via.url, await tokenFor(identity, room));
  expect(joined, `${identity} joining ${room} through ${via.nodeId}`).toMatchObject({ ok: true });
  return page;
}

test('rooms spread over both LiveKit nodes, either URL reaches any room, both nodes\' webhooks reach the server, and listParticipants agrees through either node', async () => {
  const eventId = app.agenda.state.event.id;
  const [first, second] = Object.values(app.agenda.state.participants).filter((p) => p.role === 'moderator').map((p) => p.id);
  expect(first && second).toBeTruthy();
  const names = ROOMS.map((r) => livekitRoomName(eventId, r));
  const pages = new Map<string, LkPage[]>();

  // One room at a time, joined alternately through node A's and node B's URL.
  for (const [i, room] of names.entries()) {
    const page = await join(first!, room, lk.nodes[i % 2]!);
    pages.set(room, [page]);
    const host = await waitFor(async () => (await hosts())[room], { what: `${room} in room_node_map` });
    expect((await page.state()).serverNodeId).toBe(host);
    // LiveKit places a new room on the node with the fewest rooms, by the stats each node writes into
    // Redis every few seconds: wait for the host's next write (made after this room existed).
    const written = await redisClient.hGet('nodes', host);
    await waitFor(async () => (await redisClient.hGet('nodes', host)) !== written, { timeoutMs: 15_000, what: `node ${host}'s stats rewritten` });
  }
  const placed = await hosts();
  const perNode = lk.nodes.map((n) => names.filter((room) => placed[room] === n.nodeId).length);
  expect(perNode).toEqual([2, 2]);
  console.log(`LiveKit rooms by node (room_node_map): ${names.map((room) => `${room} → ${placed[room]}`).join(', ')}; nodes A ${lk.nodes[0]!.nodeId}, B ${lk.nodes[1]!.nodeId}`);

  // A second participant in every room, through the node that does NOT host it: signalling is relayed through Redis.
  for (const room of names) {
    const other = lk.nodes.find((n) => n.nodeId !== placed[room])!;
    const page = await join(second!, room, other);
    expect((await page.state()).serverNodeId).toBe(placed[room]);
    pages.get(room)!.push(page);
  }

  // The hosting node sends a room's webhooks: the server knows both people in all four rooms, two of them on each node.
  await waitFor(() => [first!, second!].every((id) => ROOMS.every((r) => app.presence.roomsOf(id).includes(r))), {
    timeoutMs: 15_000, what: 'participant_joined webhooks of every room',
  });

  // LiveKit's API through either node's URL answers for every room, wherever it lives.
  for (const node of lk.nodes) {
    const api = new RoomServiceClient(node.httpUrl, lk.apiKey, lk.apiSecret);
    expect((await api.listRooms()).map((r) => r.name).sort()).toEqual([...names].sort());
    for (const room of names) expect((await api.listParticipants(room)).map((p) => p.identity).sort(), `${room} through ${node.nodeId}`).toEqual([first, second].sort());
  }
  // The server's own sweep (listRooms and listParticipants through node A only) finds nothing to correct.
  expect(await app.reconcilePresence()).toEqual([]);
  expect(ROOMS.every((r) => app.presence.roomsOf(second!).includes(r))).toBe(true);

  // Leaving: participant_left from each room's node takes the second person out of all four rooms.
  for (const room of names) expect(await pages.get(room)![1]!.disconnect()).toMatchObject({ ok: true });
  await waitFor(() => app.presence.roomsOf(second!).length === 0, { timeoutMs: 15_000, what: 'participant_left webhooks of every room' });
  expect([...app.presence.roomsOf(first!)].sort()).toEqual([...ROOMS].sort());
}, 120_000);
