// A series of measured moves with media clients (used by scenario 2 and the endurance run): each
// cue, then every page's move timed from the server's cue stamp, the audio gap heard, LiveKit's
// own view of who is in which room, and what the machine spent on it.
import type { RoomId } from '@live-workshop/shared';
import type { MediaClient, MediaFleet, PageMove } from '../mediaClients.js';
import { AUDIO_SAMPLE_MS } from '../mediaPage.js';
import type { CueSent } from '../moderator.js';
import { sleep, until } from '../poll.js';
import { busyPct, cpuMs, machineCpu } from '../procStats.js';
import { wallNow } from '../protocol.js';
import type { MoveResult } from '../results.js';
import { cdfPoints, distribution } from '../stats.js';
import { nextKeyOf, phaseKindOf, PREPARED_TIMEOUT_MS, SETTLE_TIMEOUT_MS, type CueOutcome, type CueRunner } from './cue.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

/** Time the page keeps counting received audio after a cue, to find the gap of the move. */
const AUDIO_WINDOW_MS = 4_000;

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
  const ready: number[] = [], connected: number[] = [], publishing: number[] = [], gaps: number[] = [], settled: number[] = [];
  const parts = noParts();
  let busyTicks = 0, totalTicks = 0, livekitCpu = 0, serverCpu = 0;
  let lost = 0, misplaced = 0;
  const failures: string[] = [];
  for (let k = 0; k < moves; k++) {
    run.step(`media M=${m}${n ? ` + N=${n}` : ''}: move ${k + 1}/${moves}`, 2);
    const nextKey = nextKeyOf(moderator.current.phaseKey);
    const allPrepared = await until(PREPARED_TIMEOUT_MS, async () => (await Promise.all(fleet.clients.map((c) => c.hasPrepared(nextKey)))).every(Boolean), 100);
    if (!allPrepared) run.notes.push(`M=${m}: not every media client held a prepared assignment for ${nextKey}`);
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
    busyTicks += machineAfter.busy - machineBefore.busy;
    totalTicks += machineAfter.total - machineBefore.total;
    livekitCpu += cpuMs(livekit.pid) - livekitBefore;
    serverCpu += cpuMs(server.pid) - serverBefore;
    for (const [key, values] of Object.entries(one.parts)) parts[key as keyof MoveParts].push(...values);
    const listeners = fleet.clients.filter((c) => c.member.hearsSomeone);
    const gapsNow = await Promise.all(listeners.map((c) => c.audioGap(sent.serverTime, sent.serverTime + AUDIO_WINDOW_MS)));
    const check = await placement.verify(expected);
    const result: MoveResult = {
      m, n, moves: 1, ready: distribution(one.ready), connected: distribution(one.connected), publishing: distribution(one.publishing), audioGap: distribution(gapsNow),
      lost: check.lost.length, misplaced: check.misplaced.length, failures: one.failures, livekitSettledMs: distribution([check.settledMs]),
      cdf: { ready: [], audioGap: [] },
      breakdown: partsOf(one.parts),
      machine: { busy_pct: busyPct(machineBefore, machineAfter), livekit_cpu_ms_per_move: 0, server_cpu_ms_per_move: 0 },
    };
    ready.push(...one.ready);
    connected.push(...one.connected);
    publishing.push(...one.publishing);
    gaps.push(...gapsNow);
    settled.push(check.settledMs);
    lost += check.lost.length;
    misplaced += check.misplaced.length;
    failures.push(...one.failures, ...check.lost.map((id) => `${sent.phaseKey}: ${id} in no room`), ...check.misplaced.map((id) => `${sent.phaseKey}: ${id} in the wrong room`));
    if (perMove) await perMove(k, result, outcome);
  }
  return {
    m, n, moves, ready: distribution(ready), connected: distribution(connected), publishing: distribution(publishing), audioGap: distribution(gaps), lost, misplaced,
    failures: failures.slice(0, 20), livekitSettledMs: distribution(settled),
    cdf: { ready: cdfPoints(ready, 50), audioGap: cdfPoints(gaps, 50) },
    breakdown: partsOf(parts),
    machine: {
      busy_pct: totalTicks > 0 ? Math.round((100 * busyTicks) / totalTicks) : 0,
      livekit_cpu_ms_per_move: Math.round(livekitCpu / moves), server_cpu_ms_per_move: Math.round(serverCpu / moves),
    },
  };
}

/** Waits for every media client's move of a cue; times are measured from the server's cue stamp. */
async function mediaMove(clients: readonly MediaClient[], sent: CueSent, timeoutMs: number) {
  const ready: number[] = [], connected: number[] = [], publishing: number[] = [], failures: string[] = [];
  const parts = noParts();
  await Promise.all(clients.map(async (c) => {
    const done = await until(timeoutMs, async () => {
      const moves = await c.moves();
      return moves.find((mv: PageMove) => mv.version === sent.version && ((mv.leftOldAt !== undefined && mv.readyAt !== undefined) || mv.error !== undefined || mv.sameRoom)) ?? null;
    }, 100);
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
  return { ready, connected, publishing, failures, parts };
}
