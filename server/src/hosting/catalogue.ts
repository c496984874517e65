// The deployment's own small database (DATA_DIR/deployment.db, apart from every event's
// <event id>.sqlite): which events it hosts, from what, whether archived, and its organisers.
// Its migrations are its own list, append-only like the events' (platform/db/migrations.ts).
import Database, { type Database as Db } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { eventConfigSchema, type EventConfig } from '@live-workshop/shared';

/** The deployment database's schema, one step per entry; never edit an entry, only add. */
const CATALOGUE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE hosted_events (
     id TEXT PRIMARY KEY,
     config TEXT NOT NULL,
     source TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     created_by TEXT,
     archived_at INTEGER
   );
   CREATE TABLE organisers (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     credential_generation INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   );`,
  // Organisers invited by organisers, and revoked ones: kept (events name who made them), never signed in again.
  `ALTER TABLE organisers ADD COLUMN removed_at INTEGER;`,
];

/** How an event came to the deployment. */
export type HostedEventSource = 'file' | 'upload' | 'form' | 'duplicate';

/** One hosted event as recorded: the event as it was created (its own database keeps later edits). */
export interface HostedEventRecord {
  readonly id: string;
  readonly config: EventConfig;
  readonly source: HostedEventSource;
  readonly createdAt: number;
  readonly createdBy: string | null;
  readonly archivedAt: number | null;
}

/** An organiser account: may create, archive and delete events, and sees every event's moderator links. */
export interface Organiser {
  readonly id: string;
  readonly name: string;
  readonly credentialGeneration: number;
  readonly createdAt: number;
}

interface OrganiserRow { id: string; name: string; credential_generation: number; created_at: number }

interface EventRow { id: string; config: string; source: HostedEventSource; created_at: number; created_by: string | null; archived_at: number | null }

/** Open (and migrate) the deployment database; ':memory:' for tests. */
export function openCatalogueDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < CATALOGUE_MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(CATALOGUE_MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
  return db;
}

/** The hosted events and organisers, in the deployment database. */
export class Catalogue {
  constructor(private readonly db: Db) {}

  events(): HostedEventRecord[] {
    return (this.db.prepare('SELECT * FROM hosted_events ORDER BY created_at, id').all() as EventRow[]).map(recordOf);
  }

  event(id: string): HostedEventRecord | null {
    const row = this.db.prepare('SELECT * FROM hosted_events WHERE id = ?').get(id) as EventRow | undefined;
    return row ? recordOf(row) : null;
  }

  /** Record a new event; false when the id is taken. */
  add(record: Omit<HostedEventRecord, 'archivedAt'>): boolean {
    const result = this.db.prepare('INSERT OR IGNORE INTO hosted_events (id, config, source, created_at, created_by, archived_at) VALUES (?, ?, ?, ?, ?, NULL)')
      .run(record.id, JSON.stringify(record.config), record.source, record.createdAt, record.createdBy);
    return result.changes === 1;
  }

  /** The default event (from the event file) is recorded at each boot, as the file says now. */
  recordDefault(config: EventConfig, now: number): void {
    this.db.prepare(`INSERT INTO hosted_events (id, config, source, created_at, created_by, archived_at) VALUES (?, ?, 'file', ?, NULL, NULL)
      ON CONFLICT (id) DO UPDATE SET config = excluded.config, archived_at = NULL`).run(config.id, JSON.stringify(config), now);
  }

  archive(id: string, now: number): void {
    this.db.prepare('UPDATE hosted_events SET archived_at = ? WHERE id = ? AND archived_at IS NULL').run(now, id);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM hosted_events WHERE id = ?').run(id);
  }

  /** The organisers who may sign in (revoked ones are left out). */
  organisers(): Organiser[] {
    return (this.db.prepare('SELECT id, name, credential_generation, created_at FROM organisers WHERE removed_at IS NULL ORDER BY created_at, id').all() as OrganiserRow[])
      .map((r) => ({ id: r.id, name: r.name, credentialGeneration: r.credential_generation, createdAt: r.created_at }));
  }

  /** An organiser who may sign in, or null (unknown or revoked). */
  organiser(id: string): Organiser | null {
    return this.organisers().find((o) => o.id === id) ?? null;
  }

  /** Add an organiser; false when the id is taken (by a current or a revoked one). */
  addOrganiser(id: string, name: string, now: number): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO organisers (id, name, credential_generation, created_at) VALUES (?, ?, 0, ?)').run(id, name, now).changes === 1;
  }

  /**
   * Revoke an organiser: their links stop working (the generation moves on) and they are listed no
   * more. Never the last one; false when that would leave nobody, or there is no such organiser.
   */
  revokeOrganiser(id: string, now: number): 'revoked' | 'last' | 'unknown' {
    return this.db.transaction(() => {
      const active = this.organisers();
      if (!active.some((o) => o.id === id)) return 'unknown' as const;
      if (active.length === 1) return 'last' as const;
      this.db.prepare('UPDATE organisers SET removed_at = ?, credential_generation = credential_generation + 1 WHERE id = ?').run(now, id);
      return 'revoked' as const;
    }).immediate();
  }

  close(): void {
    this.db.close();
  }
}

function recordOf(row: EventRow): HostedEventRecord {
  return {
    id: row.id, config: eventConfigSchema.parse(JSON.parse(row.config)), source: row.source,
    createdAt: row.created_at, createdBy: row.created_by, archivedAt: row.archived_at,
  };
}
