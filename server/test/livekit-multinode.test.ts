// Issue 16's LiveKit multi-node, with real processes: two livekit-server nodes sharing one Redis
// (LiveKit's own mode), each sending its webhooks to our server, which calls LiveKit's API through
// node A's URL only. Real Chromium pages (livekit-client, no media published) join the workshop's
// rooms through both nodes' URLs. Where each room lives is read from LiveKit's own record in Redis
// (`room_node_map`) and from the join answer each page got (`serverInfo.nodeId`); which node sent
// each webhook, from a relay per node that passes them on to the server unchanged.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import type { LiveKitPort } from '../src/livekit/livekitPort.js';
import { realLiveKit } from '../src/livekit/realLiveKit.js';
import { ManualTime } from '../src/platform/clock.js';
import { startTestApp } from './harness.js';

const ROOMS: readonly RoomId[] = ['plenary', 'backstage', 'breakout:skills', 'breakout:trust'];

/** A webhook as it passed a node's relay. */
interface Relayed {
  readonly node: number;
  readonly event: string;
  readonly room: string;
}
const relayed: Relayed[] = [];

/** Passes node `node`'s webhooks on to `target` as they came (body and signature), noting each; answers what the server answered. */
async function webhookRelay(node: number, target: string): Promise<{ url: string; close(): Promise<void> }> {
  const relay = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const event = JSON.parse(body.toString('utf8')) as { event?: string; room?: { name?: string } };
      relayed.push({ node, event: event.event ?? '', room: event.room?.name ?? '' });
      void fetch(target, { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '', authorization: req.headers.authorization ?? '' }, body })
        .then(async (answer) => res.writeHead(answer.status).end(await answer.text()), () => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}/livekit/webhook`, close: () => new Promise((resolve) => relay.close(() => resolve())) };
}

let redis: RunningRedis;
let lk: RunningLiveKitCluster;
let app: App;
/** The server's own LiveKit client: through node A's URL only. */
let livekit: LiveKitPort;
let browser: Browser;
let context: BrowserContext;
let testPage: { url: string; close(): Promise<void> };
let redisClient: ReturnType<typeof createClient>;
let relays: Awaited<ReturnType<typeof webhookRelay>>[] = [];
beforeAll(async () => {
  redis = await startRedis();
  const port = await freeTcpPort();
  relays = await Promise.all([0, 1].map((node) => webhookRelay(node, `http://127.0.0.1:${port}/livekit/webhook`)));
  lk = await startLiveKitCluster({ redisAddress: `127.0.0.1:${redis.port}`, webhookUrls: relays.map((r) => r.url) });
  // A scheduler that never fires: the presence sweep (which asks LiveKit every 10 s) stays off, so
  // whatever the server knows of the rooms it learnt from the webhooks.
  livekit = realLiveKit({ url: lk.nodes[0]!.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret });
  ({ app } = await startTestApp({
    port, scheduler: new ManualTime(Date.now()), livekit,
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
  await Promise.all(relays.map((r) => r.close()));
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

  // Each room's webhooks came from the node hosting it, so from both nodes.
  const hostIndex = (room: string) => lk.nodes.findIndex((n) => n.nodeId === placed[room]);
  for (const room of names) {
    const joined = relayed.filter((r) => r.room === room && r.event === 'participant_joined');
    expect(joined.map((r) => r.node), room).toEqual([hostIndex(room), hostIndex(room)]);
  }
  expect(new Set(relayed.map((r) => r.node))).toEqual(new Set([0, 1]));

  // The server's changes, sent to node A, reach the rooms on node B too: a permission given without reconnecting...
  const seconds = names.map((room) => pages.get(room)![1]!);
  expect((await Promise.all(seconds.map((p) => p.state()))).map((s) => s.canPublish)).toEqual(names.map(() => false));
  for (const room of names) await livekit.setCanPublish(room, second!, true, ['camera', 'microphone']);
  await waitFor(async () => (await Promise.all(seconds.map((p) => p.state()))).every((s) => s.canPublish === true), { what: 'canPublish in every room' });
  // ...and a removal; participant_left from each room's node takes the second person out of all four rooms.
  for (const room of names) await livekit.removeParticipant(room, second!);
  await waitFor(() => app.presence.roomsOf(second!).length === 0, { timeoutMs: 15_000, what: 'participant_left webhooks of every room' });
  await waitFor(async () => (await Promise.all(seconds.map((p) => p.state()))).every((s) => s.connectionState === 'disconnected'), { what: 'the removed pages to be disconnected' });
  for (const room of names) expect(relayed.filter((r) => r.room === room && r.event === 'participant_left').map((r) => r.node), room).toEqual([hostIndex(room)]);
  expect([...app.presence.roomsOf(first!)].sort()).toEqual([...ROOMS].sort());
  console.log(`Webhooks relayed per node: ${[0, 1].map((n) => `${'AB'[n]} ${relayed.filter((r) => r.node === n).length} (${[...new Set(relayed.filter((r) => r.node === n).map((r) => r.event))].join(', ')})`).join('; ')}`);
}, 120_000);
