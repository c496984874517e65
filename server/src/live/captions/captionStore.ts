import type { Database } from 'better-sqlite3';
import type { CaptionLine, CaptionSourceKind, RoomId } from '@live-workshop/shared';

interface CaptionRow { id: number; room_id: RoomId; item_index: number | null; author_id: string; source: CaptionSourceKind; text: string; at: number }

/** A final caption line as stored, with the agenda item it belongs to. */
export interface StoredCaption extends CaptionLine {
  readonly id: number;
  readonly itemIndex: number | null;
  readonly authorId: string;
}

/** Final caption lines, kept for the transcripts. */
export interface CaptionStore {
  add(line: Omit<StoredCaption, 'id'>): StoredCaption;
  /** A room's lines, oldest first; of one agenda item when given. */
  transcript(roomId: RoomId, itemIndex?: number): StoredCaption[];
  /** The latest lines of a room, oldest first. */
  latest(roomId: RoomId, limit: number): StoredCaption[];
  /** The lines a person wrote. */
  writtenBy(authorId: string): StoredCaption[];
}

const fromRow = (r: CaptionRow): StoredCaption => ({
  id: r.id, roomId: r.room_id, itemIndex: r.item_index, authorId: r.author_id, source: r.source, text: r.text, at: r.at, final: true,
});

/** The captions in the SQLite data file. */
export class SqliteCaptionStore implements CaptionStore {
  private readonly insert;
  private readonly byRoom;
  private readonly byRoomItem;
  private readonly recent;
  private readonly byAuthor;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO captions (room_id, item_index, author_id, source, text, at) VALUES (?, ?, ?, ?, ?, ?)`);
    this.byRoom = db.prepare<[string], CaptionRow>(`SELECT * FROM captions WHERE room_id = ? ORDER BY id`);
    this.byRoomItem = db.prepare<[string, number], CaptionRow>(`SELECT * FROM captions WHERE room_id = ? AND item_index = ? ORDER BY id`);
    this.recent = db.prepare<[string, number], CaptionRow>(`SELECT * FROM captions WHERE room_id = ? ORDER BY id DESC LIMIT ?`);
    this.byAuthor = db.prepare<[string], CaptionRow>(`SELECT * FROM captions WHERE author_id = ? ORDER BY id`);
  }

  add(line: Omit<StoredCaption, 'id'>): StoredCaption {
    const info = this.insert.run(line.roomId, line.itemIndex, line.authorId, line.source, line.text, line.at);
    return { ...line, id: Number(info.lastInsertRowid) };
  }

  transcript(roomId: RoomId, itemIndex?: number): StoredCaption[] {
    return (itemIndex === undefined ? this.byRoom.all(roomId) : this.byRoomItem.all(roomId, itemIndex)).map(fromRow);
  }

  latest(roomId: RoomId, limit: number): StoredCaption[] {
    return this.recent.all(roomId, limit).reverse().map(fromRow);
  }

  writtenBy(authorId: string): StoredCaption[] {
    return this.byAuthor.all(authorId).map(fromRow);
  }
}
