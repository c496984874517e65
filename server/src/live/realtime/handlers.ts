import {
  EVENTS, agendaCommandPayload, type ClientToServerEvents, breakoutIdOf, chatSendPayload, emptyPayload, failure, helpRequestPayload, livekitRoomName,
  moveReportPayload, muteDecision, muteParticipantPayload, placementOf, publishSourcesIn, roundOfRoom, success, visitRoomPayload, type LiveSegmentClientEvents, type RoomNotesClientEvents, type MoveReportPayload, type RoomId,
} from '@live-workshop/shared';
import { memoryLimiters, type Limiter, type Limiters } from '../../platform/rateLimits.js';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { LiveKitPort } from '../../livekit/livekitPort.js';
import type { Log } from '../../platform/log.js';
import type { Clock } from '../../platform/clock.js';
import type { ChatStore } from '../chat/chatStore.js';
import { TOKEN_TTL_MS, type Assignments } from '../assignments/assignments.js';
import { presentingHandlers, type Presenting } from '../presenting/presentingHandlers.js';
import { handle, type RequestHandler } from './handle.js';
import { snapshotOf } from './snapshot.js';
import { topics, type RoomSocket, type Transport } from './transport.js';

/** What the socket handlers work with. */
export interface HandlerDeps {
  transport: Transport;
  agenda: LiveAgenda;
  assignments: Assignments;
  livekit: LiveKitPort;
  chat: ChatStore;
  clock: Clock;
  log: Log;
  limiter: Limiter;
  chatLimiter: Limiter;
  /** Help requests each person may send (HELP_REQUESTS_PER_MINUTE): each one reaches every moderator. */
  helpLimiter: Limiter;
  /** Makes the other per-person limits (slides, talk-back): shared by the nodes of a cluster; default: in this process. */
  limits?: Limiters;
  moveReports: (report: MoveReportPayload & { participantId: string; at: number }) => void;
  /** Told of help requests and moderators' room visits (the metrics' "help requests waiting"). */
  observer?: { helpRequested(participantId: string, roomId: RoomId | null, at: number): void; roomVisited(roomId: RoomId): void };
  /** Slides and backstage talk-back (live/presenting). */
  presenting: Presenting;
}

/** A handler for every request of the protocol, by name: the one list of what a client may ask. */
export type RequestHandlers = { readonly [Name in keyof ClientToServerEvents]: RequestHandler };
/** The agenda's own requests; the live segment (live/segment/liveSegment.ts) and the room notes (live/notes/roomNotes.ts) bring the rest. */
export type CoreRequestHandlers = Omit<RequestHandlers, keyof LiveSegmentClientEvents | keyof RoomNotesClientEvents>;

/** The request handlers, shared by every connection (each learns who asks from its socket). */
export function requestHandlers(deps: HandlerDeps): CoreRequestHandlers {
  const { agenda, clock } = deps;
  const wrap = { log: deps.log, limiter: deps.limiter };

  return {
    [EVENTS.agendaCommand]: handle(wrap, 'command', agendaCommandPayload, async ({ expectedVersion, action }, { claims: me }) => {
      // On one node applied at once; on a shared agenda saved by compare-and-set (re-applied, or refused as stale, when another node saved first).
      const result = await agenda.submit({ action, expectedVersion, by: { kind: 'participant', participantId: me.participantId, role: me.role } });
      // One line per command, accepted or not: with the asker's correlation id, it traces a cue end to end.
      if (result.ok) deps.log.info({ action: action.type, version: result.state.version }, 'command accepted');
      else deps.log.info({ action: action.type, code: result.code }, 'command refused');
      return result.ok ? success({ version: result.state.version }) : failure(result.code, result.message);
    }),

    [EVENTS.chatSend]: handle(wrap, 'chat message', chatSendPayload, async ({ text }, { claims: me }) => {
      try {
        await deps.chatLimiter.consume(me.participantId);
      } catch {
        return failure('rate_limited', 'You are sending messages too fast.');
      }
      const state = agenda.state;
      const sender = state.participants[me.participantId];
      const roomId = placementOf(state, me.participantId).roomId;
      if (!sender || !roomId) return failure('not_allowed_now', 'You are not in a room with a chat right now.');
      const message = deps.chat.add({ roomId, from: { id: sender.id, name: sender.name, role: sender.role }, text, at: clock.now() });
      deps.transport.publish(topics.chat(roomId), EVENTS.chatPosted, message);
      return success({ id: message.id });
    }),

    [EVENTS.sessionResync]: handle(wrap, 'resync', emptyPayload, async (_payload, { claims: me }) => {
      const { current, prepared } = await deps.assignments.resync(me.participantId);
      const chat = current.roomId ? deps.chat.latest(current.roomId) : [];
      return success({ snapshot: snapshotOf(agenda.state, clock.now()), current, prepared, chat });
    }),

    [EVENTS.roomVisit]: handle(wrap, 'visit', visitRoomPayload, async ({ roomId }, { claims: me }) => {
      if (me.role !== 'moderator') return failure('forbidden', 'Only moderators can visit rooms.');
      const state = agenda.state;
      const breakoutId = breakoutIdOf(roomId as RoomId);
      if (breakoutId && !roundOfRoom(state.event, breakoutId)) return failure('unknown_breakout', `There is no breakout room "${breakoutId}".`);
      const self = state.participants[me.participantId];
      const livekitRoom = livekitRoomName(state.event.id, roomId as RoomId);
      deps.observer?.roomVisited(roomId as RoomId);
      const token = await deps.livekit.mintToken({
        identity: me.participantId, name: self?.name ?? 'Moderator', room: livekitRoom, canPublish: true,
        canPublishSources: publishSourcesIn(roomId as RoomId, true),
        ttlSeconds: TOKEN_TTL_MS / 1000, metadata: JSON.stringify({ role: 'moderator', visiting: true }),
      });
      return success({
        phaseKey: 'visit', roomId: roomId as RoomId, livekitRoom, livekitUrl: deps.livekit.url, token, canPublish: true,
        expiresAt: clock.now() + TOKEN_TTL_MS,
      });
    }),

    [EVENTS.roomMute]: handle(wrap, 'mute', muteParticipantPayload, async ({ participantId }, { claims: me }) => {
      const state = agenda.state;
      const decision = muteDecision(state, me.participantId, participantId);
      if (!decision.ok) return failure(decision.code, decision.message);
      const muted = await deps.livekit.muteMicrophone(livekitRoomName(state.event.id, decision.roomId), participantId);
      deps.log.info({ target: participantId, roomId: decision.roomId, muted }, 'microphone muted');
      return success({ muted });
    }),

    [EVENTS.helpRequest]: handle(wrap, 'help request', helpRequestPayload, async ({ text }, { claims: me }) => {
      try {
        await deps.helpLimiter.consume(me.participantId);
      } catch {
        return failure('rate_limited', 'Your request for help has reached the moderators; please wait for them a moment before asking again.');
      }
      const state = agenda.state;
      const at = clock.now();
      const { roomId } = placementOf(state, me.participantId);
      deps.transport.publish(topics.moderators, EVENTS.helpRequested, {
        participantId: me.participantId, name: state.participants[me.participantId]?.name ?? '?', roomId, text, at,
      });
      deps.observer?.helpRequested(me.participantId, roomId, at);
      return success({ at });
    }),

    [EVENTS.moveReport]: handle(wrap, 'move report', moveReportPayload, (report, { claims: me }) => {
      deps.moveReports({ ...report, participantId: me.participantId, at: clock.now() });
      return success({ recorded: true as const });
    }),

    ...presentingHandlers(deps.presenting, wrap, deps.limits ?? memoryLimiters),
  };
}

/** Run the handler of a request, or answer "Unknown request" when the protocol has none by that name. */
export function dispatchRequest(handlers: Partial<RequestHandlers>, socket: RoomSocket, name: string, args: unknown[]): void {
  const handler = Object.hasOwn(handlers, name) ? handlers[name as keyof RequestHandlers] : undefined;
  if (handler) {
    void handler(socket, args);
    return;
  }
  const ack = args.at(-1);
  if (typeof ack === 'function') ack(failure('invalid_payload', 'Unknown request.'));
}
