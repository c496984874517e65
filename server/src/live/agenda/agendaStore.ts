import type { Database } from 'better-sqlite3';
import type { Actor, Action, AgendaState, Participant } from '@live-workshop/shared';
import { transactionOf, type Transaction } from '../../platform/db/db.js';
import { SqliteMetaStore, type MetaStore } from '../../platform/db/metaStore.js';
import { AGENDA_SCHEMA_VERSION, migrateAgenda, type SavedAgenda } from './agendaMigrations.js';

type AgendaCore = Omit<AgendaState, 'participants'>;

/** What loading the saved agenda found. */
export type LoadedAgenda =
  | { readonly kind: 'none' }
  | { readonly kind: 'restored'; readonly state: AgendaState; readonly migratedFrom: number | null }
  | { readonly kind: 'unreadable'; readonly problem: string; readonly keptAs: string };

/** One entry of the command log. */
export interface CommandEntry {
  readonly at: number;
  readonly actor: Actor;
  readonly action: Action | { type: 'init' };
}

/** Persists the live agenda: its state, and a log of the commands that made it. */
export interface AgendaStore {
  /** The saved state, migrated to this release's schema; or why it cannot be read (it is then set aside). */
  load(): LoadedAgenda;
  /** Save the change from `before` to `after` and log the command, atomically. */
  save(before: AgendaState | null, after: AgendaState, entry: CommandEntry): void;
  /** Replace the name a person was admitted under in the command log (their data was deleted). */
  scrubAdmissionName(participantId: string, replacement: string): void;
}

const CORE_KEY = 'agenda';
const VERSION_KEY = 'agenda:schemaVersion';
const UNREADABLE_KEY = 'agenda:unreadable';

/** The agenda in the SQLite data file: the core as one meta row (with its schema version), participants one row each. */
export class SqliteAgendaStore implements AgendaStore {
  private readonly meta: MetaStore;
  private readonly transaction: Transaction;
  private readonly allParticipants;
  private readonly putParticipant;
  private readonly deleteParticipant;
  private readonly clearParticipants;
  private readonly logCommand;
  private readonly scrubAdmission;

  constructor(db: Database) {
    this.meta = new SqliteMetaStore(db);
    this.transaction = transactionOf(db);
    this.allParticipants = db.prepare<[], { record: string }>(`SELECT record FROM participants`);
    this.putParticipant = db.prepare(`INSERT INTO participants (id, record) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record`);
    this.deleteParticipant = db.prepare(`DELETE FROM participants WHERE id = ?`);
    this.clearParticipants = db.prepare(`DELETE FROM participants`);
    this.logCommand = db.prepare(`INSERT INTO commands (at, actor, action, version_after) VALUES (?, ?, ?, ?)`);
    this.scrubAdmission = db.prepare(`UPDATE commands SET action = json_set(action, '$.participant.name', ?)
      WHERE json_extract(action, '$.type') = 'admit' AND json_extract(action, '$.participant.id') = ?`);
  }

  load(): LoadedAgenda {
    const coreJson = this.meta.get(CORE_KEY);
    if (coreJson === null) return { kind: 'none' };
    const versionJson = this.meta.get(VERSION_KEY);
    const version = versionJson === null ? 0 : (JSON.parse(versionJson) as number);
    const saved: SavedAgenda = {
      core: JSON.parse(coreJson) as Record<string, unknown>,
      participants: this.allParticipants.all().map(({ record }) => JSON.parse(record) as Record<string, unknown>),
    };
    const migrated = migrateAgenda(version, saved);
    if (!migrated.ok) return this.setAside(migrated.problem, saved, version);
    const participants: Record<string, Participant> = {};
    for (const p of migrated.saved.participants as unknown as Participant[]) participants[p.id] = p;
    const state = { ...(migrated.saved.core as unknown as AgendaCore), participants };
    if (version === AGENDA_SCHEMA_VERSION) return { kind: 'restored', state, migratedFrom: null };
    this.transaction(() => {
      this.meta.set(CORE_KEY, JSON.stringify(migrated.saved.core));
      this.clearParticipants.run();
      for (const p of Object.values(participants)) this.putParticipant.run(p.id, JSON.stringify(p));
      this.meta.set(VERSION_KEY, JSON.stringify(AGENDA_SCHEMA_VERSION));
    });
    return { kind: 'restored', state, migratedFrom: version };
  }

  save(before: AgendaState | null, after: AgendaState, entry: CommandEntry): void {
    this.transaction(() => {
      const { participants, ...core } = after;
      if (!before || before.version !== after.version || before.rosterRevision !== after.rosterRevision || before.event !== after.event || before.nextSeq !== after.nextSeq) {
        this.meta.set(CORE_KEY, JSON.stringify(core));
        this.meta.set(VERSION_KEY, JSON.stringify(AGENDA_SCHEMA_VERSION));
      }
      for (const [id, p] of Object.entries(participants)) {
        if (before?.participants[id] !== p) this.putParticipant.run(id, JSON.stringify(p));
      }
      if (before) for (const id of Object.keys(before.participants)) if (!(id in participants)) this.deleteParticipant.run(id);
      this.logCommand.run(entry.at, JSON.stringify(entry.actor), JSON.stringify(entry.action), after.version);
    });
  }

  scrubAdmissionName(participantId: string, replacement: string): void {
    this.scrubAdmission.run(replacement, participantId);
  }

  /** Keep an unreadable state whole under another key (nothing is lost), and clear the live one so a fresh state can start. */
  private setAside(problem: string, saved: SavedAgenda, version: number): LoadedAgenda {
    this.transaction(() => {
      this.meta.set(UNREADABLE_KEY, JSON.stringify({ version, ...saved }));
      this.meta.delete(CORE_KEY);
      this.meta.delete(VERSION_KEY);
      this.clearParticipants.run();
    });
    return { kind: 'unreadable', problem, keptAs: UNREADABLE_KEY };
  }
}
