// The room notes' part of the Socket.IO protocol: names declared once, and the event maps events.ts
// merges into the whole protocol. No schema here, so the browser imports the names from the pure entry.
import type { Ack } from './result.js';
import type { RoomNotesWritePayload } from './roomNotesPayloads.js';
import type { ReportBack, RoomNotes } from '../notes/roomNotes.js';

/** Event names of the room notes. Commands are imperative; facts are past tense. */
export const ROOM_NOTES_EVENTS = {
  notesWrite: 'notes:write',
  notesChanged: 'notes:changed',
  notesReportedBack: 'notes:reported-back',
} as const;

/** Requests of the room notes; each is validated on the server and answered with an ack. */
export interface RoomNotesClientEvents {
  /** A room's facilitator (or a moderator): save the room's notes, replacing what was there. */
  'notes:write': (payload: RoomNotesWritePayload, ack: Ack<RoomNotes>) => void;
}

/** Facts of the room notes. */
export interface RoomNotesServerEvents {
  /** Moderators and the room's facilitators: a room's notes were saved (also each room's on connecting). */
  'notes:changed': (notes: RoomNotes) => void;
  /** Everyone: the report-back item shows these notes (null: no report-back now); on connecting too while one runs. */
  'notes:reported-back': (reportBack: ReportBack | null) => void;
}
