// The life of one Socket.IO connection: take over the person's session, join their role's topics,
// send welcome, snapshot, assignments and (staff) the roster, register the request handlers, and
// let go on disconnect.
import { EVENTS, PROTOCOL_VERSION } from '@live-workshop/shared';
import type { Presence } from '../agenda/presence.js';
import { registerHandlers, type HandlerDeps } from './handlers.js';
import { rosterOf, type RosterPublisher } from './roster.js';
import type { Sessions } from './sessions.js';
import { snapshotOf } from './snapshot.js';
import { ioRooms, type IoServer } from './types.js';

/** What serving connections needs beyond the request handlers' own deps. */
export interface ConnectionDeps extends HandlerDeps {
  sessions: Sessions;
  presence: Presence;
  roster: RosterPublisher;
}

/** Serve every connection the server accepts (the handshake has verified its claims). */
export function serveConnections(io: IoServer, deps: ConnectionDeps): void {
  const { agenda, assignments, clock, log, presence, roster, sessions } = deps;
  io.on('connection', (socket) => {
    const { participantId, role } = socket.data.claims;
    sessions.attach(participantId, socket);
    if (role === 'moderator') void socket.join(ioRooms.moderators);
    if (role === 'speaker') void socket.join(ioRooms.speakers);
    const participant = agenda.state.participants[participantId];
    socket.emit(EVENTS.welcome, {
      protocolVersion: PROTOCOL_VERSION, participant: { id: participantId, name: participant?.name ?? '', role },
      event: agenda.state.event, serverTime: clock.now(),
    });
    socket.emit(EVENTS.agendaChanged, snapshotOf(agenda.state, clock.now()));
    void assignments.sendAll(participantId).catch((err: unknown) => log.error({ err }, 'initial assignment failed'));
    if (role !== 'attendee') socket.emit(EVENTS.rosterChanged, rosterOf(agenda.state, presence, sessions));
    roster.changed();
    registerHandlers(socket, deps);
    socket.on('disconnect', () => {
      sessions.detach(participantId, socket);
      roster.changed();
    });
  });
}
