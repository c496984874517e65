// Server memory and idle CPU at a number of connected attendees, beside the bare Socket.IO floor
// server with as many idle clients; and the cost per 1,000 more attendees from those points.
import { sleep } from '../poll.js';
import { cpuOver, rssMb } from '../procStats.js';
import type { BenchResults, MemoryPoint } from '../results.js';
import { median, round1 } from '../stats.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

export class MemorySampler {
  readonly points: MemoryPoint[] = [];

  constructor(private readonly run: BenchRun, private readonly stack: BenchStack) {}

  /** Sample with n attendees connected (a point is kept for the figures). */
  async sample(n: number): Promise<void> {
    const { server, floor, serverHeap, floorHeap } = this.stack;
    // Let connection bursts and their garbage settle (V8 shrinks an idle heap after a few seconds), then take the median of three.
    await sleep(this.run.options.memorySettleMs);
    const idle = await cpuOver(server.pid, 2_000);
    // A full collection first (over the inspector), so the reading is what the connections keep.
    const [heap, bareHeap] = await Promise.all([serverHeap.collectAndMeasure(), floorHeap.collectAndMeasure()]);
    await sleep(1_000);
    const rss: number[] = [], bare: number[] = [];
    for (let i = 0; i < 3; i++) {
      rss.push(rssMb(server.pid));
      bare.push(rssMb(floor.pid));
      await sleep(500);
    }
    const floorClients = await floor.clients();
    this.points.push({
      n, rss_mb: median(rss), heap_mb: heap, idle_cpu_pct: idle.cpu_pct,
      bare_rss_mb: floorClients === n ? median(bare) : null, bare_heap_mb: floorClients === n ? bareHeap : null,
    });
  }

  /**
   * Per 1,000 more connected attendees: between the two largest counts (the figure; the 0 point
   * also carries the garbage of thousands of registrations), and from 0 for reference.
   */
  slope(): BenchResults['memorySlope'] {
    const slope = (key: 'rss_mb' | 'bare_rss_mb' | 'heap_mb' | 'bare_heap_mb', fromZero: boolean) => {
      const points = [...this.points].sort((a, b) => a.n - b.n);
      const hi = points.at(-1);
      const lo = fromZero ? points.find((p) => p.n === 0) : points.at(-2);
      const [a, b] = [lo?.[key], hi?.[key]];
      return lo && hi && a != null && b != null && hi.n > lo.n ? round1(((b - a) * 1000) / (hi.n - lo.n)) : null;
    };
    const serverSlope = slope('rss_mb', false);
    return serverSlope === null ? null : {
      server_mb_per_1000: serverSlope, server_mb_per_1000_from_zero: slope('rss_mb', true),
      server_heap_mb_per_1000: slope('heap_mb', false),
      bare_mb_per_1000: slope('bare_rss_mb', false), bare_mb_per_1000_from_zero: slope('bare_rss_mb', true),
      bare_heap_mb_per_1000: slope('bare_heap_mb', false),
    };
  }
}
