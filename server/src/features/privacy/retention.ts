import type { AgendaState } from '@live-workshop/shared';
import type { MetaStore } from '../../platform/db/metaStore.js';
import type { Log } from '../../platform/log.js';
import type { Clock, Scheduler, TimerHandle } from '../../platform/clock.js';

const DAY_MS = 24 * 3600 * 1000;
const RETENTION_KEY = 'privacy:retentionDays';
const PURGED_KEY = 'privacy:purgedAt';

/** How long personal data is kept after the event, and where that setting comes from. */
export interface RetentionStatus {
  readonly retentionDays: number | null;
  readonly source: 'moderator' | 'event' | null;
  /** When the automatic purge will run (null until the event has ended, or without a retention). */
  readonly purgeDueAt: number | null;
  readonly purgedAt: number | null;
}

/**
 * The organisers' retention: the event file's `retentionDays`, overridden by a moderator's setting
 * (kept in the meta table). Once the event has ended, a purge is scheduled for end + retention.
 */
export class Retention {
  private timer: TimerHandle | null = null;

  constructor(private readonly deps: { meta: MetaStore; state: () => AgendaState; clock: Clock; scheduler: Scheduler; purge: () => void; log: Log }) {}

  status(): RetentionStatus {
    const override = this.deps.meta.get(RETENTION_KEY);
    const fromEvent = this.deps.state().event.retentionDays ?? null;
    const retentionDays = override ? (JSON.parse(override) as number) : fromEvent;
    const purged = this.deps.meta.get(PURGED_KEY);
    const { phase } = this.deps.state();
    return {
      retentionDays,
      source: override ? 'moderator' : fromEvent !== null ? 'event' : null,
      purgeDueAt: retentionDays !== null && phase.kind === 'ended' && !purged ? phase.endedAt + retentionDays * DAY_MS : null,
      purgedAt: purged ? (JSON.parse(purged) as number) : null,
    };
  }

  /** A moderator sets the retention in days, or null to fall back to the event file's. */
  setDays(days: number | null): RetentionStatus {
    if (days === null) this.deps.meta.delete(RETENTION_KEY);
    else this.deps.meta.set(RETENTION_KEY, JSON.stringify(days));
    this.arm();
    return this.status();
  }

  /** Note that the event's personal data was purged. */
  purged(): void {
    this.deps.meta.set(PURGED_KEY, JSON.stringify(this.deps.clock.now()));
    this.arm();
  }

  /** (Re-)schedule the automatic purge; call after the agenda or the setting changed. */
  arm(): void {
    this.timer?.cancel();
    this.timer = null;
    const due = this.status().purgeDueAt;
    if (due === null) return;
    this.timer = this.deps.scheduler.at(due, () => {
      this.timer = null;
      this.deps.log.info({ retentionDays: this.status().retentionDays }, 'retention reached: purging personal data');
      this.deps.purge();
    });
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }
}
