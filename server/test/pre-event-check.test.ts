// `npm run check`, run as the runbook says, against a real LiveKit and a mail catcher: every check
// passes on a good setup (and the test mail arrives); a wrong LiveKit secret, an unreachable mail
// server and a broken event file each fail in plain words, with a non-zero exit code.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freeTcpPort, startLiveKitServer, startMailCatcher, type MailCatcher, type RunningLiveKit } from '@live-workshop/testkit';
import { renderMessage, type Message } from '@live-workshop/shared';
import { checkClock, checkDisk, DISK_FAIL_BYTES } from '../src/features/operations/preEventCheck/hostChecks.js';
import { wordsFor } from '../src/platform/i18n.js';
import { realLiveKit } from '../src/livekit/realLiveKit.js';
import { SEED_EVENT_FILE, staffCredential, startTestApp } from './harness.js';

const REPO_ROOT = join(import.meta.dirname, '../..');
let livekit: RunningLiveKit;
let mail: MailCatcher;
beforeAll(async () => {
  [livekit, mail] = await Promise.all([startLiveKitServer(), startMailCatcher()]);
});
afterAll(async () => {
  await Promise.all([livekit?.stop(), mail?.close()]);
});

/** `npm run check -- …` with the server's environment. */
async function check(env: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string }> {
  const base = {
    ...process.env, NODE_ENV: 'development', LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret,
    SMTP_URL: mail.smtpUrl, DATA_DIR: mkdtempSync(join(tmpdir(), 'lw-check-')), PUBLIC_URL: 'http://localhost:3000', EVENT_FILE: SEED_EVENT_FILE,
  };
  try {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'check', '--', ...args], { cwd: REPO_ROOT, env: { ...base, ...env } });
    return { code: 0, stdout };
  } catch (err) {
    const failed = err as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}
/** A result's words, as an English reader gets them. */
const inEnglish = (m: Message) => renderMessage(wordsFor('en').t, m);
const lineOf = (stdout: string, title: string) => stdout.split('\n').find((l) => l.includes(`  ${title}:`)) ?? `(no line for ${title})`;

test('a good setup passes every check, and the test mail arrives', async () => {
  const { code, stdout } = await check({}, ['--mail-to', 'technician@example.org', '--livekit-config', 'server/deploy/livekit.yaml']);
  expect(stdout).toContain('Ready: every check passed.');
  expect(code).toBe(0);
  expect(lineOf(stdout, 'Event file')).toMatch(/^PASS {2}Event file: "Microcredentials and the Future of Learning" on 2025-10-23, \d+ agenda items, 4 breakout rooms\.$/);
  expect(lineOf(stdout, 'LiveKit reachable from the server')).toMatch(/^PASS .*answers our key/);
  expect(lineOf(stdout, 'TURN / TCP fallback offered')).toBe('PASS  TURN / TCP fallback offered: ICE over TCP on 7881, TURN over TLS on 5349, TURN over UDP on 3478.');
  expect(lineOf(stdout, 'Mail')).toBe('PASS  Mail: a test mail was accepted for technician@example.org; check that it arrives (and not as spam).');
  expect(lineOf(stdout, 'Disk space of the data folder')).toMatch(/^PASS .* MB free in /);
  expect(lineOf(stdout, 'Clock')).toMatch(/^PASS {2}Clock: less than a second apart from LiveKit's\.$/);
  expect(lineOf(stdout, 'TLS certificate of the public URL')).toMatch(/^PASS .*plain http on this machine/);
  expect((await mail.next('technician@example.org', 0)).subject).toBe('Live Workshop: pre-event check');
});

test('a technician whose shell speaks German (LANG=de_DE.UTF-8) reads the check in German', async () => {
  const closedPort = await freeTcpPort();
  const { code, stdout } = await check({ LANG: 'de_DE.UTF-8', LC_ALL: '', SMTP_URL: `smtp://127.0.0.1:${closedPort}` }, ['--livekit-config', 'server/deploy/livekit.yaml']);
  expect(code).toBe(1);
  expect(stdout.split('\n')[0]).toBe('Prüfung vor der Veranstaltung (http://localhost:3000)');
  expect(lineOf(stdout, 'E-Mail')).toBe('FEHLER  E-Mail: Mailserver: Verbindung abgelehnt (dort hört nichts zu). Prüfen Sie SMTP_URL.');
  expect(lineOf(stdout, 'TURN-/TCP-Ausweichweg angeboten')).toBe('OK  TURN-/TCP-Ausweichweg angeboten: ICE über TCP auf 7881, TURN über TLS auf 5349, TURN über UDP auf 3478.');
  expect(lineOf(stdout, 'Uhr')).toBe('OK  Uhr: weniger als eine Sekunde Abstand zur Uhr von LiveKit.');
  expect(lineOf(stdout, 'Veranstaltungsdatei')).toMatch(/^OK {2}Veranstaltungsdatei: „Microcredentials and the Future of Learning“ am 2025-10-23, \d+ Programmpunkte, 4 Gruppenräume\.$/);
  expect(stdout).toContain('1 Prüfung fehlgeschlagen: Beheben Sie sie vor der Veranstaltung.');
});

test("a wrong LiveKit secret, an unreachable mail server and a broken event file fail in plain words, and the exit code says so", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lw-check-event-'));
  const broken = join(dir, 'event.yaml');
  writeFileSync(broken, 'id: broken\ntitle: A workshop\nagenda: []\n');
  const closedPort = await freeTcpPort();
  const { code, stdout } = await check({ LIVEKIT_API_SECRET: 'not-the-secret-of-this-livekit', SMTP_URL: `smtp://127.0.0.1:${closedPort}` }, ['--event', broken]);
  expect(code).toBe(1);
  expect(lineOf(stdout, 'LiveKit reachable from the server')).toMatch(/^FAIL {2}LiveKit reachable from the server: LiveKit's room API refused our credentials\. Check LIVEKIT_URL/);
  expect(lineOf(stdout, 'Mail')).toBe('FAIL  Mail: the mail server refused the connection (nothing listens there). Check SMTP_URL.');
  expect(lineOf(stdout, 'Event file')).toMatch(/^FAIL {2}Event file: .*event\.yaml/);
  expect(lineOf(stdout, 'TURN / TCP fallback offered')).toMatch(/^WARN .*not checked: no LiveKit config file given/);
  expect(stdout).toContain('3 checks failed: fix them before the event.');
});

test('the clock check compares with the Date header of LiveKit\'s answer: a minute apart fails', async () => {
  const skewed = createServer((_req, res) => {
    res.sendDate = false;
    res.setHeader('date', new Date(Date.now() + 60_000).toUTCString());
    res.end('OK');
  });
  await new Promise<void>((resolve) => skewed.listen(0, '127.0.0.1', resolve));
  try {
    const result = await checkClock(`http://127.0.0.1:${(skewed.address() as AddressInfo).port}`);
    expect(result.status).toBe('fail');
    expect(inEnglish(result.detail)).toMatch(/^this server's clock is (59|60)\.\d s behind LiveKit's: LiveKit would refuse its tokens/);
  } finally {
    skewed.close();
  }
});

test('a nearly full data folder fails the disk check', () => {
  const full = checkDisk('/data', () => ({ bavail: DISK_FAIL_BYTES / 4096 - 1, bsize: 4096 }));
  expect(full.status).toBe('fail');
  expect(inEnglish(full.detail)).toMatch(/^only 200 MB free in \/data/);
  expect(renderMessage(wordsFor('de').t, full.detail)).toMatch(/^nur 200 MB frei in \/data/);
  expect(checkDisk('/data', () => ({ bavail: 10 * 1024 ** 3 / 4096, bsize: 4096 }))).toMatchObject({ status: 'pass' });
});

test("the console's check (POST /api/moderator/checks) runs the same checks for a moderator, mailing the test address", async () => {
  const { app, url, mail: inbox } = await startTestApp({ livekit: realLiveKit({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret }) });
  try {
    const ask = (body: unknown, credential?: string) => fetch(`${url}/api/moderator/checks`, {
      method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    });
    expect((await ask({})).status).toBe(401);
    const moderator = await staffCredential(app, 'anastasia-pouliou');
    expect((await ask({ mailTo: 'not an address' }, moderator)).status).toBe(400);
    const res = await ask({ mailTo: 'moderator.check@example.org' }, moderator);
    expect(res.status).toBe(200);
    const { results } = await res.json() as { results: { id: string; status: string; detail: string }[] };
    expect(results.map((r) => r.id)).toEqual(['event', 'livekit', 'turn', 'mail', 'disk', 'clock', 'tls']);
    expect(Object.fromEntries(results.map((r) => [r.id, r.status]))).toEqual({ event: 'pass', livekit: 'pass', turn: 'warn', mail: 'pass', disk: 'pass', clock: 'pass', tls: 'pass' });
    expect(inEnglish(results[0]!.detail as unknown as Message)).toBe('the server runs "Microcredentials and the Future of Learning", validated when it was loaded.');
    expect((await inbox!.next('moderator.check@example.org', 0)).subject).toBe('Live Workshop: pre-event check');
    // A moderator reading German: the results are messages the page translates, the test mail is German.
    const german = await fetch(`${url}/api/moderator/checks?lang=de`, {
      method: 'POST', body: JSON.stringify({ mailTo: 'moderatorin@example.org' }), headers: { 'content-type': 'application/json', authorization: `Bearer ${moderator}` },
    });
    expect(german.status).toBe(200);
    const mailed = await inbox!.next('moderatorin@example.org', 0);
    expect(mailed.subject).toBe('Live Workshop: Prüfung vor der Veranstaltung');
  } finally {
    await app.close();
  }
});
