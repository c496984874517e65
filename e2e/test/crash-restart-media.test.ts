// The server is SIGKILLed mid-breakouts and started again the way `npm start` runs it: with its
// own local LiveKit (no LIVEKIT_URL), the same event and data folder. LiveKit dies with it (its
// watchdog) and comes back on the same ports; browsers in the breakout get their video back by
// themselves. Reported: from the kill, and from the moment the restarted server answers, to video
// playing again on every page. (A target, not an assertion: timings belong to benchmarks.)
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EVENTS, livekitRoomName } from '@live-workshop/shared';
import { CLIENT_DIST, freeTcpPort, launchChromium, register, startServerProcess, TestClient, waitFor, type ServerProcess } from '@live-workshop/testkit';
import { nthFrameAfter, watchFrames } from '../src/frameClock.js';
import { ARTIFACTS_DIR, eventFileStartingSoon, joinWorkshop, openPerson, waitForPlacement, waitForVideoPlaying, type Person } from '../src/workshop.js';

const EVENT_ID = 'e2e-microcredentials';
const OUT_DIR = join(ARTIFACTS_DIR, 'crash-restart-media');
const TRUST = livekitRoomName(EVENT_ID, 'breakout:trust');

let server: ServerProcess | null = null;
let browser: Browser;
let moderator: TestClient;
let env: Record<string, string>;
const attendees: Person[] = [];
const outputs: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  const port = await freeTcpPort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lw-crash-media-'));
  env = {
    PORT: String(port), DATA_DIR: dataDir, EVENT_FILE: eventFileStartingSoon(join(import.meta.dirname, '../fixtures/e2e-event.yaml'), dataDir),
    SESSION_SECRET: 'crash-media-session-secret-000', PUBLIC_URL: `http://127.0.0.1:${port}`, CLIENT_DIST,
  };
  // No LIVEKIT_URL: the server starts its own LiveKit, as with `npm start`.
  delete process.env.LIVEKIT_URL;
  server = await startServerProcess(env);
  browser = await launchChromium({ fakeCameraFps: 10 });
  moderator = new TestClient(server.url, server.links.find((l) => l.role === 'moderator')!.url.split('/join/')[1]!, undefined, { reconnection: true });
  await moderator.connected();
  for (const i of [0, 1]) {
    const { body } = await register(server.url, { name: `Restart ${i}`, email: `restart${i}@example.org`, preferences: ['trust'] });
    const person = await openPerson(browser, `attendee-${i}`, `Restart ${i}`, 'attendee');
    person.identity = body.participantId;
    await joinWorkshop(person, body.joinUrl);
    attendees.push(person);
  }
  await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
  await moderator.command({ type: 'goTo', itemIndex: 1 }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby')).version);
  await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
}, 180_000);

afterAll(async () => {
  for (const p of attendees) p.saveConsole(OUT_DIR);
  if (server) outputs.push(server.output());
  writeFileSync(join(OUT_DIR, 'server.log'), outputs.join('\n\n--- restarted ---\n\n'));
  moderator?.close();
  await browser?.close();
  await server?.kill('SIGTERM');
});

const seeEachOther = () => Promise.all(attendees.map((a) => waitForVideoPlaying(a, attendees.filter((o) => o !== a).map((o) => o.name), 90_000)));

describe('a crash of the server during the breakouts', () => {
  test('SIGKILL, start again: the local LiveKit comes back on the same ports and every page plays video again by itself', async () => {
    await seeEachOther();
    await Promise.all(attendees.map((a) => watchFrames(a.page)));
    const portsBefore = readFileSync(join(env.DATA_DIR!, 'livekit-ports.json'), 'utf8');
    const { port: lkPort } = JSON.parse(portsBefore) as { port: number };
    const rooms = new RoomServiceClient(`http://127.0.0.1:${lkPort}`, 'devkey', 'secret');
    await waitForPlacement(rooms, [TRUST], new Map(attendees.map((a) => [a.identity, TRUST])));

    outputs.push(server!.output());
    const killedAt = Date.now();
    await server!.kill('SIGKILL');
    server = await startServerProcess(env, 60_000);
    const answeringAt = Date.now();
    expect(readFileSync(join(env.DATA_DIR!, 'livekit-ports.json'), 'utf8')).toBe(portsBefore);

    const frames = await seeEachOther();
    // Video is back on a page when the third frame of each other person's video after the server
    // answered has been presented there; the latest page counts.
    const backAt = await Promise.all(attendees.flatMap((a) => attendees.filter((o) => o !== a).map((o) =>
      waitFor(() => nthFrameAfter(a.page, o.name, answeringAt), { timeoutMs: 10_000, what: `${a.key}: frames of ${o.name}` }))));
    const playingAt = Math.max(...backAt);
    await waitForPlacement(rooms, [TRUST], new Map(attendees.map((a) => [a.identity, TRUST])), 30_000);
    for (const a of attendees) expect(a.pageErrors, a.key).toEqual([]);
    const summary = [
      '| restart (SIGKILL mid-breakouts, local LiveKit) | ms |',
      '|---|---:|',
      `| kill → the restarted server answers | ${answeringAt - killedAt} |`,
      `| the server answers → video plays again on every page | ${playingAt - answeringAt} |`,
      `| kill → video plays again | ${playingAt - killedAt} |`,
    ].join('\n');
    console.log(`${summary}\nframes in 2 s after the restart: ${JSON.stringify(frames)}`);
    writeFileSync(join(OUT_DIR, 'summary.md'), `${summary}\n`);
  });
});
