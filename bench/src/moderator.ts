// The moderator, as a real Socket.IO client with the staff credential the server printed.
import { io, type Socket } from 'socket.io-client';
import {
  EVENTS, PROTOCOL_VERSION, type AgendaCommandPayload, type AgendaSnapshot, type ClientToServerEvents, type Result,
  type ServerToClientEvents,
} from '@live-workshop/shared';
import { wallNow } from './protocol.js';

type ModeratorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a cue the moderator gave looks like from the moderator's side. */
export interface CueSent {
  readonly version: number;
  readonly phaseKey: string;
  /** Wall-clock ms just before the command was sent. */
  readonly sentAt: number;
  /** The snapshot's serverTime: the server's clock right before its io.emit of the cue. */
  readonly serverTime: number;
  /** JSON size of the cue broadcast, in bytes. */
  readonly bytes: number;
}

export class Moderator {
  private snapshot: AgendaSnapshot | null = null;
  private readonly waiters = new Map<number, (s: AgendaSnapshot) => void>();

  private constructor(private readonly socket: ModeratorSocket) {
    socket.on(EVENTS.agendaChanged, (s) => {
      if (!this.snapshot || s.version >= this.snapshot.version) this.snapshot = s;
      this.waiters.get(s.version)?.(s);
      this.waiters.delete(s.version);
    });
  }

  static async connect(url: string, credential: string): Promise<Moderator> {
    const socket: ModeratorSocket = io(url, {
      auth: { credential, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true,
    });
    const moderator = new Moderator(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once(EVENTS.agendaChanged, () => resolve());
    });
    return moderator;
  }

  get current(): AgendaSnapshot {
    if (!this.snapshot) throw new Error('no agenda snapshot yet');
    return this.snapshot;
  }

  /** Send one agenda action with the version last seen; resolves when the cue's broadcast arrives here too. */
  async command(action: AgendaCommandPayload['action']): Promise<CueSent> {
    const expectedVersion = this.current.version;
    const arrived = new Promise<AgendaSnapshot>((resolve) => this.waiters.set(expectedVersion + 1, resolve));
    const sentAt = wallNow();
    const result = (await this.socket.timeout(30_000).emitWithAck(EVENTS.agendaCommand, { expectedVersion, action })) as Result<{ version: number }>;
    if (!result.ok) throw new Error(`${action.type} refused: ${result.code} ${result.message}`);
    const s = await arrived;
    return { version: s.version, phaseKey: s.phaseKey, sentAt, serverTime: s.serverTime, bytes: Buffer.byteLength(JSON.stringify(s)) };
  }

  close(): void {
    this.socket.close();
  }
}
