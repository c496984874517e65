// What a benchmark run measures and how much of it: the full run of issue 5, the smoke run of
// `npm test`, and the targets the results are compared with.

/** What to run. */
export interface BenchOptions {
  /** Fan-out sizes, ascending: attendees connected when the cues are given. */
  readonly fanoutNs: readonly number[];
  /** Cues per fan-out size (and raw broadcasts for the floor). */
  readonly cuesPerN: number;
  /** N at which the naive way is measured against ours (must be one of fanoutNs). */
  readonly baselineN: number;
  /** Connected attendees at which server memory and CPU are sampled (0 is before anyone connects). */
  readonly memoryNs: readonly number[];
  /** Media client counts to try (even), ascending; probing stops at the first at or above 10 that misses the targets. */
  readonly moveMs: readonly number[];
  /** Moves per media count (alternating plenary → breakouts → plenary …). */
  readonly movesPerM: number;
  /**
   * Rotate the media moves through every way of moving (cold join, pre-join, pre-join subscribed;
   * bench/src/mediaPage.ts) to compare them in the same run; otherwise every move is the attendee page's way.
   */
  readonly compareWays: boolean;
  /** The endurance run: n signalling attendees plus m media clients, `cycles` × (to breakouts, back). */
  readonly endurance: { readonly n: number; readonly m: number; readonly cycles: number } | null;
  /** The live segment's load at the largest fan-out N: upvotes and reactions per second, cues given under it. */
  readonly liveSegment: { readonly upvotesPerSecond: number; readonly reactionsPerSecond: number; readonly cues: number } | null;
  /** Quiet time before each memory sample (V8 gives back an idle heap after a few seconds). */
  readonly memorySettleMs: number;
  /** Events added beside the bench event at the end, for memory per idle and per live event (0: not measured). */
  readonly events: number;
  /** Worker processes for the signalling clients (≥ 2). */
  readonly workers: number;
  /** Write a V8 CPU profile of the server (slows it a little: not for the published figures). */
  readonly cpuProfileDir?: string;
  /** Called with a short description of each step and the number of units done. */
  readonly progress?: (stage: string, unitsDone: number) => void;
  /** Lines worth showing while running. */
  readonly log?: (line: string) => void;
}

/** The full-size run of issue 5. */
export const FULL_OPTIONS: BenchOptions = {
  fanoutNs: [100, 1000, 5000], cuesPerN: 5, baselineN: 1000, memoryNs: [0, 1000, 5000], moveMs: [2, 4, 10, 20, 30, 40], movesPerM: 6, compareWays: true,
  endurance: { n: 1000, m: 10, cycles: 20 }, memorySettleMs: 10_000, workers: 2, events: 50,
  liveSegment: { upvotesPerSecond: 1000, reactionsPerSecond: 500, cues: 5 },
};

/** Ways of moving the media page rotates through (mediaClients.ts MOVE_MODES), each for a pair of items. */
const MOVE_MODE_COUNT = 4;

/** The smoke run in `npm test`: correctness, small and fast; every way of moving, into the breakouts and back. */
export const SMOKE_OPTIONS: BenchOptions = {
  fanoutNs: [50], cuesPerN: 2, baselineN: 50, memoryNs: [0, 50], moveMs: [2], movesPerM: 2 * MOVE_MODE_COUNT, compareWays: true, endurance: { n: 50, m: 2, cycles: 1 }, memorySettleMs: 1_000, workers: 2, events: 2,
  liveSegment: { upvotesPerSecond: 20, reactionsPerSecond: 10, cues: 2 },
};

/** Targets of issue 5 (goals reported, never asserted). */
export const TARGETS = { fanoutFloorRatio: 1.2, fanoutP99At1000Ms: 100, moveP95Ms: 1500, audioGapP95Ms: 1000, mbPer1000: 40 } as const;

/**
 * Targets of issue 14 (make-before-break moves), also reported, never asserted: cue → in the new
 * room (and heard there) p95 by media count, against a cold join in the same run, and the audio gap.
 */
export const PREJOIN_TARGETS = { moveP95MsByM: { 4: 200, 10: 300 } as Record<number, number>, vsColdRatio: 0.3, audioGapP95MsAtM10: 150 } as const;

/** The work units of a run, for the progress bar. */
export function plannedUnits(o: BenchOptions): number {
  const maxN = Math.max(...o.fanoutNs, o.endurance?.n ?? 0);
  const maxM = Math.max(...o.moveMs, o.endurance?.m ?? 0);
  const cues = o.fanoutNs.length * o.cuesPerN * 2 + o.cuesPerN * 2 + (o.liveSegment?.cues ?? 0) * 2 + o.moveMs.length * o.movesPerM + (o.endurance ? o.endurance.cycles * 2 : 0);
  return Math.ceil(maxN / 100) * 2 + maxM + o.moveMs.reduce((a, b) => a + b, 0) + cues * 2 + 5 + (o.events > 0 ? 3 : 0);
}
