// The README's main command, as a user runs it: `npm start` on a machine that has an ordinary
// network interface besides loopback, opened in a Chromium with its DEFAULT WebRTC settings (no
// --allow-loopback-in-peer-connection, host candidates hidden behind mDNS names). The "machine" is
// a network namespace this test creates (loopback + a veth link with a private address that
// reaches nothing), so no traffic leaves it. An attendee registers through the event page; the
// printed moderator and speaker links are joined; the moderator sees and hears the speaker. Then
// Ctrl-C (SIGINT to the process group) must stop npm, the server and LiveKit: nothing is left.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium, waitFor } from '@live-workshop/testkit';
import { mediaPaths, recordPeerConnections, remoteAudioPeak } from '../src/mediaChecks.js';
import { NetNs } from '../src/netns.js';
import { startNpmStart, type NpmStart } from '../src/npmStart.js';
import { auditWithLighthouse, findingsInWords } from '../src/lighthouse.js';
import { mailpitInBrowser, registerOnEventPage } from '../src/registerPage.js';
import { ARTIFACTS_DIR, joinWorkshop, openPerson, waitForVideoPlaying, type Person } from '../src/workshop.js';

/** The "LAN" address of the test machine: private, and inside this test's namespace only. */
const LAN_ADDRESS = '10.99.0.1';
const OUT_DIR = join(ARTIFACTS_DIR, 'npm-start');

let ns: NetNs;
let dataDir: string;
let run: NpmStart | null = null;
let browser: Browser | null = null;
const people: Person[] = [];
/** What npm start printed, kept after it stopped. */
let output = '';

beforeAll(async () => {
  ns = NetNs.create('start');
  await ns.addLanInterface(`${LAN_ADDRESS}/24`);
  // A fresh data folder; everything else is what a user has after cloning.
  dataDir = mkdtempSync(join(tmpdir(), 'lw-npm-start-'));
  run = await startNpmStart(ns, { DATA_DIR: dataDir });
  browser = await launchChromium({ webrtc: 'default', executablePath: ns.wrapper(CHROMIUM_PATH) });
}, 240_000);

/** Keep LiveKit's own log while it still exists (stopping LiveKit deletes it). */
function keepLiveKitLog(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const liveKitLog = /"logFile":"([^"]+)"/.exec(run?.output() ?? '')?.[1];
  if (liveKitLog && existsSync(liveKitLog)) copyFileSync(liveKitLog, join(OUT_DIR, 'livekit.log'));
}

afterAll(async () => {
  keepLiveKitLog();
  for (const p of people) p.saveConsole(OUT_DIR);
  output ||= run?.output() ?? '';
  if (output) writeFileSync(join(OUT_DIR, 'npm-start.log'), output);
  await browser?.close().catch(() => undefined);
  await run?.interrupt(10_000).catch(() => undefined);
  ns?.delete();
});

describe('npm start, as the README says, in a browser with default settings', () => {
  it("passes Lighthouse's checks on the event page (mobile): compressed, cached, crawlable, accessible; the preloads are used", async () => {
    const started = run!;
    const findings = await auditWithLighthouse(started.eventPage, ns.wrapper(CHROMIUM_PATH));
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'lighthouse-event-page.json'), findings.report);
    // Figures, not asserted (speed is the benchmark's business, and this machine's load moves it).
    // First in the file, while nothing else runs: the media test's browsers would be measured too.
    console.log(`Lighthouse (mobile) on ${started.eventPage}: ${findingsInWords(findings)}`);
    expect(findings.scores).toMatchObject({ accessibility: 100, 'best-practices': 100, seo: 100 });
    // Text compression and document latency; a year's cache for hashed files; robots.txt valid; no console error.
    expect(findings.audits).toMatchObject({ 'document-latency-insight': 1, 'cache-insight': 1, 'robots-txt': 1, 'is-crawlable': 1, 'errors-in-console': 1 });
    // The answers and chunks the page preloads are fetched once: the page uses the preloaded ones.
    const count = (path: string) => findings.requests.filter((u) => new URL(u).pathname + new URL(u).search === path).length;
    expect(count('/api/event')).toBe(1);
    expect(count('/api/registration/form?lang=en')).toBe(1);
    expect(findings.requests.filter((u) => /\/assets\/EventPage-/.test(u))).toHaveLength(1);
  });

  it('serves the workshop: register on the event page, the moderator sees and hears the speaker', async () => {
    const started = run!;
    expect(started.eventPage).toBe('http://localhost:3000/');
    expect(started.output()).toContain(`media on ${LAN_ADDRESS}`);
    const moderatorLink = started.links.find((l) => l.role === 'moderator')!;
    const speakerLink = started.links.find((l) => l.role === 'speaker')!;
    expect(moderatorLink.url).toMatch(/^http:\/\/localhost:3000\/join\//);

    const attendee = await openPerson(browser!, 'attendee', 'Ines Duarte', 'attendee');
    people.push(attendee);
    // The attendee registers, then opens the printed inbox (the local mail catcher) in another tab and follows the link.
    expect(started.inbox).toBe('http://localhost:8025');
    const inbox = await mailpitInBrowser(attendee.context, started.inbox);
    const registered = await registerOnEventPage(attendee.page, started.eventPage, {
      name: 'Ines Duarte', email: 'ines.duarte@example.org', country: 'PT', stakeholderType: 'learner', preferences: ['skills', 'trust'],
    }, inbox);
    expect(registered.status, JSON.stringify(registered.body)).toBe(202);
    expect(registered.joinUrl).toMatch(/^http:\/\/localhost:3000\/join\//);
    await inbox.close();
    // A browser set to German gets the event page in German, with <html lang="de">.
    const visitor = await openPerson(browser!, 'german-visitor', 'Greta Graf', 'attendee', { locale: 'de-DE' });
    people.push(visitor);
    await visitor.page.goto(started.eventPage);
    await visitor.page.getByRole('heading', { name: 'Programm' }).waitFor({ timeout: 30_000 });
    expect(await visitor.page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await visitor.page.getByRole('button', { name: 'Anmelden' }).count()).toBe(1);
    expect(await visitor.page.getByRole('combobox', { name: 'Sprache' }).inputValue()).toBe('de');
    await attendee.page.goto(registered.joinUrl);
    await attendee.testId('join-button').waitFor({ timeout: 30_000 });

    const moderator = await openPerson(browser!, 'moderator', moderatorLink.name, 'moderator');
    const speaker = await openPerson(browser!, 'speaker', speakerLink.name, 'speaker');
    people.push(moderator, speaker);
    await recordPeerConnections(moderator.context);
    const joinedAt = Date.now();
    await Promise.all([joinWorkshop(moderator, moderatorLink.url), joinWorkshop(speaker, speakerLink.url)]);
    const frames = await waitForVideoPlaying(moderator, [speakerLink.name], 60_000);
    const firstVideoMs = Date.now() - joinedAt;
    const peak = await waitFor(async () => {
      const level = await remoteAudioPeak(moderator.page);
      return level > 0.01 && level;
    }, { timeoutMs: 30_000, intervalMs: 250, what: 'the moderator to hear the speaker' });
    // Media flows over UDP to LiveKit's ICE port: not the ICE-over-TCP fallback on loopback that
    // a LiveKit advertising only 127.0.0.1 leaves a default browser with. (Chromium hides the
    // remote address of a peer-reflexive candidate in its stats; the port is LiveKit's own.)
    const { udpPort } = JSON.parse(readFileSync(join(dataDir, 'livekit-ports.json'), 'utf8')) as { udpPort: number };
    const paths = await mediaPaths(moderator.page);
    expect(paths.length, 'no candidate pair in use').toBeGreaterThan(0);
    for (const path of paths) expect(path, JSON.stringify(paths)).toMatchObject({ relayProtocol: null, remoteProtocol: 'udp', remotePort: udpPort });
    console.log(`npm start: the moderator saw the speaker's video ${firstVideoMs} ms after both pressed join (${JSON.stringify(frames)} frames in 2 s), audio peak ${peak.toFixed(3)}; media path ${JSON.stringify(paths)}`);
    expect(peak).toBeGreaterThan(0.01);
    for (const p of people) expect(p.pageErrors, p.key).toEqual([]);
  });

  it('stops on Ctrl-C: npm, the server and LiveKit exit and nothing is left running', async () => {
    await browser!.close();
    browser = null;
    expect(ns.pids().length).toBeGreaterThanOrEqual(3); // npm, the start script, the server, LiveKit
    keepLiveKitLog();
    const exit = await run!.interrupt();
    console.log(`npm start exited with ${JSON.stringify(exit)}`);
    expect(exit.signal === 'SIGINT' || exit.code === 0 || exit.code === 130, JSON.stringify(exit)).toBe(true);
    await waitFor(() => ns.pids().length === 0, { timeoutMs: 10_000, what: 'every process of npm start to be gone' })
      .catch((e: Error) => { throw new Error(`${e.message}: still running ${ns.pids().join(', ')}`); });
    output = run!.output();
    expect(output).toContain('shutting down');
    run = null;
  });
});
