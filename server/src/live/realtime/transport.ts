// What the room logic needs from a network: one socket per connection (send, join and leave a
// topic, close with a reason) and fan-out to everyone or to topics. Socket.IO is one adapter
// (socketIoTransport.ts); tests use the in-memory one (memoryTransport.ts). Compare tldraw
// sync-core's TLRoomSocket: the room never touches a real socket.
import type { ServerToClientEvents, SessionEnded } from '@live-workshop/shared';
import type { SessionClaims } from '../../people/credentials/credentials.js';

/** A fact the server sends, by name. */
export type ServerEvent = keyof ServerToClientEvents;
/** The arguments of a fact. */
export type ServerEventArgs<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>;

/** A named group of sockets that hear the same facts. */
export type Topic = string;

/** The topics the server publishes to. */
export const topics = {
  moderators: 'role:moderator',
  speakers: 'role:speaker',
  chat: (roomId: string): Topic => `chat:${roomId}`,
  /** One speaker's (or invited facilitator's) own connections (what they launched, e.g. a breakout poll's live results; their room's notes). */
  speaker: (participantId: string): Topic => `speaker:${participantId}`,
  /** Every connection of one person (one at a time; on any node): how an older session elsewhere is ended. */
  person: (participantId: string): Topic => `person:${participantId}`,
} as const;

/** One client connection, as the room logic sees it. */
export interface RoomSocket {
  /** Unique per connection (a reconnect gets a new one). */
  readonly id: string;
  /** Who the handshake verified. */
  readonly claims: SessionClaims;
  /** The page's correlation id (from its handshake, or made up for it): on every log line of its requests. */
  readonly correlationId?: string;
  /** When its handshake arrived (ms since the epoch, the node's clock): which of two sessions is the newer. */
  readonly openedAt?: number;
  send<E extends ServerEvent>(event: E, ...args: ServerEventArgs<E>): void;
  join(topic: Topic): void;
  leave(topic: Topic): void;
  /** Tell the client why (`session:ended`), then disconnect it. */
  close(reason: SessionEnded['reason'], message: string): void;
}

/** Fan-out: one encode for many sockets. */
export interface Transport {
  /** Send to every connected socket. */
  broadcast<E extends ServerEvent>(event: E, ...args: ServerEventArgs<E>): void;
  /** Send to every socket in any of these topics (once each). */
  publish<E extends ServerEvent>(to: Topic | readonly Topic[], event: E, ...args: ServerEventArgs<E>): void;
}

/** Which of a person's connections an ending reaches: all but `except`, opened at or before `before` (ms; default: now). */
export type SessionEnding = SessionEnded & { readonly except?: string; readonly before?: number };

/**
 * Ends a person's connections on the other nodes of a cluster (this node's own are the Sessions'
 * business), each told why (`session:ended`) and then disconnected.
 */
export interface SessionEnder {
  endSessions(participantId: string, ending: SessionEnding): void;
}

/** What an adapter tells the room logic about its connections. */
export interface ConnectionListener {
  /** A connection passed the handshake. */
  opened(socket: RoomSocket): void;
  /** A request arrived: its name and its arguments (the last may be the ack callback). */
  request(socket: RoomSocket, name: string, args: unknown[]): void;
  /** The connection is gone. */
  closed(socket: RoomSocket): void;
}
