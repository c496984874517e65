// The live segment under load: with N attendees connected, questions are asked, then upvoted
// (1,000 a second) and reactions sent (500 a second) while cues and raw broadcasts take turns as in
// the fan-out step; the server's answers (upvote acks, /healthz) show whether it stays responsive.
import { sleep } from '../poll.js';
import type { LiveSegmentResult } from '../results.js';
import { distribution, round1 } from '../stats.js';
import { phaseKindOf, type CueOutcome, type CueRunner } from './cue.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

/** Questions asked before the votes start (each attendee upvotes each at most once). */
const QUESTIONS = 30;
/** Load before the first measured cue, so every worker is at its rate. */
const WARM_UP_MS = 2_000;
/** How long the floor waits for its broadcast to arrive everywhere. */
const FLOOR_WAIT_MS = 2_000;
/** Between two looks at /healthz while the load runs. */
const HEALTH_PROBE_EVERY_MS = 250;

/** Run the live segment's load with the attendees connected now; `n` of them. */
export async function measureLiveSegment(run: BenchRun, stack: BenchStack, cues: CueRunner, n: number): Promise<LiveSegmentResult> {
  const spec = run.options.liveSegment!;
  const { pool, floor, server, moderator } = stack;
  // Questions are asked in the plenary.
  if (phaseKindOf(stack.event, moderator.current.phaseKey) !== 'plenary') await cues.cue(n, true);
  run.step(`live segment N=${n}: asking ${QUESTIONS} questions`);
  const questionIds = await pool.ask(QUESTIONS);
  if (questionIds.length < QUESTIONS) run.notes.push(`live segment: only ${questionIds.length} of ${QUESTIONS} questions were taken`);
  await pool.floorConnect(floor.url);

  run.step(`live segment N=${n}: ${spec.upvotesPerSecond} upvotes/s and ${spec.reactionsPerSecond} reactions/s`);
  await pool.liveLoadStart({ questionIds, upvotesPerSecond: spec.upvotesPerSecond, reactionsPerSecond: spec.reactionsPerSecond });
  const health: number[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const t0 = performance.now();
      const ok = await fetch(`${server.url}/healthz`).then((r) => r.ok, () => false);
      if (ok) health.push(performance.now() - t0);
      await sleep(HEALTH_PROBE_EVERY_MS);
    }
  })();
  await sleep(WARM_UP_MS);

  const outcomes: CueOutcome[] = [];
  const floorLatencies: number[] = [];
  let floorLost = 0;
  for (let k = 0; k < spec.cues; k++) {
    run.step(`live segment N=${n}: cue ${k + 1}/${spec.cues} under load`, 2);
    outcomes.push(await cues.cue(n, true));
    const seq = 1000 + k;
    const { t0 } = await floor.emit(seq, outcomes[0]!.sent.bytes);
    await sleep(FLOOR_WAIT_MS);
    const got = await pool.floorCollect(seq);
    floorLatencies.push(...got.receivedAt.map((t) => t - t0));
    floorLost += got.lost;
  }
  const answers = await pool.liveLoadStop();
  probing = false;
  await prober;
  await pool.floorDisconnect();

  const seconds = Math.max(...answers.map((a) => a.seconds));
  const clients = answers.reduce((s, a) => s + a.clients, 0);
  const total = (pick: (a: (typeof answers)[number]) => number) => answers.reduce((s, a) => s + pick(a), 0);
  const refusals: Record<string, number> = {};
  for (const a of answers) for (const [code, count] of Object.entries(a.refusals)) refusals[code] = (refusals[code] ?? 0) + count;
  const cue = distribution(outcomes.flatMap((o) => o.latencies));
  const floorDistribution = distribution(floorLatencies);
  const result: LiveSegmentResult = {
    n, seconds: round1(seconds), questions: questionIds.length,
    upvotes: { per_second: round1(total((a) => a.upvotesOk) / seconds), sent: total((a) => a.upvotesSent), ok: total((a) => a.upvotesOk), refusals, ack: distribution(answers.flatMap((a) => a.upvoteAckMs)) },
    reactions: {
      per_second: round1(total((a) => a.reactionsOk) / seconds), sent: total((a) => a.reactionsSent), ok: total((a) => a.reactionsOk),
      messages_per_client_per_second: round1(total((a) => a.reactionMessages) / clients / seconds),
    },
    cue: { ...cue, lost: outcomes.reduce((s, o) => s + o.lost, 0), misplaced: outcomes.reduce((s, o) => s + o.misplaced, 0) },
    floor: { ...floorDistribution, lost: floorLost },
    ratio_p99: round1(cue.p99_ms / floorDistribution.p99_ms),
    healthz: distribution(health),
  };
  run.log(`live segment N=${n}: ${result.upvotes.per_second} upvotes/s (ack p99 ${result.upvotes.ack.p99_ms} ms), ${result.reactions.per_second} reactions/s, cue p99 ${cue.p99_ms} ms vs floor ${floorDistribution.p99_ms} ms`);
  return result;
}
