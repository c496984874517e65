import { EVENTS } from '@live-workshop/shared';
import type { IoSocket } from './types.js';

/** One live connection per person: the newest takes over and the older is told why. */
export class Sessions {
  private readonly sockets = new Map<string, IoSocket>();

  attach(participantId: string, socket: IoSocket): void {
    const older = this.sockets.get(participantId);
    this.sockets.set(participantId, socket);
    if (older && older.id !== socket.id) {
      older.emit(EVENTS.sessionEnded, { reason: 'replaced', message: 'You opened the workshop in another tab or device; this one is now closed.' });
      older.disconnect(true);
    }
  }

  detach(participantId: string, socket: IoSocket): void {
    if (this.sockets.get(participantId)?.id === socket.id) this.sockets.delete(participantId);
  }

  get(participantId: string): IoSocket | undefined {
    return this.sockets.get(participantId);
  }

  isOnline(participantId: string): boolean {
    return this.sockets.has(participantId);
  }

  /** End a person's session with a reason (removed, revoked). */
  end(participantId: string, reason: 'removed' | 'revoked', message: string): void {
    const socket = this.sockets.get(participantId);
    if (!socket) return;
    socket.emit(EVENTS.sessionEnded, { reason, message });
    socket.disconnect(true);
    this.sockets.delete(participantId);
  }

  get size(): number {
    return this.sockets.size;
  }

  ids(): IterableIterator<string> {
    return this.sockets.keys();
  }
}
