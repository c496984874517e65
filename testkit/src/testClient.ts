// A typed Socket.IO client of the workshop protocol that records everything it receives, so a
// test awaits what it expects instead of sleeping.
import { io as connectSocket, type Socket } from 'socket.io-client';

/** How long a request waits for its ack (a lost ack is a failure with a name, not a hung test). */
const REQUEST_TIMEOUT_MS = 30_000;
import { EVENTS, PROTOCOL_VERSION, type ClientToServerEvents, type Result, type ServerToClientEvents } from '@live-workshop/shared';

type Received = { [K in keyof ServerToClientEvents]: Parameters<ServerToClientEvents[K]>[0] };

/** A typed Socket.IO client that records everything it receives, to await without sleeping. */
export class TestClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly received: { event: keyof Received; payload: unknown }[] = [];
  private waiters: { match: (e: keyof Received, p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];

  constructor(url: string, credential: string, protocolVersion = PROTOCOL_VERSION, options: { reconnection?: boolean; origin?: string; ignore?: (keyof Received)[]; correlationId?: string } = {}) {
    // An event served under a base path (a deployment's /e/<event id>) has its Socket.IO there too.
    const { origin, pathname } = new URL(url);
    const base = pathname.replace(/\/+$/, '');
    this.socket = connectSocket(base ? origin : url, {
      ...(base ? { path: `${base}/socket.io` } : {}),
      auth: { credential, protocolVersion, ...(options.correlationId ? { correlationId: options.correlationId } : {}) }, transports: ['websocket'], reconnection: options.reconnection ?? false,
      reconnectionDelay: 100, reconnectionDelayMax: 500, forceNew: true,
      ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
    });
    this.socket.onAny((event: keyof Received, payload: unknown) => {
      if (options.ignore?.includes(event)) return;
      this.received.push({ event, payload });
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(event, payload)) return true;
        w.resolve(payload);
        return false;
      });
    });
  }

  /** Resolves once connected, or rejects with the server's refusal message. */
  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (err) => reject(err));
    });
  }

  /** The first received (past or future) event matching. */
  next<K extends keyof Received>(event: K, where: (p: Received[K]) => boolean = () => true, timeoutMs = 10_000): Promise<Received[K]> {
    const match = (e: keyof Received, p: unknown) => e === event && where(p as Received[K]);
    const seen = this.received.find((r) => match(r.event, r.payload));
    if (seen) return Promise.resolve(seen.payload as Received[K]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
      this.waiters.push({ match, resolve: (p) => { clearTimeout(timer); resolve(p as Received[K]); } });
    });
  }

  all<K extends keyof Received>(event: K): Received[K][] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload as Received[K]);
  }

  latest<K extends keyof Received>(event: K): Received[K] | undefined {
    return this.all(event).at(-1);
  }

  /** Send a request and await its ack; an ack that never comes fails after REQUEST_TIMEOUT_MS, naming the event. */
  request<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${String(event)} in ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
      (this.socket.emit as (e: string, p: unknown, ack: (r: unknown) => void) => void)(event, payload, (r) => {
        clearTimeout(timer);
        resolve(r as never);
      });
    });
  }

  /** Run an agenda action against the latest version this client saw. */
  async command(action: Parameters<ClientToServerEvents['agenda:command']>[0]['action'], expectedVersion?: number): Promise<Result<{ version: number }>> {
    const version = expectedVersion ?? this.latest(EVENTS.agendaChanged)?.version ?? 0;
    return this.request(EVENTS.agendaCommand, { expectedVersion: version, action });
  }

  close(): void {
    this.socket.close();
  }
}

/** A connected client that has its first snapshot; closed by the given cleanups. */
export async function connectClient(url: string, credential: string, cleanups: (() => unknown)[]): Promise<TestClient> {
  const client = new TestClient(url, credential);
  cleanups.push(() => client.close());
  await client.connected();
  await client.next(EVENTS.agendaChanged);
  return client;
}
