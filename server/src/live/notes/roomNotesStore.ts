import type { Database } from 'better-sqlite3';
import type { RoomNotes } from '@live-workshop/shared';

/** A room's notes as stored: who saved them last, by id (staff only) and by name. */
export interface StoredRoomNotes extends RoomNotes {
  readonly updatedById: string;
}

/** Each breakout room's notes, replaced on every save, kept for the whole event. */
export interface RoomNotesStore {
  all(): StoredRoomNotes[];
  save(notes: StoredRoomNotes): void;
}

/** The room notes in the SQLite data file. */
export class SqliteRoomNotesStore implements RoomNotesStore {
  private readonly selectAll;
  private readonly upsert;

  constructor(db: Database) {
    this.selectAll = db.prepare<[], { breakout_id: string; text: string; updated_at: number; updated_by_id: string; updated_by_name: string }>(
      `SELECT * FROM room_notes ORDER BY breakout_id`);
    this.upsert = db.prepare(`INSERT INTO room_notes (breakout_id, text, updated_at, updated_by_id, updated_by_name) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(breakout_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
        updated_by_id = excluded.updated_by_id, updated_by_name = excluded.updated_by_name`);
  }

  all(): StoredRoomNotes[] {
    return this.selectAll.all().map((r) => ({ breakoutId: r.breakout_id, text: r.text, updatedAt: r.updated_at, updatedById: r.updated_by_id, updatedBy: r.updated_by_name }));
  }

  save(n: StoredRoomNotes): void {
    this.upsert.run(n.breakoutId, n.text, n.updatedAt, n.updatedById, n.updatedBy);
  }
}
