// The server's own test harness: the real app on an ephemeral port with injected clock, LiveKit
// and database. The protocol-level helpers (the recording Socket.IO client, HTTP registration)
// are the testkit's, re-exported so that server tests have one harness to import.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { addDays, eventTiming, localDateAndMinutes, type EventConfig } from '@live-workshop/shared';
import {
  completeForm as completeRegistrationForm, register as registerByMail, setMailReader, startMailCatcher, type MailCatcher, type Registered,
} from '@live-workshop/testkit';
import type { Database } from 'better-sqlite3';
import { createApp, type App } from '../src/app.js';
import { loadEventFile } from '../src/live/event/loadEventFile.js';
import type { LiveKitPort } from '../src/livekit/livekitPort.js';
import { createLog, type Log } from '../src/platform/log.js';
import type { Clock, Scheduler } from '../src/platform/clock.js';
import { systemClock, systemScheduler } from '../src/platform/clock.js';
import { openDatabase } from '../src/platform/db/db.js';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { PRIVACY_NOTICE_VERSION } from '../src/features/privacy/privacyNotice.js';
import { DEFAULT_REGISTRATION_LIMITS, type RegistrationLimits } from '../src/people/registration/registrationRoutes.js';

export { connectClient, TestClient } from '@live-workshop/testkit';

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
  /** An SMTP server to mail join links through (default: a mail catcher in this process, the app's `mail`). */
  smtpUrl?: string;
  /** Whether a past event is rehearsed at start-up (the app's default: off). */
  rehearsal?: 'auto' | 'off';
  /** Online backups (default: on demand only, into backups/ beside the database). */
  backups?: { intervalMs?: number; keep?: number; dir?: string };
  /** METRICS_TOKEN (default: none, so no /metrics). */
  metricsToken?: string;
  /** The app's log (default: silent, or TEST_LOG_LEVEL). */
  log?: Log;
  /** The built client to serve (default: none). */
  clientDist?: string;
}

/** Where a test app lives: its database, mail, event, and (in a deployment) its own address and rules. */
export interface TestAppPlace {
  readonly dbPath: string;
  /** The database, opened already (a deployment's host opens each event's); default: opened here. */
  readonly db?: Database;
  readonly smtpUrl: string;
  readonly event: EventConfig;
  readonly publicUrl?: string;
  readonly acceptUnscopedCredentials?: boolean;
  readonly closedByOrganiser?: () => string | null;
}

/** The real app with the test's ports and settings, not listening yet. */
export function buildTestApp(options: TestAppOptions, place: TestAppPlace): App {
  const clock = options.clock ?? systemClock;
  return createApp({
    clock,
    scheduler: options.scheduler ?? systemScheduler(clock),
    livekit: options.livekit ?? new MemoryLiveKit(),
    db: place.db ?? openDatabase(place.dbPath),
    log: options.log ?? createLog(process.env.TEST_LOG_LEVEL ?? 'silent'),
    event: place.event,
    settings: {
      publicUrl: place.publicUrl ?? 'http://localhost:3000', sessionSecret: TEST_SESSION_SECRET, allowedOrigins: ['http://localhost:3000'],
      webhook: options.webhook ?? { apiKey: 'devkey', apiSecret: 'secret' }, clientDist: options.clientDist ?? null,
      registrationLimits: { ...DEFAULT_REGISTRATION_LIMITS, perAddress: 100_000, perEmail: 1_000, ...options.registrationLimits },
      requestsPerSecond: options.requestsPerSecond, smtpUrl: place.smtpUrl, rehearsal: options.rehearsal,
      backups: { dir: join(dirname(place.dbPath), 'backups'), intervalMs: 0, keep: 12, ...options.backups },
      metricsToken: options.metricsToken,
      ...(place.acceptUnscopedCredentials === undefined ? {} : { acceptUnscopedCredentials: place.acceptUnscopedCredentials }),
      ...(place.closedByOrganiser ? { closedByOrganiser: place.closedByOrganiser } : {}),
    },
  });
}

/** Start the real app on an ephemeral loopback port, mailing join links to a mail catcher of its own. */
export async function startTestApp(options: TestAppOptions = {}): Promise<{ app: App; url: string; dbPath: string; mail: MailCatcher | null }> {
  const dbPath = options.dbPath ?? tempDbPath();
  const clock = options.clock ?? systemClock;
  const catcher = options.smtpUrl ? null : await startMailCatcher();
  const app = buildTestApp(options, { dbPath, smtpUrl: options.smtpUrl ?? catcher!.smtpUrl, event: options.event ?? seedEventFor(clock.now()) });
  const port = await app.listen(options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  if (catcher) {
    setMailReader(url, catcher);
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      setMailReader(url, null);
      await catcher.close();
    };
  }
  return { app, url, dbPath, mail: catcher };
}

/**
 * Register an attendee the way a person does: the form (other fields filled in validly), the join
 * link from the mail that arrives over SMTP, the link followed (confirming the address, admitting them).
 */
export const register = (url: string, form: Parameters<typeof registerByMail>[1]): Promise<Registered> =>
  registerByMail(url, form, { privacyNoticeVersion: PRIVACY_NOTICE_VERSION });

/** A complete registration form with the server's current privacy notice: what a test leaves out is filled with valid answers. */
export const completeForm = (form: Record<string, unknown>) => completeRegistrationForm(form, PRIVACY_NOTICE_VERSION);

/** The join credential of a moderator or speaker of the event file. */
export async function staffCredential(app: App, id: string): Promise<string> {
  return (await app.staffLinks()).find((l) => l.id === id)!.url.split('/join/')[1]!;
}
