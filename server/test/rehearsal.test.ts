// A past event at start-up: a rehearsal from now in development, "took place" and closed registration otherwise.
import { afterEach, describe, expect, test } from 'vitest';
import { zonedInstant, type EventConfig } from '@live-workshop/shared';
import { readConfig } from '../src/platform/config.js';
import { loadEventFile } from '../src/live/event/loadEventFile.js';
import { rehearsalBanner } from '../src/live/lifecycle/rehearsal.js';
import { ManualTime } from '../src/platform/clock.js';
import { api } from './aroundHarness.js';
import { connectClient, register, SEED_EVENT_FILE, staffCredential, startTestApp } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const brussels = (date: string, time: string) => zonedInstant(date, time, 'Europe/Brussels');
const ORIGINAL = { date: '2025-10-23', start: '09:30', end: '13:00' };
const seed = () => loadEventFile(SEED_EVENT_FILE);

/** The app booted at a Brussels wall-clock time, on a data folder that may hold an earlier run. */
async function bootAt(date: string, time: string, options: { rehearsal?: 'auto' | 'off'; dbPath?: string; event?: EventConfig } = {}) {
  const clock = new ManualTime(brussels(date, time));
  const started = await startTestApp({ clock, scheduler: clock, event: options.event ?? seed(), rehearsal: options.rehearsal, dbPath: options.dbPath });
  cleanups.push(() => started.app.close());
  const event = (await api(started.url, '/api/event')).json as { event: EventConfig; registrationClosed: string | null };
  return { ...started, clock, event };
}
const when = (e: EventConfig) => ({ date: e.date, start: e.start, end: e.end, first: e.agenda[0]!.start, rehearsalOf: e.rehearsalOf });

describe('development (REHEARSAL=auto): the past seed workshop is rehearsed from now', () => {
  test('the event page gets the rehearsal, marked with the original date, and registration is open', async () => {
    const s = await bootAt('2026-12-01', '14:03', { rehearsal: 'auto' });
    expect(when(s.event.event)).toStrictEqual({ date: '2026-12-01', start: '14:15', end: '17:45', first: '14:15', rehearsalOf: ORIGINAL });
    expect(s.event.registrationClosed).toBeNull();
    expect((await register(s.url, { name: 'Ann', email: 'ann@example.org' })).status).toBe(202);
    expect(rehearsalBanner(s.app.agenda.state, s.clock.now())).toStrictEqual([
      '  Rehearsal: this workshop took place on 23 October 2025 (09:30–13:00 CEST);',
      '  this run starts at 14:15 CET today, same agenda; moderators may start it earlier (REHEARSAL=off: no rehearsal).',
    ]);
  });

  test('an upcoming event (like the e2e fixture) is never moved', async () => {
    const upcoming = { ...seed(), date: '2026-12-02' };
    const s = await bootAt('2026-12-01', '14:03', { rehearsal: 'auto', event: upcoming });
    expect(s.event.event).toStrictEqual(upcoming);
    expect(rehearsalBanner(s.app.agenda.state, s.clock.now())).toStrictEqual([]);
  });

  test("yesterday's rehearsal that nobody started is planned again from now, registrations kept", async () => {
    const first = await bootAt('2026-12-01', '14:03', { rehearsal: 'auto' });
    const ann = (await register(first.url, { name: 'Ann', email: 'ann@example.org' })).body;
    await first.app.close();

    const second = await bootAt('2026-12-02', '10:00', { rehearsal: 'auto', dbPath: first.dbPath });
    expect(when(second.event.event)).toStrictEqual({ date: '2026-12-02', start: '10:15', end: '13:45', first: '10:15', rehearsalOf: ORIGINAL });
    expect(second.app.agenda.state.participants[ann.participantId]).toMatchObject({ name: 'Ann' });
  });

  test('a restart during a rehearsal that is due keeps its times', async () => {
    const first = await bootAt('2026-12-01', '14:03', { rehearsal: 'auto' });
    await first.app.close();
    const second = await bootAt('2026-12-01', '14:20', { rehearsal: 'auto', dbPath: first.dbPath });
    expect(when(second.event.event)).toMatchObject({ date: '2026-12-01', start: '14:15' });
  });

  test('a rehearsal that ran continues as it was saved the next day', async () => {
    const first = await bootAt('2026-12-01', '14:03', { rehearsal: 'auto' });
    const moderator = await connectClient(first.url, await staffCredential(first.app, 'anastasia-pouliou'), cleanups);
    expect(await moderator.command({ type: 'openDoors' })).toMatchObject({ ok: true });
    expect(await moderator.command({ type: 'start' })).toMatchObject({ ok: true });
    moderator.close();
    await first.app.close();

    const second = await bootAt('2026-12-02', '10:00', { rehearsal: 'auto', dbPath: first.dbPath });
    expect(when(second.event.event)).toMatchObject({ date: '2026-12-01', start: '14:15', rehearsalOf: ORIGINAL });
    expect(second.app.agenda.state.phase.kind).toBe('plenary');
  });
});

describe('production (and REHEARSAL=off): dates are never moved; a past event is over', () => {
  test('the event page says when it took place, and registering is refused with a clear error that changes nothing', async () => {
    const s = await bootAt('2026-12-01', '14:03', { rehearsal: 'off' });
    expect(s.event.event).toStrictEqual(seed());
    expect(s.event.registrationClosed).toBe('This workshop took place on 23 October 2025; registration is closed.');
    const before = structuredClone(s.app.agenda.state);
    const refused = await register(s.url, { name: 'Late', email: 'late@example.org' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'not_allowed_now', message: 'This workshop took place on 23 October 2025; registration is closed.' } });
    expect(s.app.agenda.state).toStrictEqual(before);
    expect(s.app.people.findByEmail('late@example.org')).toBeNull();
    expect(rehearsalBanner(s.app.agenda.state, s.clock.now())).toStrictEqual(['  This workshop took place on 23 October 2025 (09:30–13:00 CEST); registration is closed.']);
  });

  test('a saved rehearsal that never ran is not moved again when rehearsals are off', async () => {
    const first = await bootAt('2026-12-01', '14:03', { rehearsal: 'auto' });
    await first.app.close();
    const second = await bootAt('2026-12-02', '10:00', { rehearsal: 'off', dbPath: first.dbPath });
    expect(when(second.event.event)).toMatchObject({ date: '2026-12-01', start: '14:15' });
    expect(second.event.registrationClosed).toBe('This workshop took place on 1 December 2026; registration is closed.');
  });
});

describe('REHEARSAL in the configuration', () => {
  const production = { NODE_ENV: 'production', LIVEKIT_URL: 'wss://lk.example.org', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's'.repeat(32), SESSION_SECRET: 'x'.repeat(32), SMTP_URL: 'smtp://mail.example.org:587' };
  test.each([
    ['development, unset', {}, 'auto'],
    ['development, off', { REHEARSAL: 'off' }, 'off'],
    ['production, unset', production, 'off'],
    ['production, off', { ...production, REHEARSAL: 'off' }, 'off'],
  ])('%s', (_name, env, mode) => {
    expect(readConfig(env, []).rehearsal).toBe(mode);
  });
  test.each([
    ['auto in production', { ...production, REHEARSAL: 'auto' }, /REHEARSAL=auto .* development only/],
    ['an unknown value', { REHEARSAL: 'yes' }, /REHEARSAL/],
  ])('refused: %s', (_name, env, message) => {
    expect(() => readConfig(env, [])).toThrow(message);
  });
});
