// The autopilot advances the seed workshop at its scheduled times under a manual clock; moderators hold or override it.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { loadEventFile } from '../src/live/event/loadEventFile.js';
import { api, manualWorkshop } from './aroundHarness.js';
import { register, SEED_EVENT_FILE } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A time on 23 October 2025 in UTC (Brussels is UTC+2 that day). */
const utc = (hh: number, mm: number, ss = 0) => Date.UTC(2025, 9, 23, hh, mm, ss);
const withAutopilot = () => ({ ...loadEventFile(SEED_EVENT_FILE), autopilot: true });

async function autopilotWorkshop() {
  const w = await manualWorkshop(cleanups, { event: withAutopilot() });
  const ann = (await register(w.url, { name: 'Ann', email: 'ann@example.org', preferences: ['trust'] })).body;
  const attendee = await w.connect(ann.credential);
  const phase = () => w.app.agenda.state.phase;
  /** Advance in minute steps (ManualTime keeps run timers until an advance ends; the presence sweep runs every 10 s). */
  const advanceTo = (t: number) => {
    for (let s = w.time.now() + 60_000; s < t; s += 60_000) w.time.advanceTo(s);
    w.time.advanceTo(t);
  };
  return { ...w, attendee, phase, advanceTo };
}

describe('autopilot', () => {
  test('runs the agenda at the scheduled times, with the breakout warning, to the end', async () => {
    const w = await autopilotWorkshop();
    expect((await api(w.url, '/api/moderator/autopilot', { credential: w.moderatorCredential })).json).toEqual({
      enabled: true, state: 'run', next: { action: 'openDoors', dueAt: utc(7, 15) },
    });
    w.advanceTo(utc(7, 14, 59));
    expect(w.phase().kind).toBe('scheduled');
    w.advanceTo(utc(7, 15));
    expect(w.phase().kind).toBe('lobby');
    w.advanceTo(utc(7, 30));
    expect(w.phase()).toMatchObject({ kind: 'plenary', itemIndex: 0, startedAt: utc(7, 30) });
    w.advanceTo(utc(8, 15));
    expect(w.phase()).toMatchObject({ kind: 'breakouts', itemIndex: 1 });
    expect(await w.attendee.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts')).toMatchObject({ phaseKey: 'item:1' });
    w.advanceTo(utc(9, 29));
    expect(await w.attendee.next(EVENTS.agendaWarned)).toMatchObject({ warning: 'breakoutsClosing', secondsLeft: 60 });
    w.advanceTo(utc(9, 30));
    expect(w.phase()).toMatchObject({ kind: 'live', itemIndex: 2 });
    w.advanceTo(utc(10, 45));
    expect(w.phase()).toMatchObject({ kind: 'closing', itemIndex: 3 });
    w.advanceTo(utc(11, 0));
    expect(w.phase()).toMatchObject({ kind: 'ended', endedAt: utc(11, 0) });
    expect((await api(w.url, '/api/moderator/autopilot', { credential: w.moderatorCredential })).json.next).toBeNull();

    // The command log says who acted.
    const db = new Database(w.dbPath, { readonly: true });
    cleanups.push(() => db.close());
    const actors = db.prepare(`SELECT json_extract(actor, '$.participantId') AS who, json_extract(action, '$.type') AS what FROM commands WHERE json_extract(action, '$.type') IN ('openDoors', 'start', 'next')`).all();
    expect(actors).toEqual([
      { who: 'server:autopilot', what: 'openDoors' }, { who: 'server:autopilot', what: 'start' }, { who: 'server:autopilot', what: 'next' },
      { who: 'server:autopilot', what: 'next' }, { who: 'server:autopilot', what: 'next' },
    ]);
  });

  test('a moderator holds it, overrides it, and releases it', async () => {
    const w = await autopilotWorkshop();
    const set = (state: string, credential = w.moderatorCredential) => api(w.url, '/api/moderator/autopilot', { method: 'POST', credential, body: { state } });
    // Registered before the event (an event that has ended takes no registrations).
    const attendee = (await register(w.url, { name: 'X', email: 'x@example.org' })).body.credential;
    w.advanceTo(utc(7, 30));
    expect(w.phase().kind).toBe('plenary');

    // A moderator's extension wins over the schedule.
    expect(await w.command({ type: 'extend', minutes: 10 })).toMatchObject({ ok: true });
    w.advanceTo(utc(8, 15));
    expect(w.phase().kind).toBe('plenary');
    w.advanceTo(utc(8, 25));
    expect(w.phase().kind).toBe('breakouts');

    // Held: nothing happens by itself (the engine's own breakout deadline still closes the rooms).
    expect((await set('hold')).json).toEqual({ enabled: true, state: 'hold', next: null });
    w.advanceTo(utc(9, 40));
    expect(w.phase().kind).toBe('live');
    w.advanceTo(utc(11, 30));
    expect(w.phase().kind).toBe('live');
    // A moderator's own cue while held.
    expect(await w.command({ type: 'next' })).toMatchObject({ ok: true });
    expect(w.phase()).toMatchObject({ kind: 'closing', startedAt: utc(11, 30) });

    // Released: the closing runs its 15 minutes, then the autopilot ends the event.
    expect((await set('run')).json).toMatchObject({ state: 'run', next: { action: 'next', dueAt: utc(11, 45) } });
    w.advanceTo(utc(11, 44));
    expect(w.phase().kind).toBe('closing');
    w.advanceTo(utc(11, 45));
    expect(w.phase().kind).toBe('ended');

    expect((await set('hold', attendee)).status).toBe(403);
    expect((await set('pause')).json).toMatchObject({ code: 'invalid_payload', fieldErrors: { state: 'Use "hold" or "run".' } });
  });

  test('off unless the event file turns it on; the hold survives a restart', async () => {
    const off = await manualWorkshop(cleanups);
    off.time.advanceTo(utc(8, 0));
    expect(off.app.agenda.state.phase.kind).toBe('scheduled');
    expect((await api(off.url, '/api/moderator/autopilot', { method: 'POST', credential: off.moderatorCredential, body: { state: 'run' } })).json).toMatchObject({ code: 'not_allowed_now' });

    const w = await autopilotWorkshop();
    await api(w.url, '/api/moderator/autopilot', { method: 'POST', credential: w.moderatorCredential, body: { state: 'hold' } });
    w.moderator.close();
    w.attendee.close();
    await w.app.close();
    const { startTestApp } = await import('./harness.js');
    const again = await startTestApp({ dbPath: w.dbPath, clock: w.time, scheduler: w.time, event: withAutopilot() });
    cleanups.push(() => again.app.close());
    w.advanceTo(utc(8, 0));
    expect(again.app.agenda.state.phase.kind).toBe('scheduled');
    expect(again.app.around.autopilot.status()).toMatchObject({ state: 'hold' });
  });
});
