// The machine a run measured on, and its load average while the run lasted (anything else running
// shares the 2 cores, and the figures say so).
import { cpus, loadavg, totalmem } from 'node:os';
import { LIVEKIT_VERSION } from '@live-workshop/testkit';
import type { BenchResults } from './results.js';
import { round1 } from './stats.js';

/** How often the load average is sampled. */
const LOAD_SAMPLE_MS = 5_000;

export function machineOf(chromium: string | null): BenchResults['machine'] {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const cores = cpus().length;
  const memoryGb = Math.round(totalmem() / 2 ** 30);
  const short = cpu.replace(/\(R\)|\(TM\)|CPU|Processor|\d+-Core|@.*$/gi, '').trim().split(' ').slice(0, 3).join(' ');
  return {
    description: `${cores}-core ${short}, ${memoryGb} GB`, cpu, cores, memory_gb: memoryGb, node: process.version, chromium,
    livekit: `livekit-server v${LIVEKIT_VERSION}`,
  };
}

/** Samples the 1-minute load average from now until `stop()`. */
export class LoadSampler {
  private readonly samples: number[] = [loadavg()[0]!];
  private readonly timer = setInterval(() => this.samples.push(loadavg()[0]!), LOAD_SAMPLE_MS);

  stop(): void {
    clearInterval(this.timer);
  }

  /** Start, max, mean and the load right now. */
  summary(): BenchResults['load'] {
    const s = this.samples;
    return { start: round1(s[0]!), max: round1(Math.max(...s)), mean: round1(s.reduce((a, b) => a + b, 0) / s.length), end: round1(loadavg()[0]!) };
  }
}
