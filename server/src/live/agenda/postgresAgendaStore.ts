// The live agenda in PostgreSQL, the store a cluster's nodes share (issue 16). The same shape as the
// SQLite store (the core as one row with its schema version, participants one row each, a command
// log), keyed by event id because one database holds every event. The tables come from
// platform/db/postgresMigrations.ts.
//
// Why compare-and-set on the agenda row (and not a lock held while computing): a node computes the
// next state from the one it holds, then saves with `UPDATE agenda … WHERE version = before.version
// AND roster_revision = before.rosterRevision`. PostgreSQL's row lock makes a second writer with the
// same `before` wait for the first to commit and then match zero rows: it gets StaleAgendaError and
// writes nothing. So exactly one transition commits per state, on whichever node, with no lock held
// across the network between reading and writing. (Both counters are compared because roster
// commands move only the roster revision.) Who arms deadlines is a separate question: see the note
// at the top of asyncAgendaStore.ts.
import type pg from 'pg';
import type { AgendaState, Participant } from '@live-workshop/shared';
import { AGENDA_SCHEMA_VERSION, migrateAgenda, type SavedAgenda } from './agendaMigrations.js';
import type { CommandEntry, LoadedAgenda } from './agendaStore.js';
import { inTransaction } from '../../platform/db/pgTransaction.js';
import { StaleAgendaError, stampOf, type AgendaStamp, type AsyncAgendaStore } from './asyncAgendaStore.js';

type AgendaCore = Omit<AgendaState, 'participants'>;

/** The LISTEN/NOTIFY channel on which each save names the event and its new stamp. */
export const AGENDA_CHANNEL = 'lw_agenda';

/** Where an unreadable state is kept, as LoadedAgenda's `keptAs` names it. */
const UNREADABLE_TABLE = 'agenda_unreadable';

/** The agenda of one event in a PostgreSQL database migrated by `migratePostgres`. */
export class PostgresAgendaStore implements AsyncAgendaStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly eventId: string,
  ) {}

  async load(): Promise<LoadedAgenda> {
    // One snapshot for the core and the participants, so a save committing in between is seen whole or not at all.
    const read = await inTransaction(this.pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
      const core = await client.query<{ core: Record<string, unknown>; schema_version: number; version: number; roster_revision: number }>(
        'SELECT core, schema_version, version, roster_revision FROM agenda WHERE event_id = $1', [this.eventId]);
      const row = core.rows[0];
      if (!row) return null;
      const participants = await client.query<{ record: Record<string, unknown> }>('SELECT record FROM agenda_participants WHERE event_id = $1', [this.eventId]);
      return { row, saved: { core: row.core, participants: participants.rows.map((r) => r.record) } satisfies SavedAgenda };
    });
    if (!read) return { kind: 'none' };
    const { row, saved } = read;
    const migrated = migrateAgenda(row.schema_version, saved);
    if (!migrated.ok) return this.setAside(migrated.problem, saved, row.schema_version);
    const participants: Record<string, Participant> = {};
    for (const p of migrated.saved.participants as unknown as Participant[]) participants[p.id] = p;
    const state: AgendaState = { ...(migrated.saved.core as unknown as AgendaCore), participants };
    if (row.schema_version === AGENDA_SCHEMA_VERSION) return { kind: 'restored', state, migratedFrom: null };
    const rewritten = await inTransaction(this.pool, 'BEGIN', async (client) => {
      const updated = await client.query(
        'UPDATE agenda SET core = $2, schema_version = $3 WHERE event_id = $1 AND schema_version = $4 AND version = $5 AND roster_revision = $6',
        [this.eventId, migrated.saved.core, AGENDA_SCHEMA_VERSION, row.schema_version, row.version, row.roster_revision]);
      if (updated.rowCount === 0) return false;
      await client.query('DELETE FROM agenda_participants WHERE event_id = $1', [this.eventId]);
      await this.putParticipants(client, Object.values(participants));
      return true;
    });
    // Another node migrated or saved in between: read what it wrote.
    if (!rewritten) return this.load();
    return { kind: 'restored', state, migratedFrom: row.schema_version };
  }

  async save(before: AgendaState | null, after: AgendaState, entry: CommandEntry): Promise<void> {
    const { participants, ...core } = after;
    await inTransaction(this.pool, 'BEGIN', async (client) => {
      const claimed = before === null
        ? await client.query(
          `INSERT INTO agenda (event_id, core, schema_version, version, roster_revision) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING`,
          [this.eventId, core, AGENDA_SCHEMA_VERSION, after.version, after.rosterRevision])
        : coreChanged(before, after)
          ? await client.query(
            `UPDATE agenda SET core = $2, schema_version = $3, version = $4, roster_revision = $5 WHERE event_id = $1 AND version = $6 AND roster_revision = $7`,
            [this.eventId, core, AGENDA_SCHEMA_VERSION, after.version, after.rosterRevision, before.version, before.rosterRevision])
          // Nothing in the core changed, but the row is still claimed: that is what makes a concurrent writer stale.
          : await client.query(`UPDATE agenda SET version = version WHERE event_id = $1 AND version = $2 AND roster_revision = $3`,
            [this.eventId, before.version, before.rosterRevision]);
      if (claimed.rowCount === 0) throw new StaleAgendaError(stampOf(before), await this.storedStamp(client));
      const changed = Object.values(participants).filter((p) => before?.participants[p.id] !== p);
      await this.putParticipants(client, changed);
      const removed = before ? Object.keys(before.participants).filter((id) => !(id in participants)) : [];
      if (removed.length > 0) await client.query('DELETE FROM agenda_participants WHERE event_id = $1 AND id = ANY($2::text[])', [this.eventId, removed]);
      await client.query('INSERT INTO agenda_commands (event_id, at, actor, action, version_after) VALUES ($1, $2, $3, $4, $5)',
        [this.eventId, entry.at, entry.actor, entry.action, after.version]);
      // Delivered to the other nodes' listeners when (and only if) this transaction commits (cluster/agendaFollower.ts).
      await client.query('SELECT pg_notify($1, $2)', [AGENDA_CHANNEL, JSON.stringify({ eventId: this.eventId, ...stampOf(after) })]);
    });
  }

  /** The stamp of the stored agenda (null: none yet): what a node compares with the one it holds. */
  stamp(): Promise<AgendaStamp | null> {
    return this.storedStamp(this.pool);
  }

  async scrubAdmissionName(participantId: string, replacement: string): Promise<void> {
    await this.pool.query(
      `UPDATE agenda_commands SET action = jsonb_set(action, '{participant,name}', to_jsonb($3::text))
       WHERE event_id = $1 AND action->>'type' = 'admit' AND action->'participant'->>'id' = $2`,
      [this.eventId, participantId, replacement]);
  }

  /** Upsert participants in one statement (a cue may change thousands). */
  private async putParticipants(client: pg.PoolClient, list: readonly Participant[]): Promise<void> {
    if (list.length === 0) return;
    // Arrays are passed as JSON text: node-postgres would turn a JS array into a PostgreSQL array.
    await client.query(
      `INSERT INTO agenda_participants (event_id, id, record)
       SELECT $1, p->>'id', p FROM jsonb_array_elements($2::jsonb) AS p
       ON CONFLICT (event_id, id) DO UPDATE SET record = excluded.record`,
      [this.eventId, JSON.stringify(list)]);
  }

  private async storedStamp(db: pg.PoolClient | pg.Pool): Promise<AgendaStamp | null> {
    const { rows } = await db.query<{ version: number; roster_revision: number }>('SELECT version, roster_revision FROM agenda WHERE event_id = $1', [this.eventId]);
    return rows[0] ? { version: rows[0].version, rosterRevision: rows[0].roster_revision } : null;
  }

  /** Keep an unreadable state whole in its own table (nothing is lost), and clear the live one so a fresh state can start. */
  private async setAside(problem: string, saved: SavedAgenda, version: number): Promise<LoadedAgenda> {
    await inTransaction(this.pool, 'BEGIN', async (client) => {
      await client.query(`INSERT INTO ${UNREADABLE_TABLE} (event_id, kept) VALUES ($1, $2)`, [this.eventId, JSON.stringify({ version, ...saved })]);
      await client.query('DELETE FROM agenda WHERE event_id = $1', [this.eventId]);
      await client.query('DELETE FROM agenda_participants WHERE event_id = $1', [this.eventId]);
    });
    return { kind: 'unreadable', problem, keptAs: UNREADABLE_TABLE };
  }
}

/** Whether the core row must be rewritten (the same test as the SQLite store's). */
function coreChanged(before: AgendaState, after: AgendaState): boolean {
  return before.version !== after.version || before.rosterRevision !== after.rosterRevision || before.event !== after.event || before.nextSeq !== after.nextSeq;
}
