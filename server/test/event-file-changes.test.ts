// The event file edited after the first boot: applied at the next boot while the doors are not
// open; once the event has begun the running event keeps its saved version, and says so.
import { afterEach, describe, expect, test } from 'vitest';
import { loadEventFile } from '../src/live/event/loadEventFile.js';
import { ManualTime } from '../src/platform/clock.js';
import { connectClient, SEED_EVENT_FILE, startTestApp, staffCredential, tempDbPath } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const seed = loadEventFile(SEED_EVENT_FILE);
const renamed = (title: string) => ({ ...seed, title });
/** The seed workshop's morning, before the doors open. */
const morning = () => new ManualTime(Date.parse('2025-10-23T06:00:00Z'));

async function boot(dbPath: string, event = seed) {
  const time = morning();
  const started = await startTestApp({ dbPath, event, clock: time, scheduler: time });
  return started;
}

describe('the event file after the first boot', () => {
  test('unchanged: nothing to apply; changed before the doors open: applied at the next boot', async () => {
    const dbPath = tempDbPath();
    const first = await boot(dbPath);
    expect(first.app.eventFile.outcome).toBe('first');
    await first.app.close();

    const again = await boot(dbPath);
    expect(again.app.eventFile).toEqual({ outcome: 'unchanged', notice: null });
    await again.app.close();

    const edited = await boot(dbPath, renamed('Microcredentials: a rehearsed title'));
    cleanups.push(() => edited.app.close());
    expect(edited.app.eventFile.outcome).toBe('applied');
    expect(edited.app.eventFile.notice).toMatch(/changed since the last start: applied/);
    expect(edited.app.agenda.state.event.title).toBe('Microcredentials: a rehearsed title');
    const page = (await (await fetch(`${edited.url}/api/event`)).json()) as { event: { title: string } };
    expect(page.event.title).toBe('Microcredentials: a rehearsed title');
  });

  test('changed after the doors opened: the running event keeps its saved version, and the console is told', async () => {
    const dbPath = tempDbPath();
    const first = await boot(dbPath);
    const moderator = await connectClient(first.url, await staffCredential(first.app, 'anastasia-pouliou'), cleanups);
    expect(await moderator.command({ type: 'openDoors' })).toMatchObject({ ok: true });
    moderator.close();
    await first.app.close();

    const edited = await boot(dbPath, renamed('A title edited mid-event'));
    cleanups.push(() => edited.app.close());
    expect(edited.app.eventFile.outcome).toBe('kept-running');
    expect(edited.app.eventFile.notice).toMatch(/changed after the event began/);
    expect(edited.app.agenda.state.event.title).toBe(seed.title);
    expect(edited.app.agenda.state.phase.kind).toBe('lobby');
  });
});
