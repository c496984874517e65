// Media really flows through the real LiveKit server between two Chromium pages on loopback,
// and LiveKit enforces (and live-updates) the publish permission of a token.
// Run inside the loopback-only namespace: node scripts/netns.mjs -- npx vitest run --root e2e test/loopback-media.test.ts
import { AccessToken, RoomServiceClient, type VideoGrant } from 'livekit-server-sdk';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, LkPage, newMediaContext, startLiveKitServer, startLkTestPage, waitFor, type RunningLiveKit } from '@live-workshop/testkit';

let livekit: RunningLiveKit;
let testPage: { url: string; close(): Promise<void> };
let browser: Browser;
let rooms: RoomServiceClient;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (process.env.LW_NETNS !== '1') console.warn('not inside the loopback-only namespace (scripts/netns.mjs)');
  [livekit, testPage, browser] = await Promise.all([startLiveKitServer(), startLkTestPage(), launchChromium()]);
  rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await testPage?.close();
  await livekit?.stop();
});

function token(room: string, identity: string, grant: Partial<VideoGrant> = {}): Promise<string> {
  const at = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl: '10m' });
  at.addGrant({ roomJoin: true, room, canSubscribe: true, canPublish: true, canPublishData: true, ...grant });
  return at.toJwt();
}

async function openPage(): Promise<LkPage> {
  const context = await newMediaContext(browser);
  contexts.push(context);
  const page = new LkPage(await context.newPage());
  await page.open(testPage.url);
  return page;
}

async function publishedTracks(room: string, identity: string) {
  const participants = await rooms.listParticipants(room);
  return participants.find((p) => p.identity === identity)?.tracks ?? [];
}

describe('real LiveKit on loopback', () => {
  it('carries a camera from one page to another', async () => {
    const room = 'loopback-media';
    const [alice, bob] = await Promise.all([openPage(), openPage()]);

    const [a, b] = await Promise.all([
      alice.connect(livekit.url, await token(room, 'alice')),
      bob.connect(livekit.url, await token(room, 'bob')),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });

    const published = await alice.publishCamera();
    expect(published).toMatchObject({ ok: true });

    const started = Date.now();
    const first = await waitFor(async () => (await bob.framesDecoded()) || false, { timeoutMs: 30_000, what: 'first decoded frame' });
    const firstFrameMs = Date.now() - started;
    const later = await waitFor(async () => {
      const n = await bob.framesDecoded();
      return n >= first + 30 ? n : false;
    }, { timeoutMs: 30_000, what: '30 more decoded frames' });

    const path = await bob.mediaPath();
    console.log(
      `connect: alice ${a.ok ? a.connectMs : '-'} ms, bob ${b.ok ? b.connectMs : '-'} ms; ` +
        `first frame ${firstFrameMs} ms after publish; frames decoded ${first} -> ${later}; media path ${JSON.stringify(path)}`,
    );
    expect(later).toBeGreaterThan(first);
    expect((await bob.state()).remoteParticipants).toEqual([
      expect.objectContaining({ identity: 'alice', tracks: [expect.objectContaining({ kind: 'video', subscribed: true })] }),
    ]);
    // Outside the loopback-only namespace Chromium offers only the machine's other addresses.
    expect(path.length).toBeGreaterThan(0);
    for (const { local, remote } of path) {
      expect(local, 'Chromium used a non-loopback address; run inside scripts/netns.mjs').toContain(' 127.0.0.1:');
      expect(remote).toContain(' 127.0.0.1:');
    }
  });

  it('refuses to publish without canPublish, then allows it after a permission update without reconnecting', async () => {
    const room = 'permission-update';
    const carol = await openPage();
    const joined = await carol.connect(livekit.url, await token(room, 'carol', { canPublish: false }));
    expect(joined).toMatchObject({ ok: true });
    const before = await carol.state();
    expect(before).toMatchObject({ connectionState: 'connected', roomName: room, identity: 'carol', canPublish: false });

    // livekit-client itself refuses, from the permissions LiveKit sent at join.
    const refusedByClient = await carol.publishCamera();
    expect(refusedByClient).toMatchObject({ ok: false, error: { name: 'PublishTrackError', status: 403, source: 'client' } });
    // Skipping that check, LiveKit refuses the track itself.
    const refusedByServer = await carol.publishCamera({ bypassClientCheck: true });
    expect(refusedByServer).toMatchObject({ ok: false, error: { source: 'server', reason: 'NOT_ALLOWED' } });
    expect((await carol.state()).localTracks).toEqual([]);
    expect(await publishedTracks(room, 'carol')).toEqual([]);

    const updateStarted = Date.now();
    await rooms.updateParticipant(room, 'carol', undefined, { canPublish: true, canSubscribe: true, canPublishData: true });
    const listed = (await rooms.listParticipants(room)).find((p) => p.identity === 'carol');
    expect(listed?.permission?.canPublish).toBe(true);
    await waitFor(async () => (await carol.state()).canPublish === true, { what: 'canPublish in the page' });
    const permissionMs = Date.now() - updateStarted;

    const publishStarted = Date.now();
    const allowed = await carol.publishCamera();
    const publishMs = Date.now() - publishStarted;
    expect(allowed, JSON.stringify(allowed)).toMatchObject({ ok: true });
    const tracks = await waitFor(async () => {
      const t = await publishedTracks(room, 'carol');
      return t.length > 0 ? t : false;
    }, { what: 'carol\'s track in listParticipants' });
    console.log(`connect: carol ${joined.ok ? joined.connectMs : '-'} ms; permission reached the page ${permissionMs} ms after updateParticipant; publish took ${publishMs} ms, track listed ${Date.now() - publishStarted} ms after publish started`);
    expect(tracks).toHaveLength(1);

    const after = await carol.state();
    expect(after.sid).toBe(before.sid);
    expect(after.connectionState).toBe('connected');
  });
});
