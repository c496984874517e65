/** The time source; injected so tests control it. */
export interface Clock {
  now(): number;
}

/** A handle to cancel a scheduled callback. */
export interface TimerHandle {
  cancel(): void;
}

/** Runs callbacks at absolute times; injected so tests control it. */
export interface Scheduler {
  at(timeMs: number, fn: () => void): TimerHandle;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Node's longest setTimeout delay. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** A scheduler on Node timers that re-arms for very long delays. */
export function systemScheduler(clock: Clock = systemClock): Scheduler {
  return {
    at(timeMs, fn) {
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        const delay = timeMs - clock.now();
        if (delay > MAX_TIMEOUT_MS) timer = setTimeout(arm, MAX_TIMEOUT_MS);
        else timer = setTimeout(fn, Math.max(0, delay));
        timer.unref?.();
      };
      arm();
      return { cancel: () => clearTimeout(timer) };
    },
  };
}

/** A clock and scheduler that only move when told to (tests). */
export class ManualTime implements Clock, Scheduler {
  private pending: { at: number; fn: () => void; cancelled: boolean }[] = [];
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  at(timeMs: number, fn: () => void): TimerHandle {
    const entry = { at: timeMs, fn, cancelled: false };
    this.pending.push(entry);
    return { cancel: () => { entry.cancelled = true; } };
  }
  /** Move the clock forward, running every callback that comes due, in time order. */
  advanceTo(timeMs: number): void {
    for (;;) {
      const due = this.pending.filter((p) => !p.cancelled && p.at <= timeMs).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.current = Math.max(this.current, due.at);
      due.cancelled = true;
      due.fn();
    }
    this.current = timeMs;
    this.pending = this.pending.filter((p) => !p.cancelled);
  }
  advanceBy(ms: number): void {
    this.advanceTo(this.current + ms);
  }
}
