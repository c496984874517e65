// Online backups of the event's SQLite database while it runs: SQLite's backup API (better-sqlite3's
// db.backup) copies a consistent snapshot without pausing writers. Taken on demand and every
// `intervalMs` (0: never on a schedule); the newest `keep` are kept, as <event id>-<time>.sqlite.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import type { Clock, Scheduler, TimerHandle } from '../../platform/clock.js';
import type { Log } from '../../platform/log.js';

/** Where and how often backups are written. */
export interface BackupSettings {
  /** The folder of the backups (DATA_DIR/backups). */
  readonly dir: string;
  /** Time between scheduled backups; 0 turns the schedule off. */
  readonly intervalMs: number;
  /** How many backups to keep (the oldest go first). */
  readonly keep: number;
}

/** One backup written. */
export interface BackupTaken {
  readonly file: string;
  readonly path: string;
}

/** ISO 8601 basic format (no colons, so the name is valid everywhere), e.g. 20261202T040338.123Z. */
const fileTime = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '');
const BACKUP_TIME = /^\d{8}T\d{6}\.\d{3}Z(-\d+)?\.sqlite$/;

/** The backups of an event in a folder, oldest first. */
export function listBackups(dir: string, eventId: string): string[] {
  if (!existsSync(dir)) return [];
  const prefix = `${eventId}-`;
  // A same-millisecond second backup is "<time>-2": it sorts after "<time>" by this key.
  const order = (f: string) => f.replace(/\.sqlite$/, '').replace(/Z$/, 'Z-1');
  return readdirSync(dir).filter((f) => f.startsWith(prefix) && BACKUP_TIME.test(f.slice(prefix.length)))
    .sort((a, b) => order(a).localeCompare(order(b), 'en', { numeric: true }));
}

export interface BackupDeps {
  readonly db: Database;
  readonly eventId: () => string;
  readonly settings: BackupSettings;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly log: Log;
}

/** Takes backups on demand and on a schedule, one at a time. */
export class BackupService {
  private timer: TimerHandle | null = null;
  private running: Promise<BackupTaken> | null = null;
  private stopped = false;

  constructor(private readonly deps: BackupDeps) {}

  /** Start the schedule (nothing when intervalMs is 0). */
  start(): void {
    const { intervalMs } = this.deps.settings;
    if (intervalMs <= 0 || this.stopped) return;
    this.timer = this.deps.scheduler.at(this.deps.clock.now() + intervalMs, () => {
      this.timer = null;
      if (this.stopped) return;
      this.take().catch((err: unknown) => this.deps.log.error({ err }, 'scheduled backup failed'));
      this.start();
    });
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
  }

  /** The backup under way, if any (tests and shutdown await it). */
  whenIdle(): Promise<unknown> {
    return this.running?.catch(() => undefined) ?? Promise.resolve();
  }

  /** Write a backup now; one that is under way is awaited first, so two never overlap. */
  async take(): Promise<BackupTaken> {
    const previous = this.whenIdle();
    const next = previous.then(() => this.write());
    this.running = next;
    try {
      return await next;
    } finally {
      if (this.running === next) this.running = null;
    }
  }

  private async write(): Promise<BackupTaken> {
    const { dir } = this.deps.settings;
    mkdirSync(dir, { recursive: true });
    const base = `${this.deps.eventId()}-${fileTime(this.deps.clock.now())}`;
    let file = `${base}.sqlite`;
    for (let n = 2; existsSync(join(dir, file)); n++) file = `${base}-${n}.sqlite`;
    const path = join(dir, file);
    // Written under a name no listing matches, then renamed: a half-written backup is never taken for one.
    const partial = join(dir, `.${file}.partial`);
    try {
      await this.deps.db.backup(partial);
      // The copy keeps the live file's WAL mode; a plain rollback journal lets it be read (even
      // read-only, as the restore command does) without leaving -wal/-shm files beside it.
      const copy = new Sqlite(partial);
      copy.pragma('journal_mode = DELETE');
      copy.close();
      renameSync(partial, path);
    } catch (err) {
      rmSync(partial, { force: true });
      throw err;
    }
    this.prune();
    this.deps.log.info({ file }, 'backup written');
    return { file, path };
  }

  private prune(): void {
    const { dir, keep } = this.deps.settings;
    const all = listBackups(dir, this.deps.eventId());
    for (const old of all.slice(0, Math.max(0, all.length - Math.max(1, keep)))) {
      for (const f of [old, `${old}-wal`, `${old}-shm`]) rmSync(join(dir, f), { force: true });
    }
  }
}
