import { io as connectSocket, type Socket } from 'socket.io-client';
import { EVENTS, PROTOCOL_VERSION, type Assignment, type ClientToServerEvents, type ServerToClientEvents } from '@live-workshop/shared';

/**
 * A signalling-only attendee that follows the protocol the way the browser client does:
 * a prepared assignment becomes current when a snapshot with its phase key arrives;
 * otherwise the server's assignment:changed does.
 */
export class SimAttendee {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  current: Assignment | null = null;
  phaseKey: string | null = null;
  versions: number[] = [];
  private prepared = new Map<string, Assignment>();

  constructor(private readonly url: string, private readonly credential: string) {
    this.socket = this.open();
  }

  private open() {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectSocket(this.url, {
      auth: { credential: this.credential, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true,
    });
    socket.on(EVENTS.agendaChanged, (s) => {
      if (this.versions.length && s.version < this.versions.at(-1)!) return;
      this.versions.push(s.version);
      this.phaseKey = s.phaseKey;
      const ready = this.prepared.get(s.phaseKey);
      if (ready) this.current = ready;
    });
    socket.on(EVENTS.assignmentPrepared, (a) => { this.prepared.set(a.phaseKey, a); });
    socket.on(EVENTS.assignmentChanged, (a) => { this.current = a; });
    return socket;
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Drop the connection and come back (a flaky network, a reload). */
  async reconnect(): Promise<void> {
    this.socket.close();
    this.prepared.clear();
    this.socket = this.open();
    await this.connected();
  }

  close(): void {
    this.socket.close();
  }
}
