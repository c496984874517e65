// The server's own test harness: the real app on an ephemeral port with injected clock, LiveKit
// and database. The protocol-level helpers (the recording Socket.IO client, HTTP registration)
// are the testkit's, re-exported so that server tests have one harness to import.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, eventTiming, localDateAndMinutes, type EventConfig } from '@live-workshop/shared';
import { completeForm as completeRegistrationForm } from '@live-workshop/testkit';
import { createApp, type App } from '../src/app.js';
import { loadEventFile } from '../src/event/loadEventFile.js';
import type { LiveKitPort } from '../src/livekit/livekitPort.js';
import { createLog } from '../src/log.js';
import type { Clock, Scheduler } from '../src/ports/clock.js';
import { systemClock, systemScheduler } from '../src/ports/clock.js';
import { openDatabase } from '../src/store/db.js';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { PRIVACY_NOTICE_VERSION } from '../src/privacy/privacyNotice.js';

export { connectClient, register, TestClient } from '@live-workshop/testkit';

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

/** A complete registration form with the server's current privacy notice: what a test leaves out is filled with valid answers. */
export const completeForm = (form: Record<string, unknown>) => completeRegistrationForm(form, PRIVACY_NOTICE_VERSION);

/** The join credential of a moderator or speaker of the event file. */
export async function staffCredential(app: App, id: string): Promise<string> {
  return (await app.staffLinks()).find((l) => l.id === id)!.url.split('/join/')[1]!;
}
