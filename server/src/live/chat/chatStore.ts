import type { Database } from 'better-sqlite3';
import type { ChatMessage, Role, RoomId } from '@live-workshop/shared';

interface ChatRow { id: number; room_id: RoomId; from_id: string; from_name: string; from_role: Role; text: string; at: number }

/** Chat lines per room, kept for the whole event. */
export class ChatStore {
  private readonly insert;
  private readonly recent;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO chat (room_id, from_id, from_name, from_role, text, at) VALUES (?, ?, ?, ?, ?, ?)`);
    this.recent = db.prepare<[string, number], ChatRow>(`SELECT * FROM chat WHERE room_id = ? ORDER BY id DESC LIMIT ?`);
  }

  add(message: Omit<ChatMessage, 'id'>): ChatMessage {
    const info = this.insert.run(message.roomId, message.from.id, message.from.name, message.from.role, message.text, message.at);
    return { ...message, id: Number(info.lastInsertRowid) };
  }

  /** The latest messages of a room, oldest first. */
  latest(roomId: RoomId, limit = 100): ChatMessage[] {
    return this.recent.all(roomId, limit).reverse().map((r) => ({
      id: r.id, roomId: r.room_id, from: { id: r.from_id, name: r.from_name, role: r.from_role }, text: r.text, at: r.at,
    }));
  }
}
