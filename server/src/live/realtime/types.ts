import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@live-workshop/shared';
import type { SessionClaims } from '../../people/credentials/credentials.js';

/** What the handshake fixes for the life of a connection. */
export interface SocketData {
  claims: SessionClaims;
  /** The chat room this socket is subscribed to. */
  chatRoom: string | null;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.IO room names used by the server. */
export const ioRooms = {
  moderators: 'role:moderator',
  speakers: 'role:speaker',
  chat: (roomId: string) => `chat:${roomId}`,
} as const;
