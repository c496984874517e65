// The documented deployment (docker-compose.yml: Caddy in front, LiveKit with TURN/TLS, the app in
// production mode) run without Docker across test hosts made of network namespaces, with
// attendees on other "machines" whose Chromium has default WebRTC settings and trusts the
// organiser's CA. The venue has three addresses standing for the three DNS names of a real host:
// the app (Caddy :443), LiveKit's signalling (Caddy :443) and the media address (ICE :7881/tcp,
// :7882/udp, TURN/TLS on :443 forwarded to LiveKit's :5349, as the README tells a host to do).
// Attendee networks: ordinary (UDP), no UDP out (ICE over TCP), download capped at 1.5 Mbit/s
// (tc tbf), and only TCP to port 443 out (TURN over TLS). `netem` is not in these machines'
// kernels, so delay and loss cannot be emulated: only the rate is capped.
// Needs root (ip netns, nft, tc); CI runs as root. Run inside the loopback-only namespace:
//   node scripts/netns.mjs -- npx vitest run --project e2e test/deployment-https.test.ts
// Logs and screenshots: e2e/artifacts/deployment-https/ (git-ignored).
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livekitRoomName, type EventConfig, type RoomId } from '@live-workshop/shared';
import { CHROMIUM_PATH, launchChromium, readEventFile, startMailCatcher, startServerProcess, waitFor, type MailCatcher, type ServerProcess } from '@live-workshop/testkit';
import { breakoutTitle, cue, moveCounts, movesInto, registerOnEventPage, waitForText, type AttendeeForm } from '../src/journeySteps.js';
import { describePath, mediaPaths, recordPeerConnections, remoteAudioPeak, type MediaPath } from '../src/mediaChecks.js';
import { Lan, netnsUnavailableReason, type LanHost } from '../src/netns.js';
import { homeTrusting, startTlsFront, type TlsFront } from '../src/tlsFront.js';
import { deployLiveKitConfig, startVenueLiveKit, type VenueLiveKit } from '../src/venueLiveKit.js';
import {
  ARTIFACTS_DIR, StepRunner, eventFileStartingSoon, joinWorkshop, openPerson, remoteVideoFrames, waitForPlacement, waitForVideoPlaying,
  type MoveMetric, type Person,
} from '../src/workshop.js';

const ARTIFACTS = join(ARTIFACTS_DIR, 'deployment-https');
const EVENT_FILE = join(import.meta.dirname, '../fixtures/e2e-event.yaml');
const LAN = '10.77.0';
/** The venue's addresses, standing for workshop.example.org, livekit.example.org and turn.example.org. */
const VENUE = { app: `${LAN}.1`, livekit: `${LAN}.2`, media: `${LAN}.3` } as const;
const APP_URL = `https://${VENUE.app}`;
/** Where the test itself joins the LAN (to call LiveKit's room API as an operator would). */
const TEST_OCTET = 100;
const FAKE_CAMERA_FPS = 10;
const MOVE_TIMEOUT_MS = 90_000;

/**
 * What the test changes in server/deploy/livekit.yaml, and why; everything else (ports, TURN,
 * webhook, loopback signalling) is the deployment's own. Keys, the media address and the TURN
 * name and certificate come from the environment, as docker-compose.yml passes them.
 */
const LIVEKIT_TEST_OVERRIDES = {
  // One node, no Redis (compose runs one for LiveKit's multi-node mode).
  redis: null,
  // The test process calls the room API over its own link to the LAN; in production it stays on loopback.
  bind_addresses: ['127.0.0.1', VENUE.app],
  rtc: {
    // STUN only from LiveKit's own TURN/UDP port: nothing may reach for a public STUN server.
    stun_servers: [`${VENUE.media}:3478`],
    // The deployment's placeholder for MEDIA_IP, replaced by the venue's media address.
    ips: { includes: [`${VENUE.media}/32`] },
  },
  // The media address is private here (public in production), and TURN refuses private peers unless allowed.
  turn: { allow_restricted_peer_cidrs: [`${VENUE.media}/32`] },
};

interface AttendeeHost {
  readonly label: string;
  readonly octet: number;
  /** The kind of network, as the summary shows it. */
  readonly kind: string;
  readonly form: AttendeeForm;
  /** Which media paths are right for this network. */
  readonly pathOk: (p: MediaPath) => boolean;
  lan?: LanHost;
  browser?: Browser;
  person?: Person;
  firstVideoMs?: number;
}

const HOSTS: AttendeeHost[] = [
  { label: 'dep-udp', octet: 11, kind: 'UDP', form: { name: 'Ulla Udp', country: 'SE', stakeholderType: 'researcher', choices: ['skills', 'trust'] }, pathOk: (p) => p.relayProtocol === null && p.remoteProtocol === 'udp' },
  { label: 'dep-tcp', octet: 12, kind: 'TCP only (UDP blocked)', form: { name: 'Tomas Tcp', country: 'CZ', stakeholderType: 'employer', choices: ['skills', 'trust'] }, pathOk: (p) => (p.relayProtocol === null ? p.remoteProtocol === 'tcp' : p.relayProtocol !== 'udp') },
  { label: 'dep-cap', octet: 13, kind: 'capped 1.5 Mbit/s down', form: { name: 'Carla Capped', country: 'IT', stakeholderType: 'learner', choices: ['trust', 'skills'] }, pathOk: () => true },
  { label: 'dep-443', octet: 14, kind: 'HTTPS only (TCP 443 out)', form: { name: 'Hugo Https', country: 'FR', stakeholderType: 'other', choices: ['trust', 'skills'] }, pathOk: (p) => p.relayProtocol === 'tls' },
];

let lan: Lan | undefined;
let tls: TlsFront | undefined;
let livekit: VenueLiveKit | undefined;
let server: ServerProcess | undefined;
/** The mail server the deployment's SMTP_URL points at: on the test's own LAN address, reached over the LAN. */
let mail: MailCatcher | undefined;
let staffBrowser: Browser | undefined;
let rooms: RoomServiceClient;
/**
 * The agenda position each placement check is made at (the lobby, then items 0, 1, 2): pages join
 * their next room ahead of the cue, and those connections are not in the room yet (shared/src/preJoin.ts).
 */
const LOBBY = -1;
let event: EventConfig;
let moderator: Person;
let speaker: Person;
const attendees = () => HOSTS.map((h) => h.person!);
const everyone = () => [moderator, speaker, ...HOSTS.map((h) => h.person)].filter((p): p is Person => p !== undefined);
const roomName = (roomId: RoomId) => livekitRoomName(event.id, roomId);
const allRooms = () => [roomName('plenary'), roomName('backstage'), ...event.breakouts.map((b) => roomName(`breakout:${b.id}`))];
const hostOf = (p: Person) => HOSTS.find((h) => h.person === p)!;
const placement = (attendeeRoom: (h: AttendeeHost) => RoomId, staffRoom: RoomId) => new Map<string, string | null>([
  [moderator.identity, roomName(staffRoom)], [speaker.identity, roomName(staffRoom)],
  ...HOSTS.map((h) => [h.person!.identity, roomName(attendeeRoom(h))] as const),
]);
// A letter first: LiveKit reads LIVEKIT_KEYS as YAML, where an all-digit or exponent-like secret would be a number.
const secret = (bytes: number) => `s${randomBytes(bytes).toString('hex')}`;

/** Stop everything this file started; every namespace goes, with whatever still runs inside. */
async function tearDown(): Promise<void> {
  for (const p of everyone()) p.saveConsole(join(ARTIFACTS, 'console'));
  await Promise.all([staffBrowser, ...HOSTS.map((h) => h.browser)].map((b) => b?.close().catch(() => undefined)));
  if (server) writeFileSync(join(ARTIFACTS, 'server.log'), server.output());
  await server?.kill('SIGTERM');
  await mail?.close();
  if (livekit) copyFileSync(livekit.logFile, join(ARTIFACTS, 'livekit.log'));
  await livekit?.stop();
  if (tls) copyFileSync(tls.logFile, join(ARTIFACTS, 'caddy.log'));
  await tls?.stop();
  lan?.delete();
  lan = undefined;
}

beforeAll(async () => {
  const reason = netnsUnavailableReason();
  if (reason) throw new Error(`deployment-https needs network namespaces: ${reason}. Run it as root: node scripts/netns.mjs -- npx vitest run --project e2e test/deployment-https.test.ts`);
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  process.once('exit', () => lan?.delete());
  lan = Lan.create(LAN, 'dep-sw');
  const venue = lan.addHost('dep-venue', 1);
  lan.addAddress(venue, 2);
  lan.addAddress(venue, 3);
  // The host's port forward from the README: TURN/TLS is advertised on 443 of the media address.
  lan.forwardTcpPort(venue, VENUE.media, 443, 5349);
  const testAddress = lan.joinHere(TEST_OCTET, `lwdep${process.pid % 1_000_000}`);
  mail = await startMailCatcher({ host: testAddress });
  const staffHost = lan.addHost('dep-staff', 10);
  for (const h of HOSTS) h.lan = lan.addHost(h.label, h.octet);
  lan.blockOutgoingUdp(HOSTS[1]!.lan!);
  lan.capDownload(HOSTS[2]!.lan!, '1500kbit');
  lan.allowOnlyOutgoingTcp(HOSTS[3]!.lan!, [443]);

  tls = await startTlsFront(venue.ns, { APP_SITE: APP_URL, LIVEKIT_SITE: `https://${VENUE.livekit}`, TURN_SITE: `https://${VENUE.media}` }, Object.values(VENUE));
  const apiKey = `lw-${secret(6)}`;
  const apiSecret = secret(32);
  const turnCert = tls.certificateFiles(VENUE.media);
  livekit = await startVenueLiveKit(venue.ns, deployLiveKitConfig(LIVEKIT_TEST_OVERRIDES), {
    LIVEKIT_KEYS: `${apiKey}: ${apiSecret}`, LIVEKIT_WEBHOOK_API_KEY: apiKey, NODE_IP: VENUE.media,
    LIVEKIT_TURN_DOMAIN: VENUE.media, LIVEKIT_TURN_CERT: turnCert.cert, LIVEKIT_TURN_KEY: turnCert.key,
  }, `http://${VENUE.app}:7880/`);
  rooms = new RoomServiceClient(`http://${VENUE.app}:7880`, apiKey, apiSecret);

  const eventFile = eventFileStartingSoon(EVENT_FILE, mkdtempSync(join(tmpdir(), 'lw-dep-event-')));
  event = readEventFile(eventFile);
  // The app as docker-compose.yml starts it: production mode, real secrets, behind Caddy.
  server = await startServerProcess({
    NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '3000', PUBLIC_URL: APP_URL, TRUST_PROXY: 'loopback',
    LIVEKIT_URL: `wss://${VENUE.livekit}`, LIVEKIT_API_URL: 'http://127.0.0.1:7880', LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret,
    SESSION_SECRET: secret(32), SMTP_URL: mail.smtpUrl, MAIL_FROM: 'workshop@example.org', DATA_DIR: mkdtempSync(join(tmpdir(), 'lw-dep-data-')), EVENT_FILE: eventFile, NODE_EXTRA_CA_CERTS: tls.rootCert,
  }, 60_000, { prefix: ['ip', 'netns', 'exec', venue.ns.name], url: APP_URL });

  const home = homeTrusting(tls.rootCert);
  const launch = (host: LanHost) => launchChromium({ webrtc: 'default', executablePath: host.ns.wrapper(CHROMIUM_PATH), env: { HOME: home }, fakeCameraFps: FAKE_CAMERA_FPS });
  [staffBrowser] = await Promise.all([launch(staffHost), ...HOSTS.map(async (h) => { h.browser = await launch(h.lan!); })]);
}, 240_000);

afterAll(tearDown, 60_000);

async function screenshots(dir: string): Promise<void> {
  await Promise.all(everyone().filter((p) => !p.page.isClosed()).map((p) => p.page.screenshot({ path: join(dir, `${p.key}.png`), timeout: 15_000 }).catch(() => undefined)));
  const uncaught = everyone().flatMap((p) => p.pageErrors.map((e) => `${p.key}: ${e}`));
  if (uncaught.length > 0) throw new Error(`uncaught errors in pages:\n${uncaught.join('\n')}`);
}

/** Wait until `person` hears the remote audio (peak above silence); resolves with the peak. */
const waitForAudio = (person: Person) => waitFor(async () => {
  const peak = await remoteAudioPeak(person.page);
  return peak > 0.01 && peak;
}, { timeoutMs: 60_000, intervalMs: 250, what: `${person.key} to hear the speaker` });

/** The media paths of a page once they carry data, checked against what its network allows. */
async function checkedPaths(host: AttendeeHost): Promise<string> {
  const paths = await waitFor(async () => {
    const found = (await mediaPaths(host.person!.page)).filter((p) => p.bytesReceived > 0);
    return found.length > 0 && found;
  }, { timeoutMs: 30_000, intervalMs: 500, what: `${host.label}: a connected media path` });
  for (const p of paths) expect(host.pathOk(p), `${host.label} (${host.kind}) sends media over ${describePath(p)}: ${JSON.stringify(p)}`).toBe(true);
  return [...new Set(paths.map(describePath))].join(', ');
}

describe('the compose deployment over HTTPS, attendees on other hosts', () => {
  it('registers, joins, plays the plenary, moves into breakouts and back, on every kind of network', async () => {
    const runner = new StepRunner(ARTIFACTS, screenshots);
    const breakoutMoves = new Map<Person, MoveMetric>();
    const backMoves = new Map<Person, MoveMetric>();
    const paths = new Map<AttendeeHost, string>();
    const notes: string[] = [];
    try {
      await runner.step('Attendees on four networks register through the HTTPS event page', async () => {
        await Promise.all(HOSTS.map(async (h) => {
          h.person = await openPerson(h.browser!, h.label, h.form.name, 'attendee');
          await recordPeerConnections(h.person.context);
          await registerOnEventPage(h.person, APP_URL, h.form, mail!);
          expect(h.person.joinUrl.startsWith(`${APP_URL}/join/`)).toBe(true);
        }));
      });

      await runner.step('Everyone joins with a personal link; the moderator opens the doors and starts', async () => {
        moderator = await openPerson(staffBrowser!, 'moderator', event.moderators[0]!.name, 'moderator');
        moderator.identity = event.moderators[0]!.id;
        speaker = await openPerson(staffBrowser!, 'speaker', event.speakers[0]!.name, 'speaker');
        speaker.identity = event.speakers[0]!.id;
        const links = server!.links;
        await Promise.all([
          joinWorkshop(moderator, links.find((l) => l.role === 'moderator')!.url),
          joinWorkshop(speaker, links.find((l) => l.role === 'speaker')!.url),
          // Attendees follow the link their mail carried.
          ...attendees().map((a) => joinWorkshop(a, a.joinUrl)),
        ]);
        await moderator.testId('moderator-console').waitFor({ timeout: 30_000 });
        await cue(moderator, 'moderator-next', 'Open the doors');
        await waitForPlacement(rooms, allRooms(), placement(() => 'plenary', 'backstage'), MOVE_TIMEOUT_MS, LOBBY);
        const startedAt = await cue(moderator, 'moderator-next', `Start: ${event.agenda[0]!.title}`);
        // Time to first video: the start cue until the page shows a frame of the speaker.
        await Promise.all(HOSTS.map(async (h) => {
          await waitFor(async () => ((await remoteVideoFrames(h.person!.page, [speaker.name], 300))[speaker.name] ?? -1) >= 1, {
            timeoutMs: MOVE_TIMEOUT_MS, intervalMs: 100, what: `${h.label} to show the speaker's video`,
          });
          h.firstVideoMs = Date.now() - startedAt;
        }));
      });

      await runner.step('Opening plenary: every network sees and hears the speaker', async () => {
        await waitForPlacement(rooms, allRooms(), placement(() => 'plenary', 'plenary'), MOVE_TIMEOUT_MS, 0);
        await waitForText(attendees(), 'room-title', 'Plenary');
        for (const h of HOSTS) {
          await waitForVideoPlaying(h.person!, [speaker.name], MOVE_TIMEOUT_MS);
          const peak = await waitForAudio(h.person!);
          expect(peak).toBeGreaterThan(0.01);
          paths.set(h, await checkedPaths(h));
          notes.push(`plenary: ${h.label} hears the speaker at peak ${peak.toFixed(2)}`);
        }
      });

      await runner.step('Breakouts: each attendee in its room (per LiveKit), partners see each other', async () => {
        const before = await moveCounts(attendees());
        await cue(moderator, 'moderator-next', `Next: ${event.agenda[1]!.title}`);
        await waitForPlacement(rooms, allRooms(), placement((h) => `breakout:${h.form.choices[0]}`, 'backstage'), MOVE_TIMEOUT_MS, 1);
        for (const [p, m] of await movesInto(before, (p) => `breakout:${hostOf(p).form.choices[0]}`, MOVE_TIMEOUT_MS)) breakoutMoves.set(p, m);
        await waitForText(attendees(), 'room-title', (p) => breakoutTitle(event, hostOf(p).form.choices[0]));
        for (const h of HOSTS) {
          const partner = HOSTS.find((o) => o !== h && o.form.choices[0] === h.form.choices[0])!;
          await waitForVideoPlaying(h.person!, [partner.form.name], MOVE_TIMEOUT_MS);
          expect(breakoutMoves.get(h.person!)!.cueToPublishingMs, `${h.label} publishes in its breakout`).not.toBeNull();
        }
      });

      await runner.step('Back to the plenary: everyone there, the capped host hears the speaker', async () => {
        const before = await moveCounts(attendees());
        await cue(moderator, 'moderator-end-breakouts', 'End breakouts early');
        await waitForPlacement(rooms, allRooms(), placement(() => 'plenary', 'plenary'), MOVE_TIMEOUT_MS, 2);
        for (const [p, m] of await movesInto(before, () => 'plenary', MOVE_TIMEOUT_MS)) backMoves.set(p, m);
        for (const h of HOSTS) {
          await waitForVideoPlaying(h.person!, [speaker.name], MOVE_TIMEOUT_MS);
          expect(await waitForAudio(h.person!)).toBeGreaterThan(0.01);
        }
      });
    } finally {
      const ms = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v} ms`);
      const rows = HOSTS.map((h) => {
        const b = h.person && breakoutMoves.get(h.person);
        const back = h.person && backMoves.get(h.person);
        return [h.kind, paths.get(h) ?? '?', ms(h.firstVideoMs), ms(b?.cueToConnectedMs), ms(b?.cueToPublishingMs), ms(back?.cueToConnectedMs)];
      });
      console.log([
        '', 'Deployment over HTTPS across hosts: summary', runner.table(), '',
        table(['attendee network', 'media path', 'start cue → 1st video', 'breakouts cue → connected', '→ publishing', 'end cue → plenary connected'], rows),
        ...notes,
        ...everyone().flatMap((p) => p.consoleErrors.map((e) => `console.error on ${p.key}: ${e}`)),
      ].join('\n'));
    }
    if (runner.error) throw runner.error;
    expect(runner.records.every((r) => r.status === 'passed')).toBe(true);
  }, 15 * 60_000);
});

/** A fixed-width table. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
