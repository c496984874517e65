import type { Database } from 'better-sqlite3';
import type { ChatMessage, Role, RoomId } from '@live-workshop/shared';

interface ChatRow { id: number; room_id: RoomId; from_id: string; from_name: string; from_role: Role; text: string; at: number }

/** A person's own chat line, as their data export shows it. */
export interface OwnChatLine {
  readonly id: number;
  readonly roomId: RoomId;
  readonly text: string;
  readonly at: number;
}

/** Chat lines per room, kept for the whole event. */
export interface ChatStore {
  add(message: Omit<ChatMessage, 'id'>): ChatMessage;
  /** The latest messages of a room, oldest first. */
  latest(roomId: RoomId, limit?: number): ChatMessage[];
  /** Every line a person wrote, oldest first. */
  writtenBy(participantId: string): OwnChatLine[];
  /** Keep a person's lines but not who wrote them (their data was deleted). */
  anonymise(participantId: string, name: string): void;
}

const fromRow = (r: ChatRow): ChatMessage => ({
  id: r.id, roomId: r.room_id, from: { id: r.from_id, name: r.from_name, role: r.from_role }, text: r.text, at: r.at,
});

/** The chat in the SQLite data file. */
export class SqliteChatStore implements ChatStore {
  private readonly insert;
  private readonly recent;
  private readonly byAuthor;
  private readonly anonymiseAuthor;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO chat (room_id, from_id, from_name, from_role, text, at) VALUES (?, ?, ?, ?, ?, ?)`);
    this.recent = db.prepare<[string, number], ChatRow>(`SELECT * FROM chat WHERE room_id = ? ORDER BY id DESC LIMIT ?`);
    this.byAuthor = db.prepare<[string], ChatRow>(`SELECT * FROM chat WHERE from_id = ? ORDER BY id`);
    this.anonymiseAuthor = db.prepare(`UPDATE chat SET from_id = 'deleted', from_name = ? WHERE from_id = ?`);
  }

  add(message: Omit<ChatMessage, 'id'>): ChatMessage {
    const info = this.insert.run(message.roomId, message.from.id, message.from.name, message.from.role, message.text, message.at);
    return { ...message, id: Number(info.lastInsertRowid) };
  }

  latest(roomId: RoomId, limit = 100): ChatMessage[] {
    return this.recent.all(roomId, limit).reverse().map(fromRow);
  }

  writtenBy(participantId: string): OwnChatLine[] {
    return this.byAuthor.all(participantId).map((r) => ({ id: r.id, roomId: r.room_id, text: r.text, at: r.at }));
  }

  anonymise(participantId: string, name: string): void {
    this.anonymiseAuthor.run(name, participantId);
  }
}
