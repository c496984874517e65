// Scenario 3: endurance — n signalling attendees and m media clients connected together, `cycles`
// times to the breakouts and back, with the server's memory and CPU after each cycle.
import { MediaFleet, PRODUCTION_MODE, type MediaMember } from '../mediaClients.js';
import { cpuMs, rssMb } from '../procStats.js';
import type { ClientSpec } from '../protocol.js';
import type { BenchResults, EnduranceCycle, MoveResult } from '../results.js';
import { distribution } from '../stats.js';
import type { CueRunner } from './cue.js';
import { runMoves } from './moves.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

export async function runEndurance(
  run: BenchRun, stack: BenchStack, cues: CueRunner, signalling: readonly ClientSpec[], mediaMembers: (m: number) => MediaMember[],
  { n, m, cycles }: { n: number; m: number; cycles: number },
): Promise<{ endurance: NonNullable<BenchResults['endurance']>; chromium: string }> {
  const { pool, server } = stack;
  run.step(`endurance: connecting ${n} attendees`);
  await pool.connect(server.url, signalling.slice(0, n));
  const fleet = await MediaFleet.start({ pageUrl: `${stack.pageServer.url}?mode=${PRODUCTION_MODE}`, serverUrl: server.url, members: mediaMembers(m), onStarted: () => run.step('endurance: pages') });
  try {
    const perCycle: EnduranceCycle[] = [];
    let cycleCpu = cpuMs(server.pid);
    let signallingLost = 0, signallingMisplaced = 0;
    const cycleLatencies: number[] = [];
    const cycleMedia: MoveResult[] = [];
    const result = await runMoves(run, stack, cues, {
      m, n, fleet, moves: cycles * 2,
      perMove: async (k, r, signal) => {
        signallingLost += signal.lost;
        signallingMisplaced += signal.misplaced;
        cycleLatencies.push(...signal.latencies);
        cycleMedia.push(r);
        if (k % 2 !== 1) return;
        const now = cpuMs(server.pid);
        perCycle.push({
          cycle: (k + 1) / 2, rss_mb: rssMb(server.pid), cpu_ms: now - cycleCpu,
          signalling: { lost: signallingLost, misplaced: signallingMisplaced, p99_ms: distribution(cycleLatencies).p99_ms },
          media: {
            lost: cycleMedia.reduce((s, x) => s + x.lost, 0), misplaced: cycleMedia.reduce((s, x) => s + x.misplaced, 0),
            ready_p95_ms: Math.max(...cycleMedia.map((x) => x.ready.p95_ms)), audio_gap_p95_ms: Math.max(...cycleMedia.map((x) => x.audioGap.p95_ms)),
          },
        });
        cycleCpu = now;
        signallingLost = 0;
        signallingMisplaced = 0;
        cycleLatencies.length = 0;
        cycleMedia.length = 0;
        run.log(`endurance cycle ${perCycle.length}/${cycles}: RSS ${perCycle.at(-1)!.rss_mb} MB, CPU ${perCycle.at(-1)!.cpu_ms} ms, lost ${perCycle.at(-1)!.signalling.lost}+${perCycle.at(-1)!.media.lost}`);
      },
    });
    return { endurance: { n, m, cycles: perCycle, move: result }, chromium: fleet.version };
  } finally {
    await fleet.close();
  }
}
