// PostgreSQL's schema steps on a real server: nodes booting together migrate once, a restart
// changes nothing, and a database from a newer release is refused before anything is written.
import pg from 'pg';
import { startPostgres, type RunningPostgres } from '@live-workshop/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migratePostgres, POSTGRES_MIGRATIONS } from './postgresMigrations.js';

describe('migratePostgres', () => {
  let server: RunningPostgres;
  let pool: pg.Pool;
  beforeAll(async () => {
    server = await startPostgres();
    pool = new pg.Pool({ connectionString: server.url, max: 6 });
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  });

  const schemaStep = async () => (await pool.query<{ version: number }>('SELECT version FROM lw_schema')).rows.map((r) => r.version);
  const tables = async () =>
    (await pool.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((r) => r.tablename);

  test('three nodes booting at once apply every step exactly once; booting again changes nothing', async () => {
    await Promise.all([migratePostgres(pool), migratePostgres(pool), migratePostgres(pool)]);
    expect(await schemaStep()).toEqual([POSTGRES_MIGRATIONS.length]);
    expect(await tables()).toEqual(['agenda', 'agenda_commands', 'agenda_participants', 'agenda_unreadable', 'deadline_claims', 'event_leases', 'lw_schema']);
    await pool.query(`INSERT INTO agenda (event_id, core, schema_version, version, roster_revision) VALUES ('kept', '{}', 1, 1, 1)`);
    await migratePostgres(pool);
    expect(await schemaStep()).toEqual([POSTGRES_MIGRATIONS.length]);
    expect((await pool.query(`SELECT event_id FROM agenda`)).rows).toEqual([{ event_id: 'kept' }]);
  });

  test('a database migrated by a newer release is refused with a clear error and left as it was', async () => {
    await migratePostgres(pool);
    await pool.query('UPDATE lw_schema SET version = 99');
    await expect(migratePostgres(pool)).rejects.toThrow(`the PostgreSQL database was migrated by a newer release (schema step 99; this server knows ${POSTGRES_MIGRATIONS.length})`);
    expect(await schemaStep()).toEqual([99]);
    await pool.query('UPDATE lw_schema SET version = $1', [POSTGRES_MIGRATIONS.length]);
  });
});
