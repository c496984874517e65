// Facilitators' room notes, built: the board over the data file, its request, what a connection is
// sent on opening, and the agenda observer. app.ts and memoryRoom.ts build it; connection.ts merges
// its handler and greets each new connection.
import type { Database } from 'better-sqlite3';
import { EVENTS, roomNotesWritePayload, type AgendaState, type RoomNotesClientEvents } from '@live-workshop/shared';
import type { Limiter } from '../../platform/rateLimits.js';
import type { Clock } from '../../platform/clock.js';
import type { Log } from '../../platform/log.js';
import { handle, type RequestHandler } from '../realtime/handle.js';
import { topics, type RoomSocket, type Transport } from '../realtime/transport.js';
import { RoomNotesBoard } from './roomNotesBoard.js';
import { SqliteRoomNotesStore } from './roomNotesStore.js';

/** The room notes, built. */
export interface RoomNotesFeature {
  readonly board: RoomNotesBoard;
  readonly handlers: { readonly [Name in keyof RoomNotesClientEvents]: RequestHandler };
  /** Moderators get every room's notes, a facilitator their rooms'; everyone the report-back while one runs. */
  greet(socket: RoomSocket): void;
  /** Follow the agenda (the report-back starts and ends). */
  agendaMoved(before: AgendaState, after: AgendaState): void;
}

/** Build the room notes over the data file; the transport is read when something is sent. */
export function createRoomNotes(deps: {
  db: Database; transport: () => Pick<Transport, 'broadcast' | 'publish'>; state: () => AgendaState; clock: Clock; log: Log; limiter: Limiter;
}): RoomNotesFeature {
  const board = new RoomNotesBoard({
    store: new SqliteRoomNotesStore(deps.db), clock: deps.clock, state: deps.state,
    outlet: {
      staff: (notes, facilitatorIds) => deps.transport().publish([topics.moderators, ...facilitatorIds.map(topics.speaker)], EVENTS.notesChanged, notes),
      everyone: (reportBack) => deps.transport().broadcast(EVENTS.notesReportedBack, reportBack),
    },
  });
  const handlers = {
    [EVENTS.notesWrite]: handle({ log: deps.log, limiter: deps.limiter }, 'room notes', roomNotesWritePayload, ({ breakoutId, text }, { claims }) =>
      board.write(claims.participantId, breakoutId, text)),
  };
  return {
    board, handlers,
    greet(socket) {
      const { participantId, role } = socket.claims;
      const mine = role === 'moderator' ? board.all() : role === 'speaker' || role === 'facilitator' ? board.facilitatedBy(participantId) : [];
      for (const notes of mine) socket.send(EVENTS.notesChanged, notes);
      const reportBack = board.reportBack();
      if (reportBack) socket.send(EVENTS.notesReportedBack, reportBack);
    },
    agendaMoved: (before, after) => board.agendaMoved(before, after),
  };
}
