// A connection cut while the PostgreSQL store holds it in a transaction (a database restart, an
// administrator's pg_terminate_backend): the save fails with an error and the process lives on.
// A pooled connection emits 'error' when its server goes away; pg's pool listens only while the
// connection is idle, so one checked out for a transaction had no listener: the node crashed
// (the cluster outage test's "command never answered" was its moderator's node dying).
import pg from 'pg';
import { startPostgres, waitFor, type RunningPostgres } from '@live-workshop/testkit';
import { initialState } from '@live-workshop/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migratePostgres } from '../../platform/db/postgresMigrations.js';
import { loadEventFile } from '../event/loadEventFile.js';
import { SEED_EVENT_FILE } from '../memoryRoom.js';
import { PostgresAgendaStore } from './postgresAgendaStore.js';

const event = loadEventFile(SEED_EVENT_FILE);
let server: RunningPostgres;
let nodePool: pg.Pool;
let admin: pg.Pool;
beforeAll(async () => {
  server = await startPostgres();
  nodePool = new pg.Pool({ connectionString: server.url, max: 4 });
  nodePool.on('error', () => undefined);
  admin = new pg.Pool({ connectionString: server.url, max: 2 });
  await migratePostgres(admin);
}, 120_000);
afterAll(async () => {
  await nodePool?.end();
  await admin?.end();
  await server?.stop();
});

test('a save whose connection is terminated mid-transaction is refused, nothing is written, and the store works again', async () => {
  const store = new PostgresAgendaStore(nodePool, 'cut-event');
  const first = initialState(event);
  await store.save(null, first, { at: 1, actor: { kind: 'system' }, action: { type: 'openDoors' } });
  const next = { ...first, version: first.version + 1 };

  // Hold the agenda row so the store's UPDATE waits inside its transaction, then cut that connection.
  const holder = await admin.connect();
  await holder.query('BEGIN');
  await holder.query(`SELECT 1 FROM agenda WHERE event_id = 'cut-event' FOR UPDATE`);
  const saving = store.save(first, next, { at: 2, actor: { kind: 'system' }, action: { type: 'openDoors' } });
  const waiting = await waitFor(async () => (await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE agenda%'`)).rows[0]?.pid ?? null, { what: 'the save to wait for the row lock' });
  await admin.query('SELECT pg_terminate_backend($1)', [waiting]);
  await expect(saving).rejects.toThrow(/terminat/i);
  await holder.query('ROLLBACK');
  holder.release();

  // Let the cut connection's close be delivered (where the crash came), then use the store again.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect((await store.stamp())?.version).toBe(first.version);
  await store.save(first, next, { at: 3, actor: { kind: 'system' }, action: { type: 'openDoors' } });
  expect((await store.stamp())?.version).toBe(next.version);
});
