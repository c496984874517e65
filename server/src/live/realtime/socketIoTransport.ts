// The Socket.IO adapter of the transport: the server with its handshake (protocol version and
// credential), a RoomSocket for each connection, and fan-out through Socket.IO rooms. The only
// file of the room logic that imports socket.io.
import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  EVENTS, PROTOCOL_VERSION, correlationIdSchema, type ClientToServerEvents, type HandshakeError, type HandshakeRefusal, type ServerToClientEvents,
} from '@live-workshop/shared';
import type { Credentials, SessionClaims } from '../../people/credentials/credentials.js';
import { addToLogContext, withLogContext, type Log } from '../../platform/log.js';
import { topics, type ConnectionListener, type RoomSocket, type SessionEnder, type Topic, type Transport } from './transport.js';

/** Largest Socket.IO message accepted, in bytes; bigger ones close only the sender's connection. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/** What the handshake fixes for the life of a connection. */
export interface SocketData {
  claims: SessionClaims;
  /** The page's correlation id (handshake `auth.correlationId`, or one made up for it). */
  correlationId: string;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.IO's typed emit, loosened: the transport's own signature already checks the arguments. */
type LooseEmit = { emit(event: string, ...args: unknown[]): boolean };

/** Words for each handshake refusal (the client has its own; these are for other clients and logs). */
const HANDSHAKE_WORDS: Record<HandshakeRefusal, string> = {
  incompatible_protocol: `This client speaks another protocol version than the server (${PROTOCOL_VERSION}); reload the page.`,
  unauthorized: 'This join link is not valid or has expired.',
  revoked: 'This join link has been replaced or withdrawn.',
  forbidden: 'You are not allowed into this event (removed by the organisers, or it is full).',
};

/** A refused handshake: Socket.IO sends the message (the code) and `data` to the client's connect_error. */
export function handshakeRefusal(code: HandshakeRefusal): Error & { data: HandshakeError } {
  return Object.assign(new Error(code), { data: { code, message: HANDSHAKE_WORDS[code] } });
}

/** A Socket.IO connection as a RoomSocket. */
function roomSocketOf(socket: IoSocket): RoomSocket {
  const emitter = socket as unknown as LooseEmit;
  return {
    id: socket.id,
    claims: socket.data.claims,
    correlationId: socket.data.correlationId,
    openedAt: socket.handshake.issued,
    send: (event, ...args) => void emitter.emit(event, ...args),
    join: (topic) => void socket.join(topic),
    leave: (topic) => void socket.leave(topic),
    close: (reason, message) => {
      socket.emit(EVENTS.sessionEnded, { reason, message });
      socket.disconnect(true);
    },
  };
}

/** The server-side event that ends a person's older sessions on the other nodes. */
const END_SESSIONS = 'lw:sessions:end';
const sessionEndingSchema = z.object({
  participantId: z.string(), reason: z.enum(['replaced', 'removed', 'revoked']), message: z.string(), except: z.string().optional(), before: z.number(),
});

/** Whether the handshake lets a person in. */
type Admission = { ok: true } | { ok: false; code: string; message?: string };

/** The Socket.IO server on `http`, and the transport over it. */
export function createSocketIoTransport(http: HttpServer, deps: {
  credentials: Credentials; allowedOrigins: readonly string[]; log: Log;
  /** Lets the holder of a valid link in: an attendee's first arrival confirms their address and admits them. */
  admit: (participantId: string) => Admission | Promise<Admission>;
  /** Socket.IO's adapter across the nodes of a cluster (cluster/redisAdapter.ts); default: this process only. */
  adapter?: ServerOptions['adapter'];
}): {
  io: IoServer; transport: Transport; sessionEnder: SessionEnder; serve(listener: ConnectionListener): void;
} {
  const io: IoServer = new Server(http, {
    path: '/socket.io',
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    serveClient: false,
    perMessageDeflate: false, // keep encode-once broadcasts
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      // Browsers always send Origin; non-browser clients (tests, bots) send none.
      callback(null, origin === undefined || deps.allowedOrigins.includes(origin));
    },
  });
  const handshake = async (socket: IoSocket, next: (err?: Error) => void) => {
    const auth = socket.handshake.auth as { credential?: unknown; protocolVersion?: unknown; correlationId?: unknown } | undefined;
    const claimed = correlationIdSchema.safeParse(auth?.correlationId);
    socket.data.correlationId = claimed.success ? claimed.data : `s-${randomUUID()}`;
    addToLogContext({ correlationId: socket.data.correlationId });
    if (auth?.protocolVersion !== PROTOCOL_VERSION) return next(handshakeRefusal('incompatible_protocol'));
    const verified = await deps.credentials.verify(auth.credential);
    if (!verified.ok) {
      deps.log.info({ problem: verified.problem }, 'connection refused');
      return next(handshakeRefusal(verified.problem === 'revoked' ? 'revoked' : 'unauthorized'));
    }
    const admitted = await deps.admit(verified.claims.participantId);
    if (!admitted.ok) {
      deps.log.info({ problem: admitted.code }, 'connection refused');
      return next(handshakeRefusal('forbidden'));
    }
    socket.data.claims = verified.claims;
    addToLogContext({ participantId: verified.claims.participantId });
    next();
  };
  // The handshake's own log lines ("connection refused") carry the page's correlation id too.
  io.use((socket, next) => withLogContext({}, () => void handshake(socket, next)));
  const transport: Transport = {
    broadcast: (event, ...args) => void (io as unknown as LooseEmit).emit(event, ...args),
    publish: (to, event, ...args) => void (io.to(to as Topic | Topic[]) as unknown as LooseEmit).emit(event, ...args),
  };
  // A message to the other nodes (Socket.IO's server-side events, through the cluster's adapter):
  // each ends that person's own connections there which opened by `before` (the same millisecond
  // included: a revoke just after a connection must reach it). The time check is
  // what keeps a delayed message from an older session (the stream is read a moment late) from
  // ending a newer one; the nodes' clocks need only agree to well under the time between two tabs.
  // One node (no adapter) has no one to tell.
  const endHere = (ending: unknown) => {
    const parsed = sessionEndingSchema.safeParse(ending);
    if (!parsed.success) return deps.log.warn({ problem: parsed.error.issues[0]?.message }, 'a malformed session ending from another node was ignored');
    const { participantId, reason, message, except, before } = parsed.data;
    for (const id of io.of('/').adapter.rooms.get(topics.person(participantId)) ?? []) {
      const socket = io.of('/').sockets.get(id);
      if (!socket || id === except || socket.handshake.issued > before) continue;
      socket.emit(EVENTS.sessionEnded, { reason, message });
      socket.disconnect(true);
    }
  };
  const cluster = io as unknown as { serverSideEmit(event: string, payload: unknown): boolean; on(event: string, listener: (payload: unknown) => void): void };
  if (deps.adapter) cluster.on(END_SESSIONS, endHere);
  const sessionEnder: SessionEnder = {
    endSessions(participantId, ending) {
      if (deps.adapter) cluster.serverSideEmit(END_SESSIONS, { participantId, ...ending, before: ending.before ?? Date.now() });
    },
  };
  return {
    io,
    transport,
    sessionEnder,
    serve(listener) {
      io.on('connection', (socket) => {
        const room = roomSocketOf(socket);
        const inContext = (work: () => void) => withLogContext({ participantId: room.claims.participantId, correlationId: room.correlationId }, work);
        inContext(() => listener.opened(room));
        // Every request goes through one dispatcher, so a request is known exactly when it has a handler.
        socket.onAny((name: unknown, ...args: unknown[]) => listener.request(room, typeof name === 'string' ? name : '', args));
        socket.on('disconnect', () => inContext(() => listener.closed(room)));
      });
    },
  };
}
