import type { RoomSocket } from './transport.js';

/** One live connection per person: the newest takes over and the older is told why. */
export class Sessions {
  private readonly sockets = new Map<string, RoomSocket>();

  attach(participantId: string, socket: RoomSocket): void {
    const older = this.sockets.get(participantId);
    this.sockets.set(participantId, socket);
    if (older && older.id !== socket.id) older.close('replaced', 'You opened the workshop in another tab or device; this one is now closed.');
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

  /** End a person's session with a reason (removed, revoked). */
  end(participantId: string, reason: 'removed' | 'revoked', message: string): void {
    const socket = this.sockets.get(participantId);
    if (!socket) return;
    socket.close(reason, message);
    this.sockets.delete(participantId);
  }

  ids(): IterableIterator<string> {
    return this.sockets.keys();
  }
}
