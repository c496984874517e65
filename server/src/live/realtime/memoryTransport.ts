// The in-memory transport: sockets that queue what they are sent until a test flushes them, and
// requests answered through the same listener the Socket.IO adapter calls. No network, no timers
// (compare tldraw sync-core's TestSocketPair with its explicit flush()).
import type { Result, SessionEnded } from '@live-workshop/shared';
import type { SessionClaims } from '../../people/credentials/credentials.js';
import type { ConnectionListener, RoomSocket, ServerEvent, ServerEventArgs, Topic, Transport } from './transport.js';

/** One fact a socket received. */
export interface Received {
  readonly event: ServerEvent;
  readonly args: readonly unknown[];
}

/** A connection that keeps what it is sent until flush(). */
export class MemorySocket implements RoomSocket {
  readonly topics = new Set<Topic>();
  private inbox: Received[] = [];
  /** Why the server closed it; null while open. */
  closedWith: { reason: SessionEnded['reason']; message: string } | null = null;

  constructor(readonly id: string, readonly claims: SessionClaims, private readonly transport: MemoryTransport) {}

  send<E extends ServerEvent>(event: E, ...args: ServerEventArgs<E>): void {
    if (this.closedWith === null) this.inbox.push({ event, args });
  }

  join(topic: Topic): void {
    this.topics.add(topic);
  }

  leave(topic: Topic): void {
    this.topics.delete(topic);
  }

  close(reason: SessionEnded['reason'], message: string): void {
    if (this.closedWith !== null) return;
    this.send('session:ended', { reason, message });
    this.closedWith = { reason, message };
    this.transport.disconnect(this);
  }

  /** Everything received since the last flush, oldest first. */
  flush(): Received[] {
    const out = this.inbox;
    this.inbox = [];
    return out;
  }

  /** Send a request as a client would, and wait for its ack. */
  request<T = unknown>(name: string, ...payload: unknown[]): Promise<Result<T>> {
    return new Promise((resolve) => this.transport.listener().request(this, name, [...payload, resolve]));
  }
}

/** Fan-out over MemorySockets; `connect` opens one as a handshake would. */
export class MemoryTransport implements Transport {
  private readonly open = new Set<MemorySocket>();
  private served: ConnectionListener | null = null;
  private nextId = 1;

  serve(listener: ConnectionListener): void {
    this.served = listener;
  }

  /** Open a connection for these claims (the handshake's result). */
  connect(claims: SessionClaims): MemorySocket {
    const socket = new MemorySocket(`memory-${this.nextId++}`, claims, this);
    this.open.add(socket);
    this.served?.opened(socket);
    return socket;
  }

  /** The client went away (or the server closed it). */
  disconnect(socket: MemorySocket): void {
    if (!this.open.delete(socket)) return;
    this.served?.closed(socket);
  }

  broadcast<E extends ServerEvent>(event: E, ...args: ServerEventArgs<E>): void {
    for (const socket of this.open) socket.send(event, ...args);
  }

  publish<E extends ServerEvent>(to: Topic | readonly Topic[], event: E, ...args: ServerEventArgs<E>): void {
    const wanted: readonly Topic[] = typeof to === 'string' ? [to] : to;
    for (const socket of this.open) if (wanted.some((t) => socket.topics.has(t))) socket.send(event, ...args);
  }

  /** The listener given to serve(). */
  listener(): ConnectionListener {
    if (!this.served) throw new Error('MemoryTransport: serve() a listener first');
    return this.served;
  }
}
