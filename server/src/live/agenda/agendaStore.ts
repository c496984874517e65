import type { Database } from 'better-sqlite3';
import type { Actor, Action, AgendaState, Participant } from '@live-workshop/shared';

type AgendaCore = Omit<AgendaState, 'participants'>;

/** Persists the live agenda: the core as one row, participants one row each, and a command log. */
export class AgendaStore {
  private readonly getCore;
  private readonly putCore;
  private readonly allParticipants;
  private readonly putParticipant;
  private readonly deleteParticipant;
  private readonly logCommand;

  constructor(private readonly db: Database) {
    this.getCore = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'agenda'`);
    this.putCore = db.prepare(`INSERT INTO meta (key, value) VALUES ('agenda', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    this.allParticipants = db.prepare<[], { record: string }>(`SELECT record FROM participants`);
    this.putParticipant = db.prepare(`INSERT INTO participants (id, record) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record`);
    this.deleteParticipant = db.prepare(`DELETE FROM participants WHERE id = ?`);
    this.logCommand = db.prepare(`INSERT INTO commands (at, actor, action, version_after) VALUES (?, ?, ?, ?)`);
  }

  /** The saved state, or null on a fresh database. */
  load(): AgendaState | null {
    const row = this.getCore.get();
    if (!row) return null;
    const core = JSON.parse(row.value) as AgendaCore;
    const participants: Record<string, Participant> = {};
    for (const { record } of this.allParticipants.all()) {
      const p = JSON.parse(record) as Participant;
      participants[p.id] = p;
    }
    return { ...core, participants };
  }

  /** Save the change from `before` to `after` and log the command, atomically. */
  save(before: AgendaState | null, after: AgendaState, entry: { at: number; actor: Actor; action: Action | { type: 'init' } }): void {
    this.db.transaction(() => {
      const { participants, ...core } = after;
      if (!before || before.version !== after.version || before.rosterRevision !== after.rosterRevision || before.event !== after.event || before.nextSeq !== after.nextSeq) {
        this.putCore.run(JSON.stringify(core));
      }
      for (const [id, p] of Object.entries(participants)) {
        if (before?.participants[id] !== p) this.putParticipant.run(id, JSON.stringify(p));
      }
      if (before) for (const id of Object.keys(before.participants)) if (!(id in participants)) this.deleteParticipant.run(id);
      this.logCommand.run(entry.at, JSON.stringify(entry.actor), JSON.stringify(entry.action), after.version);
    })();
  }
}
