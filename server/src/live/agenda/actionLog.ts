import type { Database } from 'better-sqlite3';
import {
  ACTION_LOG_LINES, actionLogEntryOf, actionLogLineOf, EVENTS, type ActionLogEntry, type ActionLogLine, type AgendaState,
} from '@live-workshop/shared';
import { topics, type RoomSocket, type Transport } from '../realtime/transport.js';
import type { LiveAgenda } from './liveAgenda.js';

/** Where the action log is kept: appended to, and read back newest last. */
export interface ActionLogStore {
  append(entry: ActionLogEntry): void;
  recent(limit: number): ActionLogEntry[];
}

/** The action log in the SQLite data file, one row per entry. People appear by id only: their names are looked up when it is read. */
export class SqliteActionLogStore implements ActionLogStore {
  private readonly insert;
  private readonly latest;

  constructor(db: Database) {
    this.insert = db.prepare<[string]>(`INSERT INTO action_log (entry) VALUES (?)`);
    this.latest = db.prepare<[number], { entry: string }>(`SELECT entry FROM action_log ORDER BY id DESC LIMIT ?`);
  }

  append(entry: ActionLogEntry): void {
    this.insert.run(JSON.stringify(entry));
  }

  recent(limit: number): ActionLogEntry[] {
    return this.latest.all(limit).map((r) => JSON.parse(r.entry) as ActionLogEntry).reverse();
  }
}

/**
 * Co-moderators see each other's actions: each accepted agenda or roster command (and an item
 * ended by its time) is kept and sent to every moderator as it happens; a moderator who connects
 * gets the last ACTION_LOG_LINES. Names come from the agenda's people at the time of sending, so a
 * person whose data was deleted is no longer named in it.
 */
export class ActionLog {
  constructor(
    private readonly store: ActionLogStore,
    private readonly transport: Pick<Transport, 'publish'>,
    private readonly state: () => AgendaState,
  ) {}

  /** Follow the agenda's accepted commands. */
  follow(agenda: Pick<LiveAgenda, 'onCommitted'>): void {
    agenda.onCommitted((command, after, at) => {
      const entry = actionLogEntryOf(command.by, command.action, after, at);
      if (!entry) return;
      this.store.append(entry);
      this.transport.publish(topics.moderators, EVENTS.actionsLogged, [this.line(entry)]);
    });
  }

  /** A moderator connected: the latest lines. */
  greet(socket: Pick<RoomSocket, 'send'>): void {
    socket.send(EVENTS.actionsLogged, this.store.recent(ACTION_LOG_LINES).map((e) => this.line(e)));
  }

  private line(entry: ActionLogEntry): ActionLogLine {
    const people = this.state().participants;
    return actionLogLineOf(entry, (id) => people[id]?.name ?? null);
  }
}
