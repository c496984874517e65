// Against the REAL LiveKit server and real Chromium pages (run inside the loopback-only namespace).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SignJWT } from 'jose';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { EVENTS, livekitRoomName, type Assignment, type RoomId } from '@live-workshop/shared';
import { waitFor, type LkPage, type RunningLiveKit } from '@live-workshop/testkit';
import type { App } from '../src/app.js';
import { register, type TestClient } from './harness.js';
import { startLiveKitWorld, type LiveKitWorld } from './liveKitHarness.js';

const EVENT_ID = 'microcredentials-2025';
const BREAKOUTS = ['skills', 'trust', 'global', 'uncharted'];
const ALL_ROOMS: RoomId[] = ['plenary', 'backstage', ...BREAKOUTS.map((b) => `breakout:${b}` as RoomId)];


let world: LiveKitWorld;
let lk: RunningLiveKit;
let app: App;
let url: string;
let rooms: RoomServiceClient;

beforeAll(async () => {
  world = await startLiveKitWorld();
  ({ lk, app, url, rooms } = world);
});

afterAll(async () => {
  await world?.close();
});

const join = (credential: string): Promise<TestClient> => world.join(credential);
const openPerson = (): Promise<LkPage> => world.openPerson();

/** Every identity LiveKit lists, per room of the event. */
async function whoIsWhere(): Promise<Map<string, RoomId[]>> {
  const where = new Map<string, RoomId[]>();
  for (const roomId of ALL_ROOMS) {
    const listed = await rooms.listParticipants(livekitRoomName(EVENT_ID, roomId)).catch(() => []);
    for (const p of listed) where.set(p.identity, [...(where.get(p.identity) ?? []), roomId]);
  }
  return where;
}

/** A token whose payload names another room, without a new signature. */
function retargeted(token: string, room: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { video: { room: string } };
  claims.video.room = room;
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('the real LiveKit server enforces what the agenda assigns', () => {
  const people: { id: string; pref: string; client: TestClient; page: LkPage }[] = [];
  let moderator: TestClient;

  test('breakout tokens join exactly the assigned room; a token aimed at another room, or expired, is rejected', async () => {
    moderator = await join((await app.staffLinks()).find((l) => l.id === 'anastasia-pouliou')!.url.split('/join/')[1]!);
    for (const [i, pref] of BREAKOUTS.entries()) {
      const { body } = await register(url, { name: `Person ${i}`, email: `person${i}@example.org`, preferences: [pref] });
      people.push({ id: body.participantId, pref, client: await join(body.credential), page: await openPerson() });
    }
    await moderator.command({ type: 'openDoors' });
    await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    await moderator.command({ type: 'start' });
    const plenary = await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');
    await Promise.all(people.map((p) => p.client.next(EVENTS.assignmentPrepared, (a) => a.phaseKey === 'item:1')));
    expect(await moderator.command({ type: 'next' }, plenary.version)).toMatchObject({ ok: true });

    for (const p of people) {
      await p.client.next(EVENTS.agendaChanged, (s) => s.phaseKey === 'item:1');
      const assignment = p.client.all(EVENTS.assignmentPrepared).find((a) => a.phaseKey === 'item:1') as Assignment;
      expect(assignment.roomId).toBe(`breakout:${p.pref}`);
      const connected = await p.page.connect(assignment.livekitUrl, assignment.token!);
      expect(connected).toMatchObject({ ok: true });
      expect((await p.page.state()).roomName).toBe(livekitRoomName(EVENT_ID, `breakout:${p.pref}`));
    }
    const where = await waitFor(async () => {
      const w = await whoIsWhere();
      return people.every((p) => w.has(p.id)) && w;
    }, { what: 'everyone listed by LiveKit' });
    for (const p of people) expect(where.get(p.id)).toEqual([`breakout:${p.pref}`]);

    // The server's presence view follows LiveKit's signed webhooks.
    await waitFor(() => people.every((p) => app.presence.roomsOf(p.id).join() === `breakout:${p.pref}`), { what: 'webhook presence' });

    // A token edited to name another room fails LiveKit's signature check.
    const intruder = await openPerson();
    const first = people[0]!;
    const stolen = first.client.all(EVENTS.assignmentPrepared).find((a) => a.phaseKey === 'item:1')!.token!;
    const attempt = await intruder.connect(lk.url, retargeted(stolen, livekitRoomName(EVENT_ID, 'breakout:trust')));
    expect(attempt.ok).toBe(false);
    const after = await whoIsWhere();
    expect(after.get(first.id)).toEqual([`breakout:${first.pref}`]);

    // An expired token is refused too. LiveKit allows one minute of clock leeway, so this one
    // expired two minutes ago (signed with the real key, so only the expiry is wrong).
    const nowS = Math.floor(Date.now() / 1000);
    const expiring = await new SignJWT({ video: { room: livekitRoomName(EVENT_ID, 'plenary'), roomJoin: true, canSubscribe: true }, name: 'Late' })
      .setProtectedHeader({ alg: 'HS256' }).setIssuer(lk.apiKey).setSubject('late-comer').setNotBefore(nowS - 600).setExpirationTime(nowS - 120)
      .sign(new TextEncoder().encode(lk.apiSecret));
    expect((await intruder.connect(lk.url, expiring)).ok).toBe(false);
    expect((await whoIsWhere()).has('late-comer')).toBe(false);
    await intruder.page.context().close();
  });

  test('in the plenary an attendee cannot publish; on stage they can without reconnecting; back in the audience they cannot', async () => {
    const plenaryRoom = livekitRoomName(EVENT_ID, 'plenary');
    expect(await moderator.command({ type: 'endBreakouts' })).toMatchObject({ ok: true });
    const speaker = people[0]!;
    await speaker.client.next(EVENTS.agendaChanged, (s) => s.phaseKey === 'item:2');
    const plenary = speaker.client.all(EVENTS.assignmentPrepared).find((a) => a.phaseKey === 'item:2')!;
    expect(plenary).toMatchObject({ roomId: 'plenary', canPublish: false });
    expect(await speaker.page.connect(plenary.livekitUrl, plenary.token!)).toMatchObject({ ok: true });
    const sid = (await speaker.page.state()).sid;

    const refused = await speaker.page.publishMic({ bypassClientCheck: true });
    expect(refused).toMatchObject({ ok: false, error: { source: 'server', reason: 'NOT_ALLOWED' } });
    const listed = await rooms.getParticipant(plenaryRoom, speaker.id);
    expect(listed.permission?.canPublish).toBe(false);
    // No one may flood the room with data messages (the client sends none; chat goes through the server).
    expect(listed.permission?.canPublishData).toBe(false);
    expect(listed.tracks).toHaveLength(0);

    expect(await moderator.command({ type: 'promoteToStage', participantId: speaker.id })).toMatchObject({ ok: true });
    await waitFor(async () => (await speaker.page.state()).canPublish === true, { what: 'publish permission granted' });
    expect(await speaker.page.publishMic()).toMatchObject({ ok: true });
    await waitFor(async () => (await rooms.getParticipant(plenaryRoom, speaker.id)).tracks.length === 1, { what: 'track listed by LiveKit' });
    expect((await speaker.page.state()).sid).toBe(sid);
    expect((await rooms.getParticipant(plenaryRoom, speaker.id)).permission?.canPublishData).toBe(false);
    // The attendee's own assignment follows: same room, now allowed to publish.
    expect(await speaker.client.next(EVENTS.assignmentChanged, (a) => a.roomId === 'plenary' && a.canPublish)).toBeTruthy();
    // A moderator mutes the guest's microphone: LiveKit marks the track muted (they may unmute themselves); muted already, nothing more.
    expect(await moderator.request(EVENTS.roomMute, { participantId: speaker.id })).toEqual({ ok: true, data: { muted: 1 } });
    await waitFor(async () => (await rooms.getParticipant(plenaryRoom, speaker.id)).tracks[0]?.muted === true, { what: 'microphone muted by LiveKit' });
    expect(await moderator.request(EVENTS.roomMute, { participantId: speaker.id })).toEqual({ ok: true, data: { muted: 0 } });

    expect(await moderator.command({ type: 'returnToAudience', participantId: speaker.id })).toMatchObject({ ok: true });
    await waitFor(async () => {
      const p = await rooms.getParticipant(plenaryRoom, speaker.id);
      return p.permission?.canPublish === false && p.tracks.length === 0;
    }, { what: 'publishing stopped by LiveKit' });
    expect((await speaker.page.state()).sid).toBe(sid);
  });
});
