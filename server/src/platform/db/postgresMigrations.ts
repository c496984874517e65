// The PostgreSQL schema (the shared store of a cluster, issue 16) as numbered steps, kept like the
// SQLite list in migrations.ts beside it: add a step at the end, never edit one that has shipped;
// `lw_schema.version` counts the steps applied. The two lists are separate because the dialects
// differ (jsonb, bigserial, one database for many events, so every row carries its event id),
// but they hold the same things under the same names, and the same store contract tests run on
// both (live/agenda/agendaStoreContract.test.ts).
//
// Left for issue 16: so far only the agenda (state, participants, command log) has a PostgreSQL
// store. People, registrations, credentials' generations, chat, questions, attendance and
// certificates get their steps here as their stores move to the async port.
import type pg from 'pg';
import { inTransaction } from './pgTransaction.js';

/** The PostgreSQL schema, one step per release that changed it. */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  // The live agenda of each event: the core (everything but participants) with its schema version
  // and the two counters a save compares and sets (agenda version, roster revision); the
  // participants one row each; the command log; a state this release could not read, kept whole.
  `CREATE TABLE agenda (
     event_id TEXT PRIMARY KEY,
     core JSONB NOT NULL,
     schema_version INTEGER NOT NULL,
     version INTEGER NOT NULL,
     roster_revision INTEGER NOT NULL
   );
   CREATE TABLE agenda_participants (
     event_id TEXT NOT NULL,
     id TEXT NOT NULL,
     record JSONB NOT NULL,
     PRIMARY KEY (event_id, id)
   );
   CREATE TABLE agenda_commands (
     seq BIGSERIAL PRIMARY KEY,
     event_id TEXT NOT NULL,
     at BIGINT NOT NULL,
     actor JSONB NOT NULL,
     action JSONB NOT NULL,
     version_after INTEGER NOT NULL
   );
   CREATE INDEX agenda_commands_by_event ON agenda_commands (event_id, seq);
   CREATE TABLE agenda_unreadable (
     event_id TEXT NOT NULL,
     kept JSONB NOT NULL,
     set_aside_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
  // Who holds each live event (cluster/eventLease.ts): expiry in the database's clock, a fencing token.
  `CREATE TABLE event_leases (
     event_id TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     token BIGINT NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL
   );`,
  // Deadlines that change no state (the breakouts' warning) applied once across nodes: the first
  // holder of the lease to claim a deadline (its id and due time) applies it (cluster/eventOwnership.ts).
  `CREATE TABLE deadline_claims (
     event_id TEXT NOT NULL,
     deadline_id TEXT NOT NULL,
     due_at BIGINT NOT NULL,
     token BIGINT NOT NULL,
     claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     PRIMARY KEY (event_id, deadline_id, due_at)
   );`,
];

/** Any fixed number: the advisory lock key under which one node at a time migrates. */
const MIGRATION_LOCK_KEY = 0x4c57_0016;

/**
 * Bring the database to this release's schema; safe when several nodes boot at once (they take
 * turns under a transaction-scoped advisory lock; the missing steps and the new version commit
 * together or not at all). A database migrated by a newer release is refused.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, 'BEGIN', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS lw_schema (only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row), version INTEGER NOT NULL)');
    await client.query('INSERT INTO lw_schema (version) VALUES (0) ON CONFLICT DO NOTHING');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM lw_schema');
    const version = rows[0]!.version;
    if (version > POSTGRES_MIGRATIONS.length) {
      throw new Error(`the PostgreSQL database was migrated by a newer release (schema step ${version}; this server knows ${POSTGRES_MIGRATIONS.length})`);
    }
    for (let i = version; i < POSTGRES_MIGRATIONS.length; i++) {
      await client.query(POSTGRES_MIGRATIONS[i]!);
      await client.query('UPDATE lw_schema SET version = $1', [i + 1]);
    }
  });
}
