import {
  EVENTS, agendaCommandPayload, breakoutIdOf, chatSendPayload, emptyPayload, failure, helpRequestPayload, livekitRoomName,
  moveReportPayload, placementOf, success, visitRoomPayload, type MoveReportPayload, type RoomId,
} from '@live-workshop/shared';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { LiveKitPort } from '../../livekit/livekitPort.js';
import type { Log } from '../../platform/log.js';
import type { Clock } from '../../platform/clock.js';
import type { ChatStore } from '../chat/chatStore.js';
import { TOKEN_TTL_MS, type Assignments } from '../assignments/assignments.js';
import { handle } from './handle.js';
import { snapshotOf } from './snapshot.js';
import { ioRooms, type IoServer, type IoSocket } from './types.js';

/** What the socket handlers work with. */
export interface HandlerDeps {
  io: IoServer;
  agenda: LiveAgenda;
  assignments: Assignments;
  livekit: LiveKitPort;
  chat: ChatStore;
  clock: Clock;
  log: Log;
  limiter: RateLimiterMemory;
  chatLimiter: RateLimiterMemory;
  moveReports: (report: MoveReportPayload & { participantId: string; at: number }) => void;
}

/** Request names a client may send; anything else is refused. */
export const KNOWN_REQUESTS = new Set<string>([
  EVENTS.agendaCommand, EVENTS.chatSend, EVENTS.sessionResync, EVENTS.roomVisit, EVENTS.helpRequest, EVENTS.moveReport,
]);

/** Register every request handler on a connected socket. */
export function registerHandlers(socket: IoSocket, deps: HandlerDeps): void {
  const { agenda, clock } = deps;
  const me = socket.data.claims;
  const wrap = { log: deps.log, limiter: deps.limiter };

  socket.on(EVENTS.agendaCommand, handle(socket, wrap, 'command', agendaCommandPayload, ({ expectedVersion, action }) => {
    const result = agenda.execute({ action, expectedVersion, by: { kind: 'participant', participantId: me.participantId, role: me.role } });
    return result.ok ? success({ version: result.state.version }) : failure(result.code, result.message);
  }));

  socket.on(EVENTS.chatSend, handle(socket, wrap, 'chat message', chatSendPayload, async ({ text }) => {
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
    deps.io.to(ioRooms.chat(roomId)).emit(EVENTS.chatPosted, message);
    return success({ id: message.id });
  }));

  socket.on(EVENTS.sessionResync, handle(socket, wrap, 'resync', emptyPayload, async () => {
    const { current, prepared } = await deps.assignments.resync(me.participantId);
    const chat = current.roomId ? deps.chat.latest(current.roomId) : [];
    return success({ snapshot: snapshotOf(agenda.state, clock.now()), current, prepared, chat });
  }));

  socket.on(EVENTS.roomVisit, handle(socket, wrap, 'visit', visitRoomPayload, async ({ roomId }) => {
    if (me.role !== 'moderator') return failure('forbidden', 'Only moderators can visit rooms.');
    const state = agenda.state;
    const breakoutId = breakoutIdOf(roomId as RoomId);
    if (breakoutId && !state.event.breakouts.some((b) => b.id === breakoutId)) return failure('unknown_breakout', `There is no breakout room "${breakoutId}".`);
    const self = state.participants[me.participantId];
    const livekitRoom = livekitRoomName(state.event.id, roomId as RoomId);
    const token = await deps.livekit.mintToken({
      identity: me.participantId, name: self?.name ?? 'Moderator', room: livekitRoom, canPublish: true,
      ttlSeconds: TOKEN_TTL_MS / 1000, metadata: JSON.stringify({ role: 'moderator', visiting: true }),
    });
    return success({
      phaseKey: 'visit', roomId: roomId as RoomId, livekitRoom, livekitUrl: deps.livekit.url, token, canPublish: true,
      expiresAt: clock.now() + TOKEN_TTL_MS,
    });
  }));

  socket.on(EVENTS.helpRequest, handle(socket, wrap, 'help request', helpRequestPayload, ({ text }) => {
    const state = agenda.state;
    const at = clock.now();
    deps.io.to(ioRooms.moderators).emit(EVENTS.helpRequested, {
      participantId: me.participantId, name: state.participants[me.participantId]?.name ?? '?', roomId: placementOf(state, me.participantId).roomId, text, at,
    });
    return success({ at });
  }));

  socket.on(EVENTS.moveReport, handle(socket, wrap, 'move report', moveReportPayload, (report) => {
    deps.moveReports({ ...report, participantId: me.participantId, at: clock.now() });
    return success({ recorded: true as const });
  }));

  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && KNOWN_REQUESTS.has(event)) return;
    const ack = args.at(-1);
    if (typeof ack === 'function') ack(failure('invalid_payload', 'Unknown request.'));
  });
}
