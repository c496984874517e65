// The armed timers of an agenda's deadlines (the breakouts' warning and end): at most one per
// deadline, each remembering when its deadline is due, so the set can be brought in line with a
// new state without re-arming what did not change.
import type { Deadline, DeadlineId } from '@live-workshop/shared';
import type { Scheduler, TimerHandle } from '../../platform/clock.js';

export class DeadlineTimers {
  private readonly armed = new Map<DeadlineId, { at: number; handle: TimerHandle }>();
  /** Deadlines (id at due time) that fired here: `sync` does not arm them again while the state still holds them (a warning changes no state). */
  private readonly fired = new Set<string>();

  constructor(private readonly scheduler: Scheduler, private readonly fire: (id: DeadlineId, at: number) => void) {}

  /** Arm `id`, due `at` (replacing an armed one); it runs at `runAt` (a retry: later than `at`). */
  arm(id: DeadlineId, at: number, runAt = at): void {
    this.disarm(id);
    this.fired.delete(`${id}@${at}`);
    this.armed.set(id, {
      at,
      handle: this.scheduler.at(runAt, () => {
        this.armed.delete(id);
        this.fired.add(`${id}@${at}`);
        this.fire(id, at);
      }),
    });
  }

  disarm(id: DeadlineId): void {
    this.armed.get(id)?.handle.cancel();
    this.armed.delete(id);
  }

  has(id: DeadlineId): boolean {
    return this.armed.has(id);
  }

  /** Exactly `wanted` armed: the others cancelled, the missing armed, the unchanged left as they are. */
  sync(wanted: readonly Deadline[]): void {
    for (const [id, timer] of [...this.armed]) if (!wanted.some((d) => d.id === id && d.at === timer.at)) this.disarm(id);
    for (const d of wanted) if (!this.armed.has(d.id) && !this.fired.has(`${d.id}@${d.at}`)) this.arm(d.id, d.at);
    for (const key of [...this.fired]) if (!wanted.some((d) => `${d.id}@${d.at}` === key)) this.fired.delete(key);
  }

  clear(): void {
    for (const id of [...this.armed.keys()]) this.disarm(id);
  }
}
