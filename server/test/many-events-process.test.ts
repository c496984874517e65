// The README's "Many events on one server", as written: the real server process prints the
// organiser link; the README's curl command (taken from the README itself, with the test
// server's address for localhost:3000) creates the Lisbon forum from its event file; the new
// event's page is at /e/<id>, its moderator link gets in there and nowhere else.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { freeTcpPort, startLiveKitServer, startServerProcess, type RunningLiveKit, type ServerProcess } from '@live-workshop/testkit';
import { SEED_EVENT_FILE, TestClient } from './harness.js';

const REPO_ROOT = join(import.meta.dirname, '../..');
let lk: RunningLiveKit;
let server: ServerProcess | null = null;
const clients: TestClient[] = [];

beforeAll(async () => {
  const port = await freeTcpPort();
  lk = await startLiveKitServer({ webhookUrl: `http://127.0.0.1:${port}/livekit/webhook` });
  server = await startServerProcess({
    PORT: String(port), DATA_DIR: join(mkdtempSync(join(tmpdir(), 'lw-many-events-')), 'data'), EVENT_FILE: SEED_EVENT_FILE, LIVEKIT_URL: lk.url,
    LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret, SESSION_SECRET: 'many-events-session-secret-0123', CLIENT_DIST: '/nonexistent',
    BACKUP_INTERVAL_MINUTES: '0', PUBLIC_URL: 'http://localhost:3000', ORGANISER_NAME: 'Forum office',
  });
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.kill('SIGINT');
  await lk?.stop();
});

/** The shell block the README marks as the organiser API's. */
function readmeCommand(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /<!-- organiser-api:[^>]*-->\n```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README has no organiser-api block');
  return block[1]!;
}

test('the organiser link is printed; the README\'s curl creates an event served at /e/<id> with its own links', async () => {
  const url = server!.url;
  const printed = /^ {2}Organiser home \(Forum office\): {2}(http:\/\/localhost:3000\/organiser\/(\S+))$/m.exec(server!.output());
  expect(printed, server!.output()).not.toBeNull();
  const organiser = printed![2]!;

  // As written, but with this server's address and the real credential in place of the example's.
  const command = readmeCommand().replace(/^ORGANISER=\S+/m, `ORGANISER='${organiser}'`).replaceAll('http://localhost:3000', url);
  const { stdout } = await promisify(execFile)('sh', ['-c', command], { cwd: REPO_ROOT });
  const created = JSON.parse(stdout) as { event: { id: string; url: string }; links: { id: string; role: string; url: string }[] };
  expect(created.event).toMatchObject({ id: 'lisbon-forum-2026', url: 'http://localhost:3000/e/lisbon-forum-2026', isDefault: false, archived: false });

  const page = await (await fetch(`${url}/e/lisbon-forum-2026/api/event`)).json();
  expect(page.event.title).toBe('Regional Forum on Skills and Microcredentials');
  expect((await (await fetch(`${url}/api/event`)).json()).event.id).toBe('microcredentials-2025');

  const chair = created.links.find((l) => l.id === 'forum-chair')!;
  expect(chair.url).toMatch(/^http:\/\/localhost:3000\/e\/lisbon-forum-2026\/join\//);
  const credential = chair.url.split('/join/')[1]!;
  const moderator = new TestClient(`${url}/e/lisbon-forum-2026`, credential);
  clients.push(moderator);
  await moderator.connected();
  const snapshot = await moderator.next(EVENTS.agendaChanged);
  expect(snapshot.phase.kind).toBe('scheduled');
  // The forum's moderator link is refused by the default event, at its HTTP API and its Socket.IO.
  expect((await fetch(`${url}/api/moderator/event`, { headers: { authorization: `Bearer ${credential}` } })).status).toBe(401);
  const elsewhere = new TestClient(url, credential);
  clients.push(elsewhere);
  await expect(elsewhere.connected()).rejects.toThrow('unauthorized');

  const listed = await (await fetch(`${url}/api/organiser/events`, { headers: { authorization: `Bearer ${organiser}` } })).json();
  expect(listed.organiser).toEqual({ id: 'organiser', name: 'Forum office' });
  expect(listed.events.map((e: { id: string }) => e.id).sort()).toEqual(['lisbon-forum-2026', 'microcredentials-2025']);
}, 60_000);
