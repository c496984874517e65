// The agenda store contract, run on both engines behind the async port: SQLite (the embedded store
// of `npm start`, through SqliteAsyncAgendaStore) and a real PostgreSQL started by the testkit
// (PostgresAgendaStore, the shared store of a cluster). Every state is made by the real engine.
import type { Database } from 'better-sqlite3';
import pg from 'pg';
import { startPostgres, type RunningPostgres } from '@live-workshop/testkit';
import { initialState, step, type Action, type Actor, type AgendaState } from '@live-workshop/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../platform/db/db.js';
import { migratePostgres } from '../../platform/db/postgresMigrations.js';
import { loadEventFile } from '../event/loadEventFile.js';
import { SEED_EVENT_FILE } from '../memoryRoom.js';
import { AGENDA_SCHEMA_VERSION } from './agendaMigrations.js';
import type { CommandEntry } from './agendaStore.js';
import { SqliteAsyncAgendaStore, StaleAgendaError, type AsyncAgendaStore } from './asyncAgendaStore.js';
import { PostgresAgendaStore } from './postgresAgendaStore.js';

const event = loadEventFile(SEED_EVENT_FILE);
const SYSTEM: Actor = { kind: 'system' };
const MODERATOR: Actor = { kind: 'participant', participantId: 'anastasia-pouliou', role: 'moderator' };
const T0 = Date.UTC(2025, 9, 23, 7, 0);

/** One engine's stores for one test: two handles on the same stored agenda (two nodes), and its command log read back. */
interface Engine {
  /** The node under test. */
  readonly store: AsyncAgendaStore;
  /** A second writer on the same stored agenda (another node of the cluster; another handle on the same file). */
  readonly otherNode: AsyncAgendaStore;
  /** The command log as stored, oldest first. */
  commandsLogged(): Promise<{ at: number; actor: Actor; action: { type: string }; versionAfter: number }[]>;
  /** Mark the stored agenda as written with schema version `version` (null: as before versions were written). */
  markSchemaVersion(version: number | null): Promise<void>;
  /** The schema version the stored agenda is marked with now. */
  schemaVersion(): Promise<number | null>;
  /** What was set aside as unreadable, parsed. */
  setAside(): Promise<unknown>;
}

interface EngineSetup {
  readonly name: string;
  beforeAll(): Promise<void>;
  open(): Promise<Engine>;
  afterAll(): Promise<void>;
}

const sqlite = ((): EngineSetup => {
  let db: Database;
  return {
    name: 'SQLite',
    beforeAll: async () => undefined,
    async open() {
      db = openDatabase(':memory:');
      const read = db.prepare<[], { at: number; actor: string; action: string; version_after: number }>('SELECT at, actor, action, version_after FROM commands ORDER BY seq');
      const meta = (key: string) => db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
      return {
        async markSchemaVersion(version) {
          db.prepare(`DELETE FROM meta WHERE key = 'agenda:schemaVersion'`).run();
          if (version !== null) db.prepare(`INSERT INTO meta (key, value) VALUES ('agenda:schemaVersion', ?)`).run(String(version));
        },
        schemaVersion: async () => { const v = meta('agenda:schemaVersion'); return v === undefined ? null : Number(v); },
        setAside: async () => { const v = meta('agenda:unreadable'); return v === undefined ? null : JSON.parse(v); },
        store: new SqliteAsyncAgendaStore(db),
        otherNode: new SqliteAsyncAgendaStore(db),
        commandsLogged: async () => read.all().map((r) => ({ at: r.at, actor: JSON.parse(r.actor) as Actor, action: JSON.parse(r.action) as { type: string }, versionAfter: r.version_after })),
      };
    },
    afterAll: async () => undefined,
  };
})();

const postgres = ((): EngineSetup => {
  let server: RunningPostgres;
  let nodeA: pg.Pool;
  let nodeB: pg.Pool;
  let nextEvent = 0;
  return {
    name: 'PostgreSQL',
    async beforeAll() {
      server = await startPostgres();
      // Two pools: two nodes with their own connections to the one database.
      nodeA = new pg.Pool({ connectionString: server.url, max: 4 });
      nodeB = new pg.Pool({ connectionString: server.url, max: 4 });
      await Promise.all([migratePostgres(nodeA), migratePostgres(nodeB)]);
    },
    async open() {
      // A fresh event per test in the one database (rows are keyed by event id).
      const eventId = `contract-${++nextEvent}`;
      return {
        store: new PostgresAgendaStore(nodeA, eventId),
        otherNode: new PostgresAgendaStore(nodeB, eventId),
        async commandsLogged() {
          const { rows } = await nodeA.query<{ at: string; actor: Actor; action: { type: string }; version_after: number }>(
            'SELECT at, actor, action, version_after FROM agenda_commands WHERE event_id = $1 ORDER BY seq', [eventId]);
          return rows.map((r) => ({ at: Number(r.at), actor: r.actor, action: r.action, versionAfter: r.version_after }));
        },
        async markSchemaVersion(version) {
          await nodeA.query('UPDATE agenda SET schema_version = $2 WHERE event_id = $1', [eventId, version ?? 0]);
        },
        async schemaVersion() {
          const { rows } = await nodeA.query<{ schema_version: number }>('SELECT schema_version FROM agenda WHERE event_id = $1', [eventId]);
          return rows[0]?.schema_version ?? null;
        },
        async setAside() {
          const { rows } = await nodeA.query<{ kept: unknown }>('SELECT kept FROM agenda_unreadable WHERE event_id = $1', [eventId]);
          return rows[0]?.kept ?? null;
        },
      };
    },
    async afterAll() {
      await nodeA?.end();
      await nodeB?.end();
      await server?.stop();
    },
  };
})();

/** Apply one action as the engine does; the test fails if the engine refuses it. */
function apply(state: AgendaState, action: Action, by: Actor = SYSTEM, now = T0): AgendaState {
  const result = step(state, { action, by, expectedVersion: state.version }, now);
  if (!result.ok) throw new Error(`the engine refused ${action.type}: ${result.message}`);
  return result.state;
}
const admit = (state: AgendaState, id: string, name: string) =>
  apply(state, { type: 'admit', participant: { id, name, role: 'attendee', preferences: ['trust'] } });
const entryOf = (action: CommandEntry['action'], by: Actor = SYSTEM, at = T0): CommandEntry => ({ at, actor: by, action });

/** Save an initial state and a few changes, returning the last state saved. */
async function seeded(store: AsyncAgendaStore): Promise<AgendaState> {
  const init = initialState(event);
  await store.save(null, init, entryOf({ type: 'init' }));
  const withAda = admit(init, 'a-ada', 'Ada Lovelace');
  await store.save(init, withAda, entryOf({ type: 'admit', participant: { id: 'a-ada', name: 'Ada Lovelace', role: 'attendee', preferences: ['trust'] } }));
  return withAda;
}

describe.each([sqlite, postgres])('the agenda store on $name', (engine) => {
  let e: Engine;
  beforeAll(() => engine.beforeAll(), 120_000);
  afterAll(() => engine.afterAll());
  beforeEach(async () => {
    e = await engine.open();
  });

  test('an empty store has no agenda', async () => {
    expect(await e.store.load()).toEqual({ kind: 'none' });
  });

  test('what is saved is loaded back whole, by this node and by another', async () => {
    const init = initialState(event);
    await e.store.save(null, init, entryOf({ type: 'init' }));
    expect(await e.store.load()).toEqual({ kind: 'restored', state: init, migratedFrom: null });
    const opened = apply(init, { type: 'openDoors' }, MODERATOR, T0 + 1_000);
    await e.store.save(init, opened, entryOf({ type: 'openDoors' }, MODERATOR, T0 + 1_000));
    expect(await e.otherNode.load()).toEqual({ kind: 'restored', state: opened, migratedFrom: null });
  });

  test('participants added, changed and removed are stored as the roster says', async () => {
    let state = await seeded(e.store);
    const before = state;
    state = admit(state, 'a-bea', 'Bea');
    state = admit(state, 'a-cem', 'Cem');
    await e.store.save(before, state, entryOf({ type: 'admit', participant: { id: 'a-cem', name: 'Cem', role: 'attendee', preferences: ['trust'] } }));
    const loaded = await e.otherNode.load();
    expect(loaded.kind === 'restored' && Object.keys(loaded.state.participants).sort()).toEqual(['a-ada', 'a-bea', 'a-cem']);

    const removed = apply(state, { type: 'remove', participantId: 'a-bea' }, MODERATOR);
    await e.store.save(state, removed, entryOf({ type: 'remove', participantId: 'a-bea' }, MODERATOR));
    const after = await e.otherNode.load();
    expect(after).toEqual({ kind: 'restored', state: removed, migratedFrom: null });
    expect(after.kind === 'restored' && Object.keys(after.state.participants).sort()).toEqual(['a-ada', 'a-cem']);
  });

  test('every save logs its command: when, by whom, what, and the version after it', async () => {
    const state = await seeded(e.store);
    const opened = apply(state, { type: 'openDoors' }, MODERATOR, T0 + 5_000);
    await e.store.save(state, opened, entryOf({ type: 'openDoors' }, MODERATOR, T0 + 5_000));
    const log = await e.commandsLogged();
    expect(log.map((c) => c.action.type)).toEqual(['init', 'admit', 'openDoors']);
    expect(log[2]).toEqual({ at: T0 + 5_000, actor: MODERATOR, action: { type: 'openDoors' }, versionAfter: opened.version });
    expect(log[1]!.action).toMatchObject({ participant: { id: 'a-ada', name: 'Ada Lovelace' } });
  });

  test('a removed person\'s name is scrubbed from the command log that admitted them', async () => {
    await seeded(e.store);
    await e.store.scrubAdmissionName('a-ada', '(removed)');
    const log = await e.commandsLogged();
    expect(log[1]!.action).toMatchObject({ type: 'admit', participant: { id: 'a-ada', name: '(removed)' } });
    expect(JSON.stringify(log)).not.toContain('Lovelace');
  });

  test('two nodes cue from the same state: exactly one save wins, the other is stale and writes nothing', async () => {
    const state = await seeded(e.store);
    const byA = apply(state, { type: 'openDoors' }, MODERATOR, T0 + 1_000);
    const byB = apply(state, { type: 'start' }, MODERATOR, T0 + 1_001);
    const results = await Promise.allSettled([
      e.store.save(state, byA, entryOf({ type: 'openDoors' }, MODERATOR, T0 + 1_000)),
      e.otherNode.save(state, byB, entryOf({ type: 'start' }, MODERATOR, T0 + 1_001)),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(StaleAgendaError);
    expect(lost[0]!.reason).toMatchObject({ code: 'stale', expected: { version: state.version, rosterRevision: state.rosterRevision } });
    const winner = results[0]!.status === 'fulfilled' ? byA : byB;
    expect(await e.store.load()).toEqual({ kind: 'restored', state: winner, migratedFrom: null });
    expect((await e.commandsLogged()).map((c) => c.action.type)).toEqual(['init', 'admit', winner === byA ? 'openDoors' : 'start']);
  });

  test('two roster changes from the same state (the agenda version unchanged): one wins, the loser\'s participant is not written', async () => {
    const state = await seeded(e.store);
    const withBea = admit(state, 'a-bea', 'Bea');
    const withCem = admit(state, 'a-cem', 'Cem');
    expect(withBea.version).toBe(state.version);
    const results = await Promise.allSettled([
      e.store.save(state, withBea, entryOf({ type: 'admit', participant: { id: 'a-bea', name: 'Bea', role: 'attendee', preferences: ['trust'] } })),
      e.otherNode.save(state, withCem, entryOf({ type: 'admit', participant: { id: 'a-cem', name: 'Cem', role: 'attendee', preferences: ['trust'] } })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results[0]!.status === 'fulfilled' ? withBea : withCem;
    expect(await e.otherNode.load()).toEqual({ kind: 'restored', state: winner, migratedFrom: null });
  });

  test('a save from a state another node has moved past is refused as stale, and the stored agenda stays as it was', async () => {
    const state = await seeded(e.store);
    const opened = apply(state, { type: 'openDoors' }, MODERATOR, T0 + 1_000);
    await e.otherNode.save(state, opened, entryOf({ type: 'openDoors' }, MODERATOR));
    const late = admit(state, 'a-bea', 'Bea');
    await expect(e.store.save(state, late, entryOf({ type: 'admit', participant: { id: 'a-bea', name: 'Bea', role: 'attendee', preferences: ['trust'] } })))
      .rejects.toMatchObject({ code: 'stale', found: { version: opened.version, rosterRevision: opened.rosterRevision } });
    expect(await e.store.load()).toEqual({ kind: 'restored', state: opened, migratedFrom: null });
    expect((await e.commandsLogged()).map((c) => c.action.type)).toEqual(['init', 'admit', 'openDoors']);
  });

  test('two nodes starting a fresh event at once: one initial state is stored, the other is stale', async () => {
    const init = initialState(event);
    const results = await Promise.allSettled([
      e.store.save(null, init, entryOf({ type: 'init' })),
      e.otherNode.save(null, admit(init, 'a-ada', 'Ada'), entryOf({ type: 'init' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(lost.reason).toMatchObject({ code: 'stale', expected: null });
    expect(await e.commandsLogged()).toHaveLength(1);
  });

  test('a state saved before schema versions is migrated on load, marked with this release\'s version, and loads the same again', async () => {
    const state = await seeded(e.store);
    await e.markSchemaVersion(null);
    expect(await e.store.load()).toEqual({ kind: 'restored', state, migratedFrom: 0 });
    expect(await e.schemaVersion()).toBe(AGENDA_SCHEMA_VERSION);
    expect(await e.otherNode.load()).toEqual({ kind: 'restored', state, migratedFrom: null });
  });

  test('a state from a newer release is set aside whole, with the problem said; the store is then empty for a fresh start', async () => {
    const state = await seeded(e.store);
    await e.markSchemaVersion(99);
    const loaded = await e.store.load();
    expect(loaded).toMatchObject({ kind: 'unreadable', problem: expect.stringMatching(/newer release \(schema version 99; this server reads up to 1\)/) });
    expect(await e.setAside()).toMatchObject({ version: 99, core: { version: state.version, phase: { kind: 'scheduled' } }, participants: [{ id: 'a-ada', name: 'Ada Lovelace' }] });
    expect(await e.store.load()).toEqual({ kind: 'none' });
    const fresh = initialState(event);
    await e.store.save(null, fresh, entryOf({ type: 'init' }));
    expect(await e.otherNode.load()).toEqual({ kind: 'restored', state: fresh, migratedFrom: null });
  });
});
