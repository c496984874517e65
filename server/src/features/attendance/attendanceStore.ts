import type { Database } from 'better-sqlite3';
import type { Phase, RoomId } from '@live-workshop/shared';

/** Where a fact comes from: the media server (LiveKit webhooks) or the signalling connection (Socket.IO). */
export type AttendanceSource = 'media' | 'signal';

/** One thing that really happened: someone joined or left a room (media) or the workshop (signal). */
export interface AttendanceEvent {
  readonly participantId: string;
  readonly source: AttendanceSource;
  readonly kind: 'joined' | 'left';
  /** The room for media facts; null for the signalling connection. */
  readonly roomId: RoomId | null;
  /** The phase and agenda item running when it happened. */
  readonly phase: Phase['kind'];
  readonly itemIndex: number | null;
  readonly at: number;
}

/** The agenda entered a phase (the timeline attendance is measured against). */
export interface TimelineEntry {
  readonly phase: Phase['kind'];
  readonly itemIndex: number | null;
  readonly at: number;
}

interface EventRow { participant_id: string; source: AttendanceSource; kind: 'joined' | 'left'; room_id: RoomId | null; phase: Phase['kind']; item_index: number | null; at: number }
const fromRow = (r: EventRow): AttendanceEvent => ({
  participantId: r.participant_id, source: r.source, kind: r.kind, roomId: r.room_id, phase: r.phase, itemIndex: r.item_index, at: r.at,
});

/** Attendance facts and the agenda timeline. */
export interface AttendanceStore {
  /** Record a fact (durable by the end of this event-loop turn at the latest). */
  add(event: AttendanceEvent): void;
  /** Record that the agenda entered a phase. */
  addPhase(entry: TimelineEntry): void;
  /** Make what is recorded durable now. */
  flush(): void;
  /** Every fact, or one person's, in the order they happened. */
  events(participantId?: string): AttendanceEvent[];
  timeline(): TimelineEntry[];
  /** Facts whose last word is "joined": still open (used to close them after a restart). */
  stillOpen(): AttendanceEvent[];
  /** Delete one person's facts. */
  forget(participantId: string): void;
  /** Delete every person's facts (the timeline holds no personal data and stays). */
  purge(): void;
}

/**
 * Attendance facts and the agenda timeline in SQLite. Writes are buffered and committed once per
 * event-loop turn, so a burst of webhooks after a cue costs one fsync, not thousands; every read flushes first.
 */
export class SqliteAttendanceStore implements AttendanceStore {
  private pending: (() => void)[] = [];
  private flushScheduled = false;
  private readonly insertEvent;
  private readonly insertPhase;
  private readonly allEvents;
  private readonly eventsOf;
  private readonly allTimeline;
  private readonly openIntervals;
  private readonly deleteOf;
  private readonly deleteAll;

  constructor(private readonly db: Database) {
    this.insertEvent = db.prepare(`INSERT INTO attendance_events (participant_id, source, kind, room_id, phase, item_index, at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.insertPhase = db.prepare(`INSERT INTO agenda_timeline (phase, item_index, at) VALUES (?, ?, ?)`);
    this.allEvents = db.prepare<[], EventRow>(`SELECT * FROM attendance_events ORDER BY id`);
    this.eventsOf = db.prepare<[string], EventRow>(`SELECT * FROM attendance_events WHERE participant_id = ? ORDER BY id`);
    this.allTimeline = db.prepare<[], TimelineEntry & { item_index: number | null }>(`SELECT phase, item_index, at FROM agenda_timeline ORDER BY id`);
    this.openIntervals = db.prepare<[], EventRow>(`
      SELECT e.* FROM attendance_events e
      JOIN (SELECT MAX(id) AS id FROM attendance_events GROUP BY participant_id, source, room_id) last ON last.id = e.id
      WHERE e.kind = 'joined'`);
    this.deleteOf = db.prepare(`DELETE FROM attendance_events WHERE participant_id = ?`);
    this.deleteAll = db.prepare(`DELETE FROM attendance_events`);
  }

  /** Record a fact (committed at the end of this event-loop turn). */
  add(event: AttendanceEvent): void {
    this.enqueue(() => this.insertEvent.run(event.participantId, event.source, event.kind, event.roomId, event.phase, event.itemIndex, event.at));
  }

  /** Record that the agenda entered a phase. */
  addPhase(entry: TimelineEntry): void {
    this.enqueue(() => this.insertPhase.run(entry.phase, entry.itemIndex, entry.at));
  }

  /** Commit what is buffered now. */
  flush(): void {
    if (this.pending.length === 0) return;
    const work = this.pending;
    this.pending = [];
    this.db.transaction(() => { for (const w of work) w(); })();
  }

  /** Every fact, or one person's, in the order they happened. */
  events(participantId?: string): AttendanceEvent[] {
    this.flush();
    return (participantId === undefined ? this.allEvents.all() : this.eventsOf.all(participantId)).map(fromRow);
  }

  timeline(): TimelineEntry[] {
    this.flush();
    return this.allTimeline.all().map((r) => ({ phase: r.phase, itemIndex: r.item_index, at: r.at }));
  }

  /** Facts whose last word is "joined": still open (used to close them after a restart). */
  stillOpen(): AttendanceEvent[] {
    this.flush();
    return this.openIntervals.all().map(fromRow);
  }

  /** Delete one person's facts. */
  forget(participantId: string): void {
    this.flush();
    this.deleteOf.run(participantId);
  }

  /** Delete every person's facts (the timeline holds no personal data and stays). */
  purge(): void {
    this.flush();
    this.deleteAll.run();
  }

  private enqueue(work: () => void): void {
    this.pending.push(work);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }
}
