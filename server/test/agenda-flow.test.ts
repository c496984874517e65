import { afterEach, describe, expect, test } from 'vitest';
import { EVENTS, phaseKey, remainingMs } from '@live-workshop/shared';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { ManualTime } from '../src/platform/clock.js';
import { connectClient, register, startTestApp, TestClient } from './harness.js';

const BREAKOUTS = ['skills', 'trust', 'global', 'uncharted'];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function workshop(options: Parameters<typeof startTestApp>[0] = {}) {
  const livekit = new MemoryLiveKit();
  const started = await startTestApp({ livekit, ...options });
  cleanups.push(() => started.app.close());
  const links = await started.app.staffLinks();
  const credentialOf = (id: string) => links.find((l) => l.id === id)!.url.split('/join/')[1]!;
  const connect = (credential: string) => connectClient(started.url, credential, cleanups);
  return { ...started, livekit, credentialOf, connect };
}

/** Make sure everything the server sent before now has arrived (same-connection ordering). */
const flush = (client: TestClient) => client.request(EVENTS.moveReport, { phaseKey: 'flush', roomId: 'plenary', cueToConnectedMs: 0, cueToPublishingMs: null });

describe('a moderator runs plenary → breakouts → plenary', () => {
  test('everyone receives the cue once, with the right room and a token for exactly that room ready', async () => {
    const w = await workshop();
    const attendees = [];
    for (let i = 0; i < 8; i++) {
      const pref = BREAKOUTS[i % 4]!;
      const { body } = await register(w.url, { name: `Attendee ${i}`, email: `a${i}@example.org`, preferences: [pref] });
      attendees.push({ pref, id: body.participantId, client: await w.connect(body.credential) });
    }
    const moderator = await w.connect(w.credentialOf('anastasia-pouliou'));

    expect(await moderator.command({ type: 'openDoors' })).toMatchObject({ ok: true });
    await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    expect(await moderator.command({ type: 'start' })).toMatchObject({ ok: true });
    const plenary = await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');

    for (const a of attendees) {
      const current = await a.client.next(EVENTS.assignmentChanged, (x) => x.roomId === 'plenary');
      expect(current).toMatchObject({ canPublish: false, livekitRoom: 'microcredentials-2025--plenary' });
      const prepared = await a.client.next(EVENTS.assignmentPrepared, (x) => x.phaseKey === 'item:1');
      expect(prepared).toMatchObject({ roomId: `breakout:${a.pref}`, canPublish: true, livekitRoom: `microcredentials-2025--breakout-${a.pref}` });
      expect(prepared.token).toContain(`breakout-${a.pref}:${a.id}:pub`);
    }

    const changedBefore = attendees.map((a) => a.client.all(EVENTS.assignmentChanged).length);
    expect(await moderator.command({ type: 'next' }, plenary.version)).toMatchObject({ ok: true });
    for (const [i, a] of attendees.entries()) {
      const cue = await a.client.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
      expect(cue.phaseKey).toBe('item:1');
      await flush(a.client);
      // The prepared assignment covered the cue: no per-person assignment was needed.
      expect(a.client.all(EVENTS.assignmentChanged).length).toBe(changedBefore[i]);
      expect(a.client.all(EVENTS.agendaChanged).filter((s) => s.version === cue.version)).toHaveLength(1);
    }

    expect(await moderator.command({ type: 'endBreakouts' })).toMatchObject({ ok: true });
    for (const a of attendees) {
      const cue = await a.client.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'live');
      expect(cue.phaseKey).toBe('item:2');
      const prepared = a.client.all(EVENTS.assignmentPrepared).find((p) => p.phaseKey === 'item:2');
      expect(prepared?.roomId).toBe('plenary');
    }
  });

  test('an attendee cannot run a moderator command, and nobody hears of the attempt', async () => {
    const w = await workshop();
    const { body } = await register(w.url, { name: 'Eve', email: 'eve@example.org', preferences: ['trust'] });
    const eve = await w.connect(body.credential);
    const moderator = await w.connect(w.credentialOf('maite-santos'));
    // The moderator's own arrival is pushed to the roster a moment later (coalesced): let it land,
    // so that only what follows the attempt is counted.
    await moderator.next(EVENTS.rosterChanged, (r) => moderator.all(EVENTS.rosterChanged).indexOf(r) >= 1);
    const before = structuredClone(w.app.agenda.state);
    const seenBefore = moderator.received.length;

    const result = await eve.command({ type: 'openDoors' });
    expect(result).toEqual({ ok: false, code: 'forbidden', message: 'Only moderators can do that.' });
    expect(await eve.command({ type: 'promoteToStage', participantId: body.participantId })).toMatchObject({ ok: false, code: 'forbidden' });
    await flush(moderator);
    await flush(eve);
    expect(moderator.received.slice(seenBefore).map((r) => r.event)).toEqual([]);
    expect(w.app.agenda.state).toStrictEqual(before);
  });

  test('two moderators press next at the same moment: exactly one transition', async () => {
    const w = await workshop();
    const m1 = await w.connect(w.credentialOf('anastasia-pouliou'));
    const m2 = await w.connect(w.credentialOf('iraklis-pliakis'));
    await m1.command({ type: 'openDoors' });
    const lobby = await m2.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    const [r1, r2] = await Promise.all([m1.command({ type: 'next' }, lobby.version), m2.command({ type: 'next' }, lobby.version)]);
    expect([r1.ok, r2.ok].sort()).toEqual([false, true]);
    const refused = r1.ok ? r2 : r1;
    expect(refused).toMatchObject({ ok: false, code: 'stale_version' });
    expect(w.app.agenda.state.phase).toMatchObject({ kind: 'plenary', itemIndex: 0 });
  });

  test('bad payloads get a clear error and change nothing', async () => {
    const w = await workshop();
    const moderator = await w.connect(w.credentialOf('anastasia-pouliou'));
    const before = structuredClone(w.app.agenda.state);
    const bad: unknown[] = [null, 42, 'next', {}, { expectedVersion: 'x', action: { type: 'next' } }, { expectedVersion: 1, action: { type: 'explode' } },
      { expectedVersion: 1, action: { type: 'next', extra: true } }, { expectedVersion: 1, action: { type: 'goTo', itemIndex: -1 } }, { __proto__: { polluted: true } }];
    for (const payload of bad) {
      const result = await moderator.request(EVENTS.agendaCommand, payload as never);
      expect(result).toMatchObject({ ok: false, code: 'invalid_payload' });
    }
    const unknown = await new Promise((resolve) => (moderator.socket.emit as (...a: unknown[]) => void)('agenda:hack', {}, resolve));
    expect(unknown).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(w.app.agenda.state).toStrictEqual(before);
  });

  test('a wrong credential or protocol version is refused at the handshake', async () => {
    const w = await workshop();
    const tampered = new TestClient(w.url, `${w.credentialOf('maite-santos').slice(0, -4)}AAAA`);
    cleanups.push(() => tampered.close());
    await expect(tampered.connected()).rejects.toThrow('unauthorized');
    const old = new TestClient(w.url, w.credentialOf('maite-santos'), 0);
    cleanups.push(() => old.close());
    await expect(old.connected()).rejects.toThrow('incompatible_protocol');
  });

  test('a second tab takes over and the first is told why', async () => {
    const w = await workshop();
    const { body } = await register(w.url, { name: 'Tab', email: 'tab@example.org' });
    const first = await w.connect(body.credential);
    await w.connect(body.credential);
    const ended = await first.next(EVENTS.sessionEnded);
    expect(ended.reason).toBe('replaced');
  });
});

describe('breakout deadlines and restarts', () => {
  test('the warning comes 60 s before the end, and the end brings everyone back', async () => {
    const time = new ManualTime(Date.UTC(2025, 9, 23, 7, 30));
    const w = await workshop({ clock: time, scheduler: time });
    const { body } = await register(w.url, { name: 'Ann', email: 'ann@example.org', preferences: ['global'] });
    const ann = await w.connect(body.credential);
    const moderator = await w.connect(w.credentialOf('anastasia-pouliou'));
    await moderator.command({ type: 'openDoors' });
    await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    await moderator.command({ type: 'goTo', itemIndex: 1 });
    const breakouts = await ann.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
    expect(breakouts.phase).toMatchObject({ timer: { status: 'running', endsAt: time.now() + 75 * 60_000 } });

    time.advanceBy(74 * 60_000);
    expect(await ann.next(EVENTS.agendaWarned)).toMatchObject({ warning: 'breakoutsClosing', secondsLeft: 60 });
    time.advanceBy(60_000);
    const back = await ann.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'live');
    expect(back.phaseKey).toBe('item:2');
  });

  test('a restarted server resumes the exact phase, remaining time and assignments', async () => {
    const time = new ManualTime(Date.UTC(2025, 9, 23, 8, 15));
    const first = await workshop({ clock: time, scheduler: time });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await register(first.url, { name: `P${i}`, email: `p${i}@example.org`, preferences: [BREAKOUTS[i % 4]!] })).body.participantId);
    const moderator = await first.connect(first.credentialOf('anastasia-pouliou'));
    await moderator.command({ type: 'openDoors' });
    await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    await moderator.command({ type: 'goTo', itemIndex: 1 });
    await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
    await moderator.command({ type: 'reassign', participantId: ids[0]!, breakoutId: 'uncharted' });
    time.advanceBy(10 * 60_000);
    const before = first.app.agenda.state;
    const remainingBefore = before.phase.kind === 'breakouts' ? remainingMs(before.phase.timer, time.now()) : NaN;
    moderator.close();
    await first.app.close();

    time.advanceBy(30_000); // the server is down for 30 s
    const second = await workshop({ clock: time, scheduler: time, dbPath: first.dbPath });
    const after = second.app.agenda.state;
    expect(phaseKey(after.phase)).toBe('item:1');
    expect(after.version).toBe(before.version);
    expect(after.participants).toStrictEqual(before.participants);
    expect(after.participants[ids[0]!]!.breakoutId).toBe('uncharted');
    const remainingAfter = after.phase.kind === 'breakouts' ? remainingMs(after.phase.timer, time.now()) : NaN;
    expect(remainingAfter).toBe(remainingBefore - 30_000);

    // The deadline survives the restart: the breakouts still end on time.
    const m = await second.connect(second.credentialOf('anastasia-pouliou'));
    time.advanceBy(remainingAfter);
    await m.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'live');
  });
});
