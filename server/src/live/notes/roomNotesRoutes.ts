import { Router } from 'express';
import { roundsOf, type AgendaState, type EventConfig, type RoomNotes } from '@live-workshop/shared';
import { requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { sendCsv, toCsv, type Cell } from '../../platform/csv.js';
import type { RoomNotesBoard } from './roomNotesBoard.js';

/** The columns of the notes export: one row per breakout room of every round. */
export const ROOM_NOTES_CSV_HEADER = ['round', 'room', 'room_title', 'notes', 'saved_at', 'saved_by'] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/** Every round's rooms in agenda order, each with its notes (null: none written). */
function roomsWithNotes(event: EventConfig, notes: readonly RoomNotes[]) {
  const byRoom = new Map(notes.map((n) => [n.breakoutId, n]));
  return roundsOf(event).map((round) => ({ round, rooms: round.rooms.map((room) => ({ room, notes: byRoom.get(room.id) ?? null })) }));
}

/** The notes as a table. */
export function roomNotesTable(event: EventConfig, notes: readonly RoomNotes[]) {
  const rows: Cell[][] = [];
  for (const { round, rooms } of roomsWithNotes(event, notes)) {
    for (const { room, notes: n } of rooms) rows.push([round.title, room.id, room.title, n?.text ?? '', n ? iso(n.updatedAt) : '', n?.updatedBy ?? '']);
  }
  return { header: ROOM_NOTES_CSV_HEADER, rows };
}

/** The notes as a Markdown document: a section per round, a heading per room, the notes quoted (so their own lines never become headings). */
export function roomNotesMarkdown(event: EventConfig, notes: readonly RoomNotes[]): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const out = [`# ${oneLine(event.title)}: notes of the breakout rooms`, ''];
  for (const { round, rooms } of roomsWithNotes(event, notes)) {
    out.push(`## ${oneLine(round.title)}`, '');
    for (const { room, notes: n } of rooms) {
      out.push(`### ${oneLine(room.title)}`, '');
      if (!n || n.text.trim() === '') out.push('_No notes._', '');
      else out.push(...n.text.trimEnd().split('\n').map((line) => (line ? `> ${line}` : '>')), '', `_Saved ${iso(n.updatedAt)} by ${oneLine(n.updatedBy)}._`, '');
    }
  }
  return out.join('\n');
}

/** Moderators download the rooms' notes (CSV or Markdown). */
export function roomNotesRoutes(deps: { board: RoomNotesBoard; credentials: Credentials; state: () => AgendaState }): Router {
  const router = Router();
  const moderator = requireSession(deps.credentials, { moderator: true });
  router.get('/api/moderator/notes.csv', moderator, (_req, res) => {
    const { header, rows } = roomNotesTable(deps.state().event, deps.board.all());
    sendCsv(res, `${deps.state().event.id}-notes.csv`, toCsv(header, rows));
  });
  router.get('/api/moderator/notes.md', moderator, (_req, res) => {
    res.set('cache-control', 'no-store');
    res.attachment(`${deps.state().event.id}-notes.md`).type('text/markdown; charset=utf-8').send(roomNotesMarkdown(deps.state().event, deps.board.all()));
  });
  return router;
}
