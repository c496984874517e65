// The room notes over the session's socket: their facts into the room notes' store, and the one request.
import { EVENTS } from '@live-workshop/shared/pure';
import { request, type LwSocket } from '../../session/socket.js';
import { applyReportBack, applyRoomNotes } from './roomNotesStore.js';

/** Listen to the room notes' facts on a new socket (socket.ts calls this once per connection). */
export function wireRoomNotes(s: LwSocket): void {
  s.on(EVENTS.notesChanged, (notes) => applyRoomNotes(notes));
  s.on(EVENTS.notesReportedBack, (reportBack) => applyReportBack(reportBack));
}

/** A room's facilitator or a moderator: save the room's notes. */
export async function saveRoomNotes(breakoutId: string, text: string) {
  const result = await request(EVENTS.notesWrite, { breakoutId, text });
  if (result.ok) applyRoomNotes(result.data);
  return result;
}
