// A saved event that cannot be used (an unknown time zone, a day that does not exist) never
// stops the server from booting: it runs with the event file's event and says why. And such an
// event cannot be saved through the moderator's event edit any more.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { ManualTime } from '../src/platform/clock.js';
import { connectClient, startTestApp, staffCredential, tempDbPath } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const morning = () => new ManualTime(Date.parse('2025-10-23T06:00:00Z'));

/** Rewrite the saved event in the data file, as an old version or a hand edit could have left it. */
function corruptSavedEvent(dbPath: string, change: (event: Record<string, unknown>) => void): void {
  const db = new Database(dbPath);
  const row = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'agenda'`).get()!;
  const core = JSON.parse(row.value) as { event: Record<string, unknown> };
  change(core.event);
  db.prepare(`UPDATE meta SET value = ? WHERE key = 'agenda'`).run(JSON.stringify(core));
  db.close();
}

describe('booting with a saved event that cannot be used', () => {
  test.each([
    ['an unknown time zone', (e: Record<string, unknown>) => { e.timeZone = 'Mars/Olympus_Mons'; }, /timeZone/],
    ['a day that does not exist', (e: Record<string, unknown>) => { e.date = '2025-02-30'; }, /date/],
  ])('%s: the server boots with the file\'s event, the event page and the autopilot answer, and it says why', async (_what, change, field) => {
    const dbPath = tempDbPath();
    const first = await startTestApp({ dbPath, clock: morning(), scheduler: morning() });
    const fileEvent = first.app.agenda.state.event;
    await first.app.close();
    corruptSavedEvent(dbPath, change);

    const time = morning();
    const again = await startTestApp({ dbPath, clock: time, scheduler: time });
    cleanups.push(() => again.app.close());
    expect(again.app.agenda.restoreProblem).toMatch(field);
    expect(again.app.agenda.state.event).toStrictEqual(fileEvent);
    expect((await fetch(`${again.url}/api/event`)).status).toBe(200);
    const autopilot = await fetch(`${again.url}/api/moderator/autopilot`, { headers: { authorization: `Bearer ${await staffCredential(again.app, 'anastasia-pouliou')}` } });
    expect(autopilot.status).toBe(200);
  });
});

test('the moderator\'s event edit refuses an unknown time zone and a day that does not exist, and changes nothing', async () => {
  const time = morning();
  const { app, url } = await startTestApp({ clock: time, scheduler: time });
  cleanups.push(() => app.close());
  const credential = await staffCredential(app, 'anastasia-pouliou');
  await connectClient(url, credential, cleanups);
  const before = structuredClone(app.agenda.state.event);
  for (const edit of [{ timeZone: 'Mars/Olympus_Mons' }, { date: '2025-02-30' }]) {
    const res = await fetch(`${url}/api/moderator/event`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` }, body: JSON.stringify({ ...before, ...edit }),
    });
    expect(res.status).toBe(400);
    expect(app.agenda.state.event).toStrictEqual(before);
  }
});
