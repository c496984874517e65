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
import { DEFAULT_REGISTRATION_LIMITS, type RegistrationLimits } from '../src/people/registration/registrationRoutes.js';
import { joinLinkOf, startMailCatcher, type MailCatcher } from './mailCatcher.js';

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
  /** Registration limits (default: high enough for any test). */
  registrationLimits?: Partial<RegistrationLimits>;
  /** An SMTP server to mail join links through (default: a mail catcher in this process, see mailOf). */
  smtpUrl?: string;
  /** Whether a past event is rehearsed at start-up (the app's default: off). */
  rehearsal?: 'auto' | 'off';
}

/** The mail catcher of each app the harness started (by its URL), where its join links arrive. */
const catchers = new Map<string, MailCatcher>();

/** The mail catcher an app started by startTestApp mails to. */
export function mailOf(url: string): MailCatcher {
  const catcher = catchers.get(url);
  if (!catcher) throw new Error(`no mail catcher for ${url} (started with its own smtpUrl?)`);
  return catcher;
}

/** Start the real app on an ephemeral loopback port, mailing to a mail catcher of its own. */
export async function startTestApp(options: TestAppOptions = {}): Promise<{ app: App; url: string; dbPath: string; mail: MailCatcher | null }> {
  const dbPath = options.dbPath ?? tempDbPath();
  const clock = options.clock ?? systemClock;
  const catcher = options.smtpUrl ? null : await startMailCatcher();
  const app = createApp({
    clock,
    scheduler: options.scheduler ?? systemScheduler(clock),
    livekit: options.livekit ?? new MemoryLiveKit(),
    db: openDatabase(dbPath),
    log: createLog(process.env.TEST_LOG_LEVEL ?? 'silent'),
    event: options.event ?? seedEventFor(clock.now()),
    settings: {
      publicUrl: 'http://localhost:3000', sessionSecret: TEST_SESSION_SECRET, allowedOrigins: ['http://localhost:3000'],
      webhook: options.webhook ?? { apiKey: 'devkey', apiSecret: 'secret' }, clientDist: null,
      registrationLimits: { ...DEFAULT_REGISTRATION_LIMITS, perAddress: 100_000, perEmail: 1_000, ...options.registrationLimits },
      requestsPerSecond: options.requestsPerSecond, smtpUrl: options.smtpUrl ?? catcher!.smtpUrl, rehearsal: options.rehearsal,
    },
  });
  const port = await app.listen(options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  if (catcher) {
    catchers.set(url, catcher);
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      catchers.delete(url);
      await catcher.close();
    };
  }
  return { app, url, dbPath, mail: catcher };
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

/** What a registration through the harness led to: the server's answer, and once the mailed link was followed, who that is. */
export interface Registered {
  /** The registration's answer: 202 "check your inbox" when the form was taken. */
  readonly status: number;
  /** The answer to following the mailed link (absent when the form was refused). */
  readonly confirmStatus?: number;
  readonly body: { participantId: string; credential: string; joinUrl: string; code?: string; message?: string; fieldErrors?: Record<string, string> };
}

/**
 * Register an attendee the way a person does (the form's other fields filled in validly): post the
 * form, take the join link from the mail that arrives over SMTP, and follow it (which confirms the
 * address and admits them). A refused form or confirmation comes back as the server answered it.
 */
export async function register(url: string, form: { name: string; email: string; preferences?: string[]; organisation?: string } & Record<string, unknown>): Promise<Registered> {
  const mail = mailOf(url);
  const email = String(form.email).trim().toLowerCase();
  const before = mail.count(email);
  const res = await fetch(`${url}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(completeForm(form)) });
  const answer = (await res.json()) as Registered['body'];
  if (res.status !== 202) return { status: res.status, body: answer };
  const joinUrl = joinLinkOf(await mail.next(email, before));
  const credential = joinUrl.split('/join/')[1]!;
  const confirmed = await fetch(`${url}/api/me/confirm`, { method: 'POST', headers: { authorization: `Bearer ${credential}` } });
  const body = (await confirmed.json()) as Registered['body'];
  return { status: res.status, confirmStatus: confirmed.status, body: { ...body, credential, joinUrl } };
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
