// The life of one connection, whatever carries it: take over the person's session, join their
// role's topics and their room's chat, send welcome, snapshot, assignments and (staff) the roster,
// answer requests through the handlers, and let go when it closes.
import { EVENTS, pickBoardOf, PROTOCOL_VERSION } from '@live-workshop/shared';
import type { ActionLog } from '../agenda/actionLog.js';
import type { Presence } from '../agenda/presence.js';
import type { ChatMembership } from '../chat/chatMembership.js';
import { greetPresenting } from '../presenting/presentingHandlers.js';
import type { LiveSegment } from '../segment/liveSegment.js';
import type { RoomNotesFeature } from '../notes/roomNotes.js';
import { dispatchRequest, requestHandlers, type HandlerDeps } from './handlers.js';
import { rosterFor, rosterOf, type MoveProgressOf, type RosterPublisher } from './roster.js';
import type { Sessions } from './sessions.js';
import { snapshotOf } from './snapshot.js';
import { topics, type ConnectionListener } from './transport.js';

/** Told when a person's connection opens or closes (attendance follows these). */
export interface ConnectionWatcher {
  opened(participantId: string): void;
  closed(participantId: string): void;
}

/** What serving connections needs beyond the request handlers' own deps. */
export interface ConnectionDeps extends HandlerDeps {
  sessions: Sessions;
  presence: Presence;
  roster: RosterPublisher;
  /** Each person's last move report, shown in the roster (MoveProgressBook.of). */
  moveProgressOf?: MoveProgressOf;
  chatMembership: ChatMembership;
  watchers?: readonly ConnectionWatcher[];
  /** The moderators' action log: a moderator connecting is sent its latest lines. */
  actionLog?: Pick<ActionLog, 'greet'>;
  /** Questions, polls, reactions and captions: their requests, and what a new connection is sent. */
  liveSegment?: Pick<LiveSegment, 'handlers' | 'greet'>;
  /** Facilitators' room notes: their request, and what a new connection is sent. */
  roomNotes?: Pick<RoomNotesFeature, 'handlers' | 'greet'>;
}

/** The room logic's side of every connection; a transport adapter calls it. */
export function connections(deps: ConnectionDeps): ConnectionListener {
  const { agenda, assignments, clock, log, presence, roster, sessions } = deps;
  const handlers = { ...requestHandlers(deps), ...deps.liveSegment?.handlers, ...deps.roomNotes?.handlers };
  const watchers = deps.watchers ?? [];
  return {
    opened(socket) {
      const { participantId, role } = socket.claims;
      for (const w of watchers) w.opened(participantId);
      socket.join(topics.person(participantId));
      sessions.attach(participantId, socket);
      if (role === 'moderator') socket.join(topics.moderators);
      if (role === 'speaker') {
        socket.join(topics.speakers);
        socket.join(topics.speaker(participantId));
      }
      // A facilitator by invite link hears their own room's notes there, and nothing speakers hear.
      if (role === 'facilitator') socket.join(topics.speaker(participantId));
      deps.chatMembership.follow([participantId]);
      const participant = agenda.state.participants[participantId];
      socket.send(EVENTS.welcome, {
        protocolVersion: PROTOCOL_VERSION, participant: { id: participantId, name: participant?.name ?? '', role },
        event: agenda.state.event, serverTime: clock.now(),
      });
      socket.send(EVENTS.agendaChanged, snapshotOf(agenda.state, clock.now()));
      greetPresenting(deps.presenting, socket);
      void assignments.sendAll(participantId).catch((err: unknown) => log.error({ err }, 'initial assignment failed'));
      const view = rosterFor(role, () => rosterOf(agenda.state, presence, sessions, deps.moveProgressOf));
      if (view) socket.send(EVENTS.rosterChanged, view);
      if (role === 'moderator') deps.actionLog?.greet(socket);
      deps.liveSegment?.greet(socket);
      deps.roomNotes?.greet(socket);
      const picks = pickBoardOf(agenda.state, participantId);
      if (picks) socket.send(EVENTS.picksCounted, picks);
      roster.changed();
    },
    request: (socket, name, args) => dispatchRequest(handlers, socket, name, args),
    closed(socket) {
      const { participantId } = socket.claims;
      for (const w of watchers) w.closed(participantId);
      sessions.detach(participantId, socket);
      roster.changed();
    },
  };
}
