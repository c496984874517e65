// A series of measured moves with media clients (used by scenario 2 and the endurance run): each
// cue, then every page's move timed from the server's cue stamp, the audio gap heard, LiveKit's
// own view of who is in which room, and what the machine spent on it.
import type { RoomId } from '@live-workshop/shared';
import { MOVE_MODES, PRODUCTION_MODE, type MediaClient, type MediaFleet, type MoveMode, type PageMove } from '../mediaClients.js';
import { AUDIO_SAMPLE_MS } from '../mediaPage.js';
import type { CueSent } from '../moderator.js';
import { sleep, until } from '../poll.js';
import { busyPct, cpuMs, machineCpu, rssMb } from '../procStats.js';
import { wallNow } from '../protocol.js';
import type { ModeResult, MoveResult, WaitCost } from '../results.js';
import { cdfPoints, distribution } from '../stats.js';
import { nextKeyOf, phaseKindOf, PREPARED_TIMEOUT_MS, SETTLE_TIMEOUT_MS, type CueOutcome, type CueRunner } from './cue.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

/** Time the page keeps counting received audio after a cue, to find the gap of the move. */
const AUDIO_WINDOW_MS = 4_000;
/** The quiet wait before each cue (everyone holding its pre-join, or not) in which its cost is read. */
const WAIT_SAMPLE_MS = 2_000;

/** The agenda position of a bench phase key (`item:N`). */
const positionOf = (phaseKey: string) => Number(/^item:(\d+)$/.exec(phaseKey)?.[1] ?? Number.MAX_SAFE_INTEGER);

/** One move's figures, per client, by the way the move was made. */
interface ModeSamples { ready: number[]; hearing: number[]; audioGap: number[]; preJoined: number }
const noModes = (): Record<MoveMode, ModeSamples> => Object.fromEntries(MOVE_MODES.map((k) => [k, { ready: [], hearing: [], audioGap: [], preJoined: 0 }])) as unknown as Record<MoveMode, ModeSamples>;
const modesOf = (s: Record<MoveMode, ModeSamples>): Record<string, ModeResult> => Object.fromEntries(MOVE_MODES.map((k) => [k, {
  ready: distribution(s[k].ready), hearing: distribution(s[k].hearing), audioGap: distribution(s[k].audioGap), preJoined: s[k].preJoined,
}]));
/** The mode a series of moves into one phase was made in (every page rotates the same way). */
const modeOfMove = (moves: readonly PageMove[]): MoveMode => moves.find((mv) => mv.mode)?.mode ?? 'cold';

/** Where a move's time goes, per client. */
interface MoveParts {
  cueInPage: number[];
  connect: number[];
  publish: number[];
  leaveOld: number[];
}

const noParts = (): MoveParts => ({ cueInPage: [], connect: [], publish: [], leaveOld: [] });
const partsOf = (p: MoveParts): MoveResult['breakdown'] => ({
  cueInPage: distribution(p.cueInPage), connect: distribution(p.connect), publish: distribution(p.publish), leaveOld: distribution(p.leaveOld),
});

/** A series of moves: m media clients (the fleet) and n signalling attendees connected. */
export interface MoveSeries {
  readonly m: number;
  readonly n: number;
  readonly fleet: MediaFleet;
  readonly moves: number;
  /** Called after each move with its own result and the cue's signalling outcome. */
  readonly perMove?: (k: number, result: MoveResult, signal: CueOutcome) => Promise<void>;
}

/** Run the series' moves one after another; the result covers them all. */
export async function runMoves(run: BenchRun, stack: BenchStack, cues: CueRunner, { m, n, fleet, moves, perMove }: MoveSeries): Promise<MoveResult> {
  const { event, moderator, livekit, server, placement } = stack;
  const ready: number[] = [], connected: number[] = [], publishing: number[] = [], gaps: number[] = [], hearing: number[] = [], settled: number[] = [];
  const parts = noParts();
  const modes = noModes();
  const waits: Record<MoveMode, WaitSample[]> = { cold: [], prejoin: [], 'prejoin-subscribed': [], 'prejoin-published': [] };
  let busyTicks = 0, totalTicks = 0, livekitCpu = 0, serverCpu = 0, productionMoves = 0;
  let lost = 0, misplaced = 0;
  const failures: string[] = [];
  const into: Record<string, { hearing: number[]; audioGap: number[] }> = {};
  for (let k = 0; k < moves; k++) {
    run.step(`media M=${m}${n ? ` + N=${n}` : ''}: move ${k + 1}/${moves}`, 2);
    const nextKey = nextKeyOf(moderator.current.phaseKey);
    const allPrepared = await until(PREPARED_TIMEOUT_MS, async () => (await Promise.all(fleet.clients.map((c) => c.hasPrepared(nextKey)))).every(Boolean), 100);
    if (!allPrepared) run.notes.push(`M=${m}: not every media client held a prepared assignment (and its pre-join) for ${nextKey}`);
    const wait = await sampleWait(livekit.pid, server.pid);
    const machineBefore = machineCpu();
    const livekitBefore = cpuMs(livekit.pid);
    const serverBefore = cpuMs(server.pid);
    const outcome = await cues.cue(n, true);
    const { sent } = outcome;
    const kind = phaseKindOf(event, sent.phaseKey);
    const expected = new Map<string, RoomId>(fleet.clients.map((c) => [c.member.id, c.member.roomFor(kind)]));
    const one = await mediaMove(fleet.clients, sent, SETTLE_TIMEOUT_MS);
    await sleep(Math.max(0, sent.serverTime + AUDIO_WINDOW_MS + 2 * AUDIO_SAMPLE_MS - wallNow()));
    const machineAfter = machineCpu();
    const listeners = fleet.clients.filter((c) => c.member.hearsSomeone);
    const gapsNow = await Promise.all(listeners.map((c) => c.audioGap(sent.serverTime, sent.serverTime + AUDIO_WINDOW_MS)));
    // Hearing is read after the audio window: the first packet may come after the old room was left.
    const heardNow = (await Promise.all(listeners.map(async (c) => (await c.moves()).find((mv) => mv.version === sent.version)?.hearingAt)))
      .filter((t): t is number => t !== undefined).map((t) => t - sent.serverTime);
    const mode = modeOfMove(one.records);
    waits[mode].push(wait);
    const byMode = modes[mode];
    byMode.ready.push(...one.ready);
    byMode.hearing.push(...heardNow);
    byMode.audioGap.push(...gapsNow);
    byMode.preJoined += one.records.filter((r) => r.preJoined).length;
    const check = await placement.verify(expected, positionOf(sent.phaseKey));
    const counted = mode === PRODUCTION_MODE;
    const result: MoveResult = {
      m, n, moves: 1, mode, byMode: modesOf({ ...noModes(), [mode]: { ready: one.ready, hearing: heardNow, audioGap: gapsNow, preJoined: byMode.preJoined } }),
      ready: distribution(one.ready), connected: distribution(one.connected), publishing: distribution(one.publishing), audioGap: distribution(gapsNow), hearing: distribution(heardNow),
      lost: check.lost.length, misplaced: check.misplaced.length, failures: one.failures, livekitSettledMs: distribution([check.settledMs]),
      cdf: { ready: [], audioGap: [] },
      breakdown: partsOf(one.parts),
      machine: { busy_pct: busyPct(machineBefore, machineAfter), livekit_cpu_ms_per_move: 0, server_cpu_ms_per_move: 0 },
      waitCost: null,
    };
    if (counted) {
      productionMoves += 1;
      busyTicks += machineAfter.busy - machineBefore.busy;
      totalTicks += machineAfter.total - machineBefore.total;
      livekitCpu += cpuMs(livekit.pid) - livekitBefore;
      serverCpu += cpuMs(server.pid) - serverBefore;
      for (const [key, values] of Object.entries(one.parts)) parts[key as keyof MoveParts].push(...values);
      ready.push(...one.ready);
      connected.push(...one.connected);
      publishing.push(...one.publishing);
      gaps.push(...gapsNow);
      hearing.push(...heardNow);
      const where = (into[kind] ??= { hearing: [], audioGap: [] });
      where.hearing.push(...heardNow);
      where.audioGap.push(...gapsNow);
    }
    settled.push(check.settledMs);
    lost += check.lost.length;
    misplaced += check.misplaced.length;
    failures.push(...one.failures, ...check.lost.map((id) => `${sent.phaseKey}: ${id} in no room`), ...check.misplaced.map((id) => `${sent.phaseKey}: ${id} in the wrong room`));
    if (perMove) await perMove(k, result, outcome);
  }
  const per = Math.max(1, productionMoves);
  return {
    m, n, moves, mode: PRODUCTION_MODE, byMode: modesOf(modes),
    ready: distribution(ready), connected: distribution(connected), publishing: distribution(publishing), audioGap: distribution(gaps), hearing: distribution(hearing), lost, misplaced,
    failures: failures.slice(0, 20), livekitSettledMs: distribution(settled),
    cdf: { ready: cdfPoints(ready, 50), audioGap: cdfPoints(gaps, 50) },
    breakdown: partsOf(parts),
    machine: {
      busy_pct: totalTicks > 0 ? Math.round((100 * busyTicks) / totalTicks) : 0,
      livekit_cpu_ms_per_move: Math.round(livekitCpu / per), server_cpu_ms_per_move: Math.round(serverCpu / per),
    },
    waitCost: waitCostOf(waits, fleet.clients.length),
    into: Object.fromEntries(Object.entries(into).map(([k, v]) => [k, { hearing: distribution(v.hearing), audioGap: distribution(v.audioGap) }])),
  };
}

/** The machine in the quiet wait before a cue. */
interface WaitSample { livekitCpuPct: number; livekitRssMb: number; othersCpuPct: number }

/** LiveKit's CPU and memory and everyone else's CPU (the media pages, mostly) over WAIT_SAMPLE_MS. */
async function sampleWait(livekitPid: number, serverPid: number): Promise<WaitSample> {
  const machineBefore = machineCpu();
  const lkBefore = cpuMs(livekitPid), serverBefore = cpuMs(serverPid);
  const started = performance.now();
  await sleep(WAIT_SAMPLE_MS);
  const elapsed = performance.now() - started;
  const machineAfter = machineCpu();
  const lk = cpuMs(livekitPid) - lkBefore, srv = cpuMs(serverPid) - serverBefore;
  // Machine ticks are 10 ms each over all cores; as ms of one core: ticks × 10.
  const othersMs = (machineAfter.busy - machineBefore.busy) * 10 - lk - srv;
  return { livekitCpuPct: (100 * lk) / elapsed, livekitRssMb: rssMb(livekitPid), othersCpuPct: Math.max(0, (100 * othersMs) / elapsed) };
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

/** What holding the pre-joins costs: the waits before pre-joined moves against those before cold ones, per pre-joined person. */
function waitCostOf(waits: Record<MoveMode, WaitSample[]>, people: number): WaitCost | null {
  const cold = waits.cold, pre = waits[PRODUCTION_MODE];
  if (cold.length === 0 || pre.length === 0) return null;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const diff = (f: (w: WaitSample) => number) => (mean(pre.map(f)) - mean(cold.map(f))) / people;
  return {
    prejoined_people: people,
    livekit_cpu_pct_per_prejoined: r1(diff((w) => w.livekitCpuPct)),
    livekit_rss_mb_per_prejoined: r1(diff((w) => w.livekitRssMb)),
    clients_cpu_pct_waiting: { cold: r1(mean(cold.map((w) => w.othersCpuPct))), prejoined: r1(mean(pre.map((w) => w.othersCpuPct))) },
    livekit_cpu_pct_waiting: { cold: r1(mean(cold.map((w) => w.livekitCpuPct))), prejoined: r1(mean(pre.map((w) => w.livekitCpuPct))) },
  };
}

/** Waits for every media client's move of a cue; times are measured from the server's cue stamp. */
async function mediaMove(clients: readonly MediaClient[], sent: CueSent, timeoutMs: number) {
  const ready: number[] = [], connected: number[] = [], publishing: number[] = [], failures: string[] = [];
  const records: PageMove[] = [];
  const parts = noParts();
  await Promise.all(clients.map(async (c) => {
    const done = await until(timeoutMs, async () => {
      const moves = await c.moves();
      return moves.find((mv: PageMove) => mv.version === sent.version && ((mv.leftOldAt !== undefined && mv.readyAt !== undefined) || mv.error !== undefined || mv.sameRoom)) ?? null;
    }, 100);
    if (done) records.push(done);
    if (!done) failures.push(`${sent.phaseKey}: ${c.member.id} did not move within ${timeoutMs} ms`);
    else if (done.error) failures.push(`${sent.phaseKey}: ${c.member.id}: ${done.error}`);
    else if (done.readyAt !== undefined && done.connectedAt !== undefined && done.startedAt !== undefined) {
      ready.push(done.readyAt - sent.serverTime);
      connected.push(done.connectedAt - sent.serverTime);
      if (done.publishingAt !== undefined) {
        publishing.push(done.publishingAt - sent.serverTime);
        parts.publish.push(done.publishingAt - done.connectedAt);
      }
      parts.cueInPage.push(done.cueAt - sent.serverTime);
      parts.connect.push(done.connectedAt - done.startedAt);
      if (done.leftOldAt !== undefined) parts.leaveOld.push(done.leftOldAt - done.readyAt);
    }
  }));
  return { ready, connected, publishing, failures, parts, records };
}
