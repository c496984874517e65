// Two nodes' LiveAgendas on one shared store with compare-and-set (SQLite behind the async port, so
// no network is needed; the same store contract holds on PostgreSQL): one transition per accepted
// command, the server's own actions applied to the newest state, adopted states heard of, deadlines
// only on the owner and only behind the fence, and an unreachable store refusing with nothing written.
import { describe, expect, test } from 'vitest';
import type { Action, AgendaState, Command } from '@live-workshop/shared';
import { ManualTime } from '../../platform/clock.js';
import { openDatabase } from '../../platform/db/db.js';
import { createLog } from '../../platform/log.js';
import { loadEventFile } from '../event/loadEventFile.js';
import { SEED_EVENT_FILE } from '../memoryRoom.js';
import { SqliteAsyncAgendaStore, type AsyncAgendaStore } from './asyncAgendaStore.js';
import { LiveAgenda } from './liveAgenda.js';

const event = loadEventFile(SEED_EVENT_FILE);
const MODERATOR = { kind: 'participant', participantId: event.moderators[0]!.id, role: 'moderator' } as const;
const log = createLog('silent');

async function twoNodes(store: (db: ReturnType<typeof openDatabase>) => AsyncAgendaStore = (db) => new SqliteAsyncAgendaStore(db)) {
  const db = openDatabase(':memory:');
  const time = new ManualTime(Date.UTC(2025, 9, 23, 7, 0));
  const a = await LiveAgenda.openShared(event, store(db), time, time, log);
  const b = await LiveAgenda.openShared(event, store(db), time, time, log);
  const effects = { a: [] as string[], b: [] as string[] };
  a.start((list) => effects.a.push(...list.map((e) => e.type)));
  b.start((list) => effects.b.push(...list.map((e) => e.type)));
  return { db, time, a, b, effects, stored: () => new SqliteAsyncAgendaStore(db).load() };
}

const moderate = (agenda: LiveAgenda, action: Action, expectedVersion = agenda.state.version): Command => ({ action, by: MODERATOR, expectedVersion });

/** Run the agenda on `agenda` into the breakouts (doors, start, next), one command at a time. */
async function intoBreakouts(agenda: LiveAgenda): Promise<AgendaState> {
  for (const type of ['openDoors', 'start', 'next'] as const) expect(await agenda.submit(moderate(agenda, { type }))).toMatchObject({ ok: true });
  expect(agenda.state.phase.kind).toBe('breakouts');
  return agenda.state;
}

describe('a shared agenda', () => {
  test('the first node to boot saves the initial agenda; the second reads it instead of writing its own', async () => {
    const { a, b, stored } = await twoNodes();
    expect(a.isShared).toBe(true);
    expect(b.state).toStrictEqual(a.state);
    const loaded = await stored();
    expect(loaded).toMatchObject({ kind: 'restored', state: { version: a.state.version } });
  });

  test('two moderators on two nodes press "open doors" on the same version: exactly one transition, the other is told it is stale', async () => {
    const { a, b, effects, db } = await twoNodes();
    const seen = a.state.version;
    const [ra, rb] = await Promise.all([a.submit(moderate(a, { type: 'openDoors' }, seen)), b.submit(moderate(b, { type: 'openDoors' }, seen))]);
    const results = [ra, rb];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ code: 'stale_version' }]);
    // Both nodes hold the one new state; the command log has one openDoors.
    expect(a.state.version).toBe(seen + 1);
    expect(b.state.version).toBe(seen + 1);
    const logged = db.prepare(`SELECT count(*) AS n FROM commands WHERE json_extract(action, '$.type') = 'openDoors'`).get() as { n: number };
    expect(logged.n).toBe(1);
    // Only the node that committed performed the effects of the transition.
    expect([effects.a.includes('agendaChanged'), effects.b.includes('agendaChanged')].filter(Boolean)).toHaveLength(1);
  });

  test('the server\'s own action on a node that is behind is applied again to the stored agenda, not refused', async () => {
    const { a, b, stored } = await twoNodes();
    expect(await a.submit(moderate(a, { type: 'openDoors' }))).toMatchObject({ ok: true });
    // b has not heard of it: its admission is computed on the old state, found stale, re-read and applied.
    const admitted = await b.submitSystem({ type: 'admit', participant: { id: 'p1', name: 'Ada', role: 'attendee', preferences: ['skills'] } });
    expect(admitted).toMatchObject({ ok: true });
    expect(b.state.phase.kind).toBe('lobby');
    const loaded = await stored();
    expect(loaded.kind === 'restored' && loaded.state.phase.kind).toBe('lobby');
    expect(loaded.kind === 'restored' && Object.keys(loaded.state.participants)).toContain('p1');
  });

  test('refresh adopts what another node saved and tells the listener, with the state before and after', async () => {
    const { a, b } = await twoNodes();
    const adopted: [number, number][] = [];
    b.onAdopted((before, after) => adopted.push([before.version, after.version]));
    await a.submit(moderate(a, { type: 'openDoors' }));
    await b.refresh();
    expect(b.state).toStrictEqual(a.state);
    expect(adopted).toEqual([[a.state.version - 1, a.state.version]]);
    // Nothing new: no second adoption.
    await b.refresh();
    expect(adopted).toHaveLength(1);
  });

  test('deadlines run only on the owner, and only when the fence still says it owns the event; the end of the breakouts applies once', async () => {
    const { a, b, time } = await twoNodes();
    const breakouts = await intoBreakouts(a);
    await b.refresh();
    if (breakouts.phase.kind !== 'breakouts' || breakouts.phase.timer.status !== 'running') throw new Error('breakouts without a running timer');
    const endsAt = breakouts.phase.timer.endsAt;
    // Nobody owns the event: nothing happens at the end.
    time.advanceTo(endsAt + 1);
    await Promise.resolve();
    expect(a.state.phase.kind).toBe('breakouts');
    // b owns it, but its fence says the lease is gone: still nothing.
    b.setOwner(true, { stillOwner: async () => false, claim: async () => true });
    time.advanceTo(endsAt + 2);
    await new Promise((r) => setImmediate(r));
    expect((await b.refresh(), b.state.phase.kind)).toBe('breakouts');
    // a owns it with a good fence (re-armed because it owns it now): the breakouts end, once.
    b.setOwner(false);
    a.setOwner(true, { stillOwner: async () => true, claim: async () => true });
    time.advanceTo(endsAt + 3);
    await new Promise((r) => setImmediate(r));
    await a.refresh();
    expect(a.state.phase.kind).not.toBe('breakouts');
    const after = a.state.version;
    time.advanceBy(60_000);
    await new Promise((r) => setImmediate(r));
    await b.refresh();
    expect(b.state.version).toBe(after);
  });

  test('the warning (a deadline that changes no state) is applied once: not armed again after it fired, and not at all when another node claimed it', async () => {
    const { a, b, time, effects } = await twoNodes();
    const breakouts = await intoBreakouts(a);
    await b.refresh();
    if (breakouts.phase.kind !== 'breakouts' || breakouts.phase.timer.status !== 'running') throw new Error('breakouts without a running timer');
    const warnAt = breakouts.phase.timer.endsAt - event.breakoutWarningSeconds * 1000;
    const claimed = new Set<string>();
    const claim = async (id: string, at: number) => !claimed.has(`${id}@${at}`) && Boolean(claimed.add(`${id}@${at}`));
    a.setOwner(true, { stillOwner: async () => true, claim });
    const settle = async () => { for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r)); };
    time.advanceTo(warnAt + 10);
    await settle();
    time.advanceTo(warnAt + 20);
    await settle();
    expect(effects.a.filter((e) => e === 'warn')).toHaveLength(1);
    // Node a dies; b owns the event and arms the warning again (it is still in the state), but a claimed it.
    a.stop();
    b.setOwner(true, { stillOwner: async () => true, claim });
    time.advanceTo(warnAt + 1_000);
    await settle();
    expect(effects.b.filter((e) => e === 'warn')).toHaveLength(0);
    expect(b.state.phase.kind).toBe('breakouts');
  });

  test('an unreachable store: the command is refused as unavailable, nothing is written, and it works again once the store is back', async () => {
    let down = false;
    const { a, stored } = await twoNodes((db) => {
      const real = new SqliteAsyncAgendaStore(db);
      return {
        load: () => (down ? Promise.reject(new Error('connect ECONNREFUSED')) : real.load()),
        save: (before, after, entry) => (down ? Promise.reject(new Error('connect ECONNREFUSED')) : real.save(before, after, entry)),
        scrubAdmissionName: (id, name) => real.scrubAdmissionName(id, name),
      };
    });
    const before = a.state;
    down = true;
    const refused = await a.submit(moderate(a, { type: 'openDoors' }));
    expect(refused).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringMatching(/cannot be saved right now.*nothing changed/) });
    expect(a.state).toBe(before);
    down = false;
    expect(await stored()).toMatchObject({ kind: 'restored', state: { version: before.version } });
    expect(await a.submit(moderate(a, { type: 'openDoors' }))).toMatchObject({ ok: true });
  });

  test('a shared agenda refuses the synchronous execute: every change goes through submit', async () => {
    const { a } = await twoNodes();
    expect(() => a.execute(moderate(a, { type: 'openDoors' }))).toThrow(/only through submit/);
  });
});
