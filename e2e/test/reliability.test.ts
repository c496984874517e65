// Faults with real browsers, the real server process and the real LiveKit server (loopback only):
// rapid cues leave no ghosts and audio works in the final room; a LiveKit restart heals;
// a second tab takes over without two identities fighting in LiveKit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVENTS, livekitRoomName, type RoomId } from '@live-workshop/shared';
import { CLIENT_DIST, freeTcpPort, launchChromium, register, startLiveKitServer, startServerProcess, TestClient, waitFor, type RunningLiveKit, type ServerProcess } from '@live-workshop/testkit';
import { remoteAudioPeak } from '../src/mediaChecks.js';
import { agendaPositionAt, joinWorkshop, openPerson, tellPreJoinsApart, waitForPlacement, type Person } from '../src/workshop.js';

const EVENT_ID = 'e2e-microcredentials';
const EVENT_FILE = join(import.meta.dirname, '../fixtures/e2e-event.yaml');
const ROOMS = (['plenary', 'backstage', 'breakout:skills', 'breakout:trust', 'breakout:global', 'breakout:uncharted'] as RoomId[]).map((r) => livekitRoomName(EVENT_ID, r));
const plenary = livekitRoomName(EVENT_ID, 'plenary');

let livekit: RunningLiveKit;
let server: ServerProcess;
let browser: Browser;
let rooms: RoomServiceClient;
let moderator: TestClient;
const attendees: Person[] = [];
let speaker: Person;
let webhookUrl: string;

const attendeesIn = (room: string) => new Map<string, string | null>([
  ...attendees.map((a) => [a.identity, room] as const),
  ['anastasia-pouliou', null],
  [speaker.identity, plenary],
]);

beforeAll(async () => {
  const port = await freeTcpPort();
  webhookUrl = `http://127.0.0.1:${port}/livekit/webhook`;
  livekit = await startLiveKitServer({ webhookUrl });
  rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  // Pages join their next room ahead of the cue; those connections are not in the room yet.
  tellPreJoinsApart(rooms, agendaPositionAt(`http://127.0.0.1:${port}`));
  server = await startServerProcess({
    PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'lw-rel-')), EVENT_FILE, LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret, SESSION_SECRET: 'reliability-session-secret-000', PUBLIC_URL: `http://127.0.0.1:${port}`,
    CLIENT_DIST,
  });
  browser = await launchChromium();
  moderator = new TestClient(server.url, server.links.find((l) => l.role === 'moderator')!.url.split('/join/')[1]!);
  await moderator.connected();

  speaker = await openPerson(browser, 'speaker', 'ReferNet national expert', 'speaker');
  speaker.identity = 'refernet-expert';
  await joinWorkshop(speaker, server.links.filter((l) => l.role === 'speaker')[1]!.url);
  for (const [i, pref] of ['skills', 'trust', 'global', 'uncharted'].entries()) {
    const { body } = await register(server.url, { name: `Reliable ${i}`, email: `reliable${i}@example.org`, preferences: [pref] });
    const person = await openPerson(browser, `attendee-${i}`, `Reliable ${i}`, 'attendee');
    person.identity = body.participantId;
    person.credential = body.credential;
    person.joinUrl = body.joinUrl;
    await joinWorkshop(person, body.joinUrl);
    attendees.push(person);
  }
  await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
  await moderator.command({ type: 'goTo', itemIndex: 2 }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby')).version);
  await moderator.next(EVENTS.agendaChanged, (s) => s.phaseKey === 'item:2');
  await waitForPlacement(rooms, ROOMS, attendeesIn(plenary), 45_000);
}, 180_000);

afterAll(async () => {
  moderator?.close();
  await browser?.close();
  await server?.kill('SIGTERM');
  await livekit?.stop();
});

describe('faults with real browsers and the real LiveKit server', () => {
  test('rapid cues (plenary → breakouts → plenary within a second): no ghosts, one room each, audio plays in the final room', async () => {
    const at = app();
    const first = await moderator.command({ type: 'goTo', itemIndex: 1 }, at.version);
    expect(first).toMatchObject({ ok: true });
    const second = await moderator.command({ type: 'endBreakouts' }, first.ok ? first.data.version : -1);
    expect(second).toMatchObject({ ok: true });
    await waitForPlacement(rooms, ROOMS, attendeesIn(plenary), 45_000);
    for (const a of attendees) {
      const peak = await waitFor(async () => {
        const level = await remoteAudioPeak(a.page);
        return level > 0.01 && level;
      }, { timeoutMs: 30_000, intervalMs: 250, what: `${a.key} to hear the speaker` });
      expect(peak).toBeGreaterThan(0.01);
    }
    for (const p of [speaker, ...attendees]) expect(p.pageErrors).toEqual([]);
  });

  test('the LiveKit server restarts: everyone is back in their room and the server sees them there again', async () => {
    const ports = livekit.ports;
    await livekit.stop();
    livekit = await startLiveKitServer({ webhookUrl, ports });
    rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    tellPreJoinsApart(rooms, agendaPositionAt(server.url));
    await waitForPlacement(rooms, ROOMS, attendeesIn(plenary), 90_000);
    // The moderator's overview (roster presence) is right again.
    await waitFor(() => {
      const roster = moderator.latest(EVENTS.rosterChanged);
      return roster && attendees.every((a) => roster.entries.find((e) => e.id === a.identity)?.presentIn.join() === 'plenary');
    }, { timeoutMs: 30_000, what: 'the roster to show everyone in the plenary' });
  });

  test('the same person opens a second tab: the newest takes over, the older says why, LiveKit has one identity', async () => {
    const original = attendees[0]!;
    const second = await openPerson(browser, 'attendee-0-second-tab', original.name, 'attendee');
    await joinWorkshop(second, original.joinUrl);
    await original.page.getByText(/another tab or device/i).first().waitFor({ state: 'visible', timeout: 20_000 });
    await waitForPlacement(rooms, ROOMS, attendeesIn(plenary), 30_000);
    const where = await rooms.listParticipants(plenary);
    expect(where.filter((p) => p.identity === original.identity)).toHaveLength(1);
    attendees[0] = second;
    second.identity = original.identity;
  });
});

function app() {
  return { version: moderator.latest(EVENTS.agendaChanged)!.version };
}
