// Facilitators' room notes, the server's side: the only writer of the notes. A room's facilitator
// (or a moderator) saves them; moderators and the room's facilitators hear each save; everyone
// receives the round's notes when a report-back item starts, again on each save while it runs,
// and null when it ends. Nobody else receives notes before the report-back.
import {
  facilitatesRoom, failure, reportBackRoundNow, roomNotesRefusal, roundOfRoom, success,
  type AgendaState, type ReportBack, type Result, type RoomNotes,
} from '@live-workshop/shared';
import type { Clock } from '../../platform/clock.js';
import type { RoomNotesStore, StoredRoomNotes } from './roomNotesStore.js';

/** Where notes go: the people who may see a room's notes as they are written, and everyone (the report-back). */
export interface RoomNotesOutlet {
  /** Moderators and these facilitators. */
  staff(notes: RoomNotes, facilitatorIds: readonly string[]): void;
  everyone(reportBack: ReportBack | null): void;
}

/** What the board needs. */
export interface RoomNotesBoardDeps {
  store: RoomNotesStore;
  clock: Clock;
  state: () => AgendaState;
  outlet: RoomNotesOutlet;
}

const publicView = ({ updatedById: _id, ...notes }: StoredRoomNotes): RoomNotes => notes;

/** The notes of every breakout room. */
export class RoomNotesBoard {
  private readonly notes = new Map<string, StoredRoomNotes>();

  constructor(private readonly deps: RoomNotesBoardDeps) {
    for (const n of deps.store.all()) this.notes.set(n.breakoutId, n);
  }

  /** Save a room's notes: its facilitator or a moderator; stored before anyone hears of it. */
  write(participantId: string, breakoutId: string, text: string): Result<RoomNotes> {
    const state = this.deps.state();
    const me = state.participants[participantId];
    const refused = roomNotesRefusal(state.event, me, breakoutId);
    if (refused) return failure(refused.code, refused.message);
    const saved: StoredRoomNotes = { breakoutId, text, updatedAt: this.deps.clock.now(), updatedById: participantId, updatedBy: me!.name };
    this.deps.store.save(saved);
    this.notes.set(breakoutId, saved);
    this.deps.outlet.staff(publicView(saved), this.facilitatorsOf(state, breakoutId));
    const now = this.reportBack(state);
    if (now && now.rooms.some((r) => r.breakoutId === breakoutId)) this.deps.outlet.everyone(now);
    return success(publicView(saved));
  }

  /** Every room's notes (moderators, the exports). */
  all(): RoomNotes[] {
    return [...this.notes.values()].map(publicView);
  }

  /** The notes of the rooms this person facilitates. */
  facilitatedBy(participantId: string): RoomNotes[] {
    const state = this.deps.state();
    const p = state.participants[participantId];
    return p ? this.all().filter((n) => facilitatesRoom(state.event, p, n.breakoutId)) : [];
  }

  /** The report-back running now, with the notes of its round's rooms; null when none runs. */
  reportBack(state = this.deps.state()): ReportBack | null {
    const now = reportBackRoundNow(state.event, state.phase);
    if (!now) return null;
    return {
      itemIndex: now.itemIndex,
      roundTitle: now.round.title,
      rooms: now.round.rooms.map((room) => {
        const saved = this.notes.get(room.id);
        return { breakoutId: room.id, title: room.title, notes: saved ? publicView(saved) : null };
      }),
    };
  }

  /** The agenda moved: a report-back that starts shows its notes, one that ends takes them down. */
  agendaMoved(before: AgendaState, after: AgendaState): void {
    const was = reportBackRoundNow(before.event, before.phase);
    const is = reportBackRoundNow(after.event, after.phase);
    if (was?.itemIndex !== is?.itemIndex) this.deps.outlet.everyone(this.reportBack(after));
  }

  private facilitatorsOf(state: AgendaState, breakoutId: string): string[] {
    if (!roundOfRoom(state.event, breakoutId)) return [];
    return Object.values(state.participants).filter((p) => facilitatesRoom(state.event, p, breakoutId)).map((p) => p.id);
  }
}
