// Who may share a screen, as the REAL LiveKit server enforces it (real Chromium pages with fake
// capture, inside the loopback-only namespace): tokens and permission updates name the sources.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import { EVENTS, livekitRoomName, type Assignment } from '@live-workshop/shared';
import { freeTcpPort, launchChromium, LkPage, newMediaContext, startLiveKitServer, startLkTestPage, waitFor, type RunningLiveKit } from '@live-workshop/testkit';
import { realLiveKit } from '../src/livekit/realLiveKit.js';
import type { App } from '../src/app.js';
import { register, staffCredential, startTestApp, TestClient } from './harness.js';

const EVENT_ID = 'microcredentials-2025';
const PLENARY = livekitRoomName(EVENT_ID, 'plenary');

let lk: RunningLiveKit;
let app: App;
let url: string;
let rooms: RoomServiceClient;
let browser: Browser;
let testPage: { url: string; close(): Promise<void> };
const clients: TestClient[] = [];

beforeAll(async () => {
  const port = await freeTcpPort();
  lk = await startLiveKitServer({ webhookUrl: `http://127.0.0.1:${port}/livekit/webhook` });
  ({ app, url } = await startTestApp({
    port, livekit: realLiveKit({ url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret }), webhook: { apiKey: lk.apiKey, apiSecret: lk.apiSecret },
  }));
  rooms = new RoomServiceClient(lk.httpUrl, lk.apiKey, lk.apiSecret);
  [browser, testPage] = await Promise.all([launchChromium(), startLkTestPage()]);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await testPage?.close();
  await app?.close();
  await lk?.stop();
});

async function join(credential: string): Promise<TestClient> {
  const client = new TestClient(url, credential);
  clients.push(client);
  await client.connected();
  await client.next(EVENTS.agendaChanged);
  return client;
}

async function openPage(): Promise<LkPage> {
  const page = new LkPage(await (await newMediaContext(browser)).newPage());
  await page.open(testPage.url);
  return page;
}

/** The room a client is in now, with a token, as a resync answers it. */
async function currentOf(client: TestClient, phaseKey: string): Promise<Assignment> {
  await client.next(EVENTS.agendaChanged, (s) => s.phaseKey === phaseKey);
  const resync = await client.request(EVENTS.sessionResync, {});
  if (!resync.ok) throw new Error(resync.message);
  return resync.data.current;
}

const sourcesOf = async (room: string, identity: string) => (await rooms.getParticipant(room, identity)).permission?.canPublishSources ?? [];

describe('only people on stage may share a screen, and LiveKit itself refuses the others', () => {
  let moderator: TestClient;
  let speaker: { client: TestClient; page: LkPage };
  let attendee: { id: string; client: TestClient; page: LkPage };

  test('on the plenary stage a speaker shares a screen; an attendee in the audience cannot, on stage can, back in the audience cannot', async () => {
    moderator = await join(await staffCredential(app, 'anastasia-pouliou'));
    speaker = { client: await join(await staffCredential(app, 'research-lead')), page: await openPage() };
    const { body } = await register(url, { name: 'Ada Attendee', email: 'ada@example.org', preferences: ['skills'] });
    attendee = { id: body.participantId, client: await join(body.credential), page: await openPage() };

    await moderator.command({ type: 'openDoors' });
    await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    await moderator.command({ type: 'start' });
    await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');

    const onStage = await currentOf(speaker.client, 'item:0');
    expect(onStage).toMatchObject({ roomId: 'plenary', canPublish: true });
    expect(await speaker.page.connect(onStage.livekitUrl, onStage.token!)).toMatchObject({ ok: true });
    expect(await speaker.page.publishScreen()).toMatchObject({ ok: true });
    await waitFor(async () => (await rooms.getParticipant(PLENARY, 'research-lead')).tracks.some((t) => t.source === TrackSource.SCREEN_SHARE), { what: 'speaker screen listed' });

    const watching = await currentOf(attendee.client, 'item:0');
    expect(watching).toMatchObject({ roomId: 'plenary', canPublish: false });
    expect(await attendee.page.connect(watching.livekitUrl, watching.token!)).toMatchObject({ ok: true });
    expect(await attendee.page.publishScreen({ bypassClientCheck: true })).toMatchObject({ ok: false, error: { source: 'server', reason: 'NOT_ALLOWED' } });

    expect(await moderator.command({ type: 'promoteToStage', participantId: attendee.id })).toMatchObject({ ok: true });
    await waitFor(async () => (await sourcesOf(PLENARY, attendee.id)).includes(TrackSource.SCREEN_SHARE), { what: 'screen share granted by updateParticipant' });
    expect(await sourcesOf(PLENARY, attendee.id)).toEqual([TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO]);
    await waitFor(async () => (await attendee.page.state()).canPublish === true, { what: 'permission reached the page' });
    expect(await attendee.page.publishScreen()).toMatchObject({ ok: true });

    expect(await moderator.command({ type: 'returnToAudience', participantId: attendee.id })).toMatchObject({ ok: true });
    await waitFor(async () => {
      const p = await rooms.getParticipant(PLENARY, attendee.id);
      return p.permission?.canPublish === false && p.tracks.length === 0;
    }, { what: 'the attendee\'s share stopped by LiveKit' });
    expect(await sourcesOf(PLENARY, attendee.id)).toEqual([]);
  });

  test('in a breakout an attendee may publish a camera but LiveKit refuses their screen share; backstage a speaker rehearses one', async () => {
    expect(await moderator.command({ type: 'next' })).toMatchObject({ ok: true });
    const breakout = await currentOf(attendee.client, 'item:1');
    expect(breakout).toMatchObject({ roomId: 'breakout:skills', canPublish: true });
    expect(await attendee.page.connect(breakout.livekitUrl, breakout.token!)).toMatchObject({ ok: true });
    expect(await attendee.page.publishCamera()).toMatchObject({ ok: true });
    expect(await attendee.page.publishScreen()).toMatchObject({ ok: false, error: { source: 'client', status: 403 } });
    expect(await attendee.page.publishScreen({ bypassClientCheck: true })).toMatchObject({ ok: false, error: { source: 'server', reason: 'NOT_ALLOWED' } });
    expect(await sourcesOf(breakout.livekitRoom!, attendee.id)).toEqual([TrackSource.CAMERA, TrackSource.MICROPHONE]);

    const backstage = await currentOf(speaker.client, 'item:1');
    expect(backstage).toMatchObject({ roomId: 'backstage', canPublish: true });
    expect(await speaker.page.connect(backstage.livekitUrl, backstage.token!)).toMatchObject({ ok: true });
    expect(await speaker.page.publishCamera()).toMatchObject({ ok: true });
    // Backstage has only speakers and moderators in it: a share there reaches no attendee.
    expect(await speaker.page.publishScreen()).toMatchObject({ ok: true });
    expect(await sourcesOf(backstage.livekitRoom!, 'research-lead')).toContain(TrackSource.SCREEN_SHARE);
  });
});
