import type { RoomSocket, SessionEnder } from './transport.js';

const REPLACED = 'You opened the workshop in another tab or device; this one is now closed.';

/**
 * One live connection per person: the newest takes over and the older is told why. This node's
 * connections are in the map; `elsewhere` (the transport, once it exists) reaches the other nodes
 * of a cluster, where an older connection of the same person may be.
 */
export class Sessions {
  private readonly sockets = new Map<string, RoomSocket>();

  constructor(private readonly elsewhere: () => SessionEnder | null = () => null) {}

  attach(participantId: string, socket: RoomSocket): void {
    const older = this.sockets.get(participantId);
    this.sockets.set(participantId, socket);
    if (older && older.id !== socket.id) older.close('replaced', REPLACED);
    // Only what opened before this one: a late message from an older session must not end the newer.
    this.elsewhere()?.endSessions(participantId, { reason: 'replaced', message: REPLACED, except: socket.id, ...(socket.openedAt !== undefined ? { before: socket.openedAt } : {}) });
  }

  detach(participantId: string, socket: RoomSocket): void {
    if (this.sockets.get(participantId)?.id === socket.id) this.sockets.delete(participantId);
  }

  get(participantId: string): RoomSocket | undefined {
    return this.sockets.get(participantId);
  }

  isOnline(participantId: string): boolean {
    return this.sockets.has(participantId);
  }

  /** End a person's session with a reason (removed, revoked), on this node and on the others. */
  end(participantId: string, reason: 'removed' | 'revoked', message: string): void {
    const socket = this.sockets.get(participantId);
    if (socket) {
      socket.close(reason, message);
      this.sockets.delete(participantId);
    }
    this.elsewhere()?.endSessions(participantId, { reason, message });
  }

  ids(): IterableIterator<string> {
    return this.sockets.keys();
  }
}
