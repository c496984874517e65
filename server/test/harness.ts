import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import {
  addDays, EVENTS, eventTiming, localDateAndMinutes, PROTOCOL_VERSION, type ClientToServerEvents, type EventConfig, type Result, type ServerToClientEvents,
} from '@live-workshop/shared';
import { createApp, type App } from '../src/app.js';
import { loadEventFile } from '../src/live/event/loadEventFile.js';
import type { LiveKitPort } from '../src/livekit/livekitPort.js';
import { createLog } from '../src/platform/log.js';
import type { Clock, Scheduler } from '../src/platform/clock.js';
import { systemClock, systemScheduler } from '../src/platform/clock.js';
import { openDatabase } from '../src/platform/db/db.js';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { PRIVACY_NOTICE_VERSION } from '../src/features/privacy/privacyNotice.js';

export const SEED_EVENT_FILE = join(import.meta.dirname, '../events/microcredentials-2025.yaml');
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789';

/**
 * The seed workshop for a test clock: as written while the clock is before its end; once it is over
 * (the real clock, since October 2025) on the clock's next day, because a workshop that is over takes
 * no registrations.
 */
export function seedEventFor(nowMs: number): EventConfig {
  const seed = loadEventFile(SEED_EVENT_FILE);
  if (eventTiming(seed, nowMs) !== 'over') return seed;
  return { ...seed, date: addDays(localDateAndMinutes(nowMs, seed.timeZone).date, 1) };
}

/** A fresh temporary database path. */
export const tempDbPath = () => join(mkdtempSync(join(tmpdir(), 'lw-test-')), 'event.sqlite');

export interface TestAppOptions {
  livekit?: LiveKitPort;
  clock?: Clock;
  scheduler?: Scheduler;
  dbPath?: string;
  event?: EventConfig;
  port?: number;
  webhook?: { apiKey: string; apiSecret: string };
  requestsPerSecond?: number;
  registrationsPerIpPerMinute?: number;
  /** An SMTP server to mail join links through. */
  smtpUrl?: string;
  /** Whether a past event is rehearsed at start-up (the app's default: off). */
  rehearsal?: 'auto' | 'off';
}

/** Start the real app on an ephemeral loopback port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<{ app: App; url: string; dbPath: string }> {
  const dbPath = options.dbPath ?? tempDbPath();
  const clock = options.clock ?? systemClock;
  const app = createApp({
    clock,
    scheduler: options.scheduler ?? systemScheduler(clock),
    livekit: options.livekit ?? new MemoryLiveKit(),
    db: openDatabase(dbPath),
    log: createLog(process.env.TEST_LOG_LEVEL ?? 'silent'),
    event: options.event ?? seedEventFor(clock.now()),
    settings: {
      publicUrl: 'http://localhost:3000', sessionSecret: TEST_SESSION_SECRET, allowedOrigins: ['http://localhost:3000'],
      webhook: options.webhook ?? { apiKey: 'devkey', apiSecret: 'secret' }, clientDist: null, registrationsPerIpPerMinute: options.registrationsPerIpPerMinute ?? 10_000,
      requestsPerSecond: options.requestsPerSecond, smtpUrl: options.smtpUrl ?? null, rehearsal: options.rehearsal,
    },
  });
  const port = await app.listen(options.port ?? 0);
  return { app, url: `http://127.0.0.1:${port}`, dbPath };
}

type Received = { [K in keyof ServerToClientEvents]: Parameters<ServerToClientEvents[K]>[0] };

/** A typed Socket.IO client that records everything it receives, to await without sleeping. */
export class TestClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly received: { event: keyof Received; payload: unknown }[] = [];
  private waiters: { match: (e: keyof Received, p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];

  constructor(url: string, credential: string, protocolVersion = PROTOCOL_VERSION, options: { reconnection?: boolean; origin?: string; ignore?: (keyof Received)[] } = {}) {
    this.socket = connectSocket(url, {
      auth: { credential, protocolVersion }, transports: ['websocket'], reconnection: options.reconnection ?? false,
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

  /** Send a request and await its ack. */
  request<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
    return new Promise((resolve) => {
      (this.socket.emit as (e: string, p: unknown, ack: (r: unknown) => void) => void)(event, payload, (r) => resolve(r as never));
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

/** A complete registration form: what a test leaves out is filled with valid answers. */
export const completeForm = (form: Record<string, unknown>) => ({
  country: 'BE', stakeholderType: 'other', consent: true, privacyNoticeVersion: PRIVACY_NOTICE_VERSION, preferences: ['skills'], ...form,
});

/** Register an attendee over HTTP (the form's other fields filled in validly); returns the server's answer. */
export async function register(url: string, form: { name: string; email: string; preferences?: string[]; organisation?: string } & Record<string, unknown>) {
  const res = await fetch(`${url}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(completeForm(form)) });
  return { status: res.status, body: (await res.json()) as { participantId: string; credential: string; joinUrl: string; code?: string; fieldErrors?: Record<string, string> } };
}

/** The join credential of a moderator or speaker of the event file. */
export async function staffCredential(app: App, id: string): Promise<string> {
  return (await app.staffLinks()).find((l) => l.id === id)!.url.split('/join/')[1]!;
}

/** A connected client that has its first snapshot; closed by the given cleanups. */
export async function connectClient(url: string, credential: string, cleanups: (() => unknown)[]): Promise<TestClient> {
  const client = new TestClient(url, credential);
  cleanups.push(() => client.close());
  await client.connected();
  await client.next(EVENTS.agendaChanged);
  return client;
}
