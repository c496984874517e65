// The agenda store as an asynchronous port, for stores across the network (PostgreSQL, shared by
// the nodes of a cluster; issue 16). A save is a compare-and-set: it applies only when the stored
// agenda is still the `before` the change was computed from (same agenda version and roster
// revision), and fails with StaleAgendaError otherwise. Two nodes that apply a command to the same
// state therefore cannot both commit: exactly one transition per state, whichever node it ran on.
//
// LiveAgenda runs on this port when DATABASE_URL is set (LiveAgenda.submit: a stale save is
// re-read and applied again, or refused as `stale_version`); `npm start` keeps the synchronous
// AgendaStore. Deadlines and the autopilot are run by the holder of the event's lease
// (cluster/eventOwnership.ts).
import type { Database } from 'better-sqlite3';
import type { AgendaState } from '@live-workshop/shared';
import { transactionOf, type Transaction } from '../../platform/db/db.js';
import { SqliteAgendaStore, type CommandEntry, type LoadedAgenda } from './agendaStore.js';

/** Persists the live agenda over an asynchronous connection; every save checks that nobody saved since `before`. */
export interface AsyncAgendaStore {
  /** The saved state, migrated to this release's schema; or why it cannot be read (it is then set aside). */
  load(): Promise<LoadedAgenda>;
  /**
   * Save the change from `before` to `after` and log the command, atomically, if the stored agenda
   * is still `before` (`null`: nothing stored yet). Rejects with StaleAgendaError, writing nothing, when not.
   */
  save(before: AgendaState | null, after: AgendaState, entry: CommandEntry): Promise<void>;
  /** Replace the name a person was admitted under in the command log (their data was deleted). */
  scrubAdmissionName(participantId: string, replacement: string): Promise<void>;
}

/** The counters a save compares: what identifies one stored agenda state. */
export interface AgendaStamp {
  readonly version: number;
  readonly rosterRevision: number;
}

/** A save whose `before` is no longer the stored agenda (another writer saved first); nothing was written. */
export class StaleAgendaError extends Error {
  /** The closed reason, as in the protocol's `stale` refusal. */
  readonly code = 'stale' as const;
  constructor(
    /** What the writer expected to find (null: no agenda yet). */
    readonly expected: AgendaStamp | null,
    /** What is stored (null: no agenda). */
    readonly found: AgendaStamp | null,
  ) {
    const show = (s: AgendaStamp | null) => (s ? `version ${s.version}, roster revision ${s.rosterRevision}` : 'no agenda');
    super(`the agenda was saved by another writer: expected ${show(expected)}, found ${show(found)}`);
    this.name = 'StaleAgendaError';
  }
}

/** The stamp of a state, or null for "nothing stored". */
export const stampOf = (state: AgendaState | null): AgendaStamp | null => (state ? { version: state.version, rosterRevision: state.rosterRevision } : null);

/**
 * The SQLite agenda store behind the async port, with the same compare-and-set (checked and written
 * in one SQLite transaction). For the store contract tests and a one-node setup on the async port;
 * `npm start` keeps using SqliteAgendaStore directly.
 */
export class SqliteAsyncAgendaStore implements AsyncAgendaStore {
  private readonly store: SqliteAgendaStore;
  private readonly transaction: Transaction;
  private readonly storedStamp;

  constructor(db: Database) {
    this.store = new SqliteAgendaStore(db);
    this.transaction = transactionOf(db);
    this.storedStamp = db.prepare<[], { version: number; rosterRevision: number }>(
      `SELECT json_extract(value, '$.version') AS version, json_extract(value, '$.rosterRevision') AS rosterRevision FROM meta WHERE key = 'agenda'`,
    );
  }

  async load(): Promise<LoadedAgenda> {
    return this.store.load();
  }

  async save(before: AgendaState | null, after: AgendaState, entry: CommandEntry): Promise<void> {
    this.transaction(() => {
      const found = this.storedStamp.get() ?? null;
      const expected = stampOf(before);
      const same = found === null || expected === null ? found === expected : found.version === expected.version && found.rosterRevision === expected.rosterRevision;
      if (!same) throw new StaleAgendaError(expected, found);
      this.store.save(before, after, entry);
    });
  }

  async scrubAdmissionName(participantId: string, replacement: string): Promise<void> {
    this.store.scrubAdmissionName(participantId, replacement);
  }
}
