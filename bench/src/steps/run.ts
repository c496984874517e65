// What the steps of a benchmark run share: the options, progress and notes. Each step is one
// file of this folder; harness.ts runs them in order.
import type { BenchOptions } from '../options.js';

export interface BenchRun {
  readonly options: BenchOptions;
  readonly log: (line: string) => void;
  /** Reports progress: what is being done, and the work units it completes (as `plannedUnits` counts them). */
  readonly step: (stage: string, units?: number) => void;
  /** What a reader of the figures should know: dropped connections, clients that failed to start… */
  readonly notes: string[];
}

/** Everything a run starts, stopped in reverse order at the end, also on failure. */
export class Cleanups {
  private readonly fns: (() => Promise<void>)[] = [];

  /** Stop this at the end (before what was started earlier). */
  readonly later = (fn: () => Promise<void>): void => {
    this.fns.unshift(fn);
  };

  /** Run every cleanup; a failing one is logged and the others still run. */
  async runAll(log: (line: string) => void): Promise<void> {
    for (const cleanup of this.fns) await cleanup().catch((err: unknown) => log(`cleanup: ${err instanceof Error ? err.message : String(err)}`));
  }
}
