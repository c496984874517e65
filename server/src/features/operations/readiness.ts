// Readiness: is this server able to run the event right now? Three checks, each with a plain
// reason when it fails: the database takes a write, LiveKit's room API answers, the mail server
// accepts a connection (checked at most every MAIL_CHECK_CACHE_MS, so probes cannot hammer it).
import type { Database } from 'better-sqlite3';
import type { LiveKitPort } from '../../livekit/livekitPort.js';
import type { Clock, Scheduler } from '../../platform/clock.js';
import { SqliteMetaStore } from '../../platform/db/metaStore.js';
import type { Log } from '../../platform/log.js';
import { problemInWords } from './problemInWords.js';

/** How long one LiveKit or mail check may take before it counts as failed. */
export const CHECK_TIMEOUT_MS = 3_000;
/** How long a mail check's outcome is reused. */
export const MAIL_CHECK_CACHE_MS = 5_000;
/** The meta row the database check writes (the time of the last check). */
const READY_KEY = 'operations:readyCheckedAt';

/** One check's outcome: ok, or why not. */
export type CheckOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** What /readyz answers. */
export interface Readiness {
  readonly ready: boolean;
  readonly checks: { readonly db: CheckOutcome; readonly livekit: CheckOutcome; readonly mail: CheckOutcome };
}

/** Verifies the mail server (nodemailer's transport.verify()). */
export interface MailProbe {
  verify(): Promise<unknown>;
  close(): void;
}

export interface ReadinessDeps {
  readonly db: Database;
  readonly livekit: LiveKitPort;
  readonly mail: MailProbe;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly log: Log;
}

const OK: CheckOutcome = { ok: true };

/** Decides readiness from the three checks. */
export class ReadinessService {
  private readonly meta: SqliteMetaStore;
  private mailCheck: { at: number; outcome: Promise<CheckOutcome> } | null = null;

  constructor(private readonly deps: ReadinessDeps) {
    this.meta = new SqliteMetaStore(deps.db);
  }

  async check(): Promise<Readiness> {
    const [livekit, mail] = await Promise.all([this.checkLiveKit(), this.checkMail()]);
    const checks = { db: this.checkDb(), livekit, mail };
    return { ready: checks.db.ok && livekit.ok && mail.ok, checks };
  }

  close(): void {
    this.deps.mail.close();
  }

  /** A real committed write (a full-sync WAL commit): a read-only or full disk fails it. */
  private checkDb(): CheckOutcome {
    try {
      this.meta.set(READY_KEY, JSON.stringify(this.deps.clock.now()));
      return OK;
    } catch (err) {
      this.deps.log.warn({ err }, 'readiness: database write failed');
      return { ok: false, reason: `the database does not take writes (${(err as { code?: string }).code ?? 'error'})` };
    }
  }

  private async checkLiveKit(): Promise<CheckOutcome> {
    try {
      await this.withTimeout(this.deps.livekit.listRooms());
      return OK;
    } catch (err) {
      this.deps.log.warn({ err }, 'readiness: LiveKit check failed');
      return { ok: false, reason: problemInWords("LiveKit's room API", err) };
    }
  }

  private checkMail(): Promise<CheckOutcome> {
    const now = this.deps.clock.now();
    if (this.mailCheck && now - this.mailCheck.at < MAIL_CHECK_CACHE_MS) return this.mailCheck.outcome;
    const outcome = this.withTimeout(this.deps.mail.verify()).then(() => OK, (err: unknown) => {
      this.deps.log.warn({ err }, 'readiness: mail check failed');
      return { ok: false, reason: problemInWords('the mail server (SMTP_URL)', err) } as CheckOutcome;
    });
    this.mailCheck = { at: now, outcome };
    return outcome;
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = this.deps.scheduler.at(this.deps.clock.now() + CHECK_TIMEOUT_MS, () => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      work.then((value) => { timer.cancel(); resolve(value); }, (err: unknown) => { timer.cancel(); reject(err); });
    });
  }
}
