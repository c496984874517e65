// Scenarios 1 and 5: the cue fan-out at each N beside the floor (a raw io.emit of a payload of the
// same size to the same number of clients), and at the baseline N the naive way against ours.
import type { ClientSpec } from '../protocol.js';
import { sleep } from '../poll.js';
import type { BaselineResult, FanoutResult } from '../results.js';
import { cdfPoints, distribution, median, round1 } from '../stats.js';
import type { CueOutcome, CueRunner } from './cue.js';
import type { MemorySampler } from './memory.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

/** How long the floor waits for its broadcast to arrive everywhere before counting the missing. */
const FLOOR_WAIT_MS = 2_000;
/** The floor payload travels under the event name `bench:cue`, 4 characters shorter than `agenda:changed`. */
const EVENT_NAME_BYTES_DIFFERENCE = 'agenda:changed'.length - 'bench:cue'.length;

/** Connect more attendees for each N (ascending), sample memory where asked, measure cues and the floor. */
export async function measureFanout(
  run: BenchRun, stack: BenchStack, cues: CueRunner, memory: MemorySampler, signalling: readonly ClientSpec[],
): Promise<{ fanout: FanoutResult[]; baseline: BaselineResult | null }> {
  const { options } = run;
  const { pool, server, floor } = stack;
  const fanout: FanoutResult[] = [];
  let baseline: BaselineResult | null = null;
  for (const n of [...options.fanoutNs].sort((a, b) => a - b)) {
    run.step(`connecting ${n} attendees`);
    const before = pool.size;
    const connected = await pool.connect(server.url, signalling.slice(before, n));
    run.step(`connected ${pool.size} attendees`, Math.ceil((n - before) / 100));
    if (connected.failed > 0) run.notes.push(`N=${n}: ${connected.failed} attendees could not connect (${connected.errors.join('; ')})`);
    await cues.waitPrepared(n);
    // The floor: a bare Socket.IO server whose clients live in the same worker processes, one per attendee.
    run.step(`floor N=${n}: connecting`);
    const floorConnected = await pool.floorConnect(floor.url);
    if (floorConnected < n) run.notes.push(`floor N=${n}: only ${floorConnected} clients connected`);
    if (options.memoryNs.includes(n) && n !== 0) await memory.sample(n);

    // Cue and raw broadcast take turns, so both meet the same conditions on this shared machine.
    const outcomes: CueOutcome[] = [];
    const floorLatencies: number[] = [];
    const floorEmitMs: number[] = [];
    let floorLost = 0;
    for (let k = 0; k < options.cuesPerN; k++) {
      run.step(`fan-out N=${n}: cue ${k + 1}/${options.cuesPerN}`, 2);
      outcomes.push(await cues.cue(n, true));
      run.step(`floor N=${n}: broadcast ${k + 1}/${options.cuesPerN}`, 2);
      const seq = k + 1;
      const { t0, emitMs } = await floor.emit(seq, outcomes[0]!.sent.bytes + EVENT_NAME_BYTES_DIFFERENCE);
      await sleep(FLOOR_WAIT_MS);
      const got = await pool.floorCollect(seq);
      floorLatencies.push(...got.receivedAt.map((t) => t - t0));
      floorEmitMs.push(emitMs);
      floorLost += got.lost;
    }
    await pool.floorDisconnect();

    const all = outcomes.flatMap((o) => o.latencies);
    fanout.push({
      n, cues: outcomes.length, ...distribution(all),
      floor: { ...distribution(floorLatencies), lost: floorLost },
      lost: outcomes.reduce((s, o) => s + o.lost, 0), misplaced: outcomes.reduce((s, o) => s + o.misplaced, 0),
      via: outcomes.reduce((s, o) => ({ prepared: s.prepared + o.via.prepared, late: s.late + o.via.late, resync: s.resync + o.via.resync }), { prepared: 0, late: 0, resync: 0 }),
      fromLogLine: distribution(outcomes.flatMap((o) => o.fromLog)),
      commandToCue: distribution(outcomes.map((o) => o.sent.serverTime - o.sent.sentAt)),
      serverCpuMsPerCue: Math.round(outcomes.reduce((s, o) => s + o.cpuMs, 0) / outcomes.length),
      cueBytes: outcomes[0]!.sent.bytes,
      emitMs: { ours: median(outcomes.map((o) => o.logged.at - o.sent.serverTime)), floor: median(floorEmitMs) },
      cdf: { ours: cdfPoints(all), floor: cdfPoints(floorLatencies) },
    });
    run.log(`fan-out N=${n}: p99 ${fanout.at(-1)!.p99_ms} ms (floor ${fanout.at(-1)!.floor.p99_ms} ms), lost ${fanout.at(-1)!.lost}`);

    if (n === options.baselineN) baseline = await measureBaseline(run, stack, cues, n);
  }
  return { fanout, baseline };
}

/**
 * The naive way against the same server and clients: a bare "changed" ping, then each client
 * fetches its assignment. Naive and ours take turns, so both meet the same machine load.
 */
async function measureBaseline(run: BenchRun, { pool }: BenchStack, cues: CueRunner, n: number): Promise<BaselineResult> {
  const naive: CueOutcome[] = [];
  const ours: CueOutcome[] = [];
  for (let k = 0; k < run.options.cuesPerN; k++) {
    run.step(`baseline N=${n}: naive cue ${k + 1}/${run.options.cuesPerN}`, 2);
    await pool.setMode('naive');
    naive.push(await cues.cue(n, true));
    await pool.setMode('ours');
    ours.push(await cues.cue(n, true));
  }
  const summary = (os: CueOutcome[]) => ({
    ...distribution(os.flatMap((o) => o.latencies)), lost: os.reduce((s, o) => s + o.lost, 0), misplaced: os.reduce((s, o) => s + o.misplaced, 0),
  });
  const naiveSummary = summary(naive);
  const oursSummary = summary(ours);
  run.log(`baseline N=${n}: naive p99 ${naiveSummary.p99_ms} ms vs ours ${oursSummary.p99_ms} ms`);
  return { n, naive: naiveSummary, ours: oursSummary, ratio_p99: round1(naiveSummary.p99_ms / oursSummary.p99_ms) };
}
