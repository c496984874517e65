// @live-workshop/bench: the benchmark of bench/README.md — the real server and LiveKit on loopback,
// simulated attendees in worker processes, media clients in Chromium. harness.ts runs the steps
// of a run (src/steps/), report.ts writes bench/results/; test/smoke.test.ts is its `npm test` part.
// `npm run bench` lands here (inside the loopback-only namespace, via scripts/bench.mjs).
//   --smoke            the tiny run of the smoke test (N = 50, M = 2)
//   --profile          also write a V8 CPU profile of the server to bench/tmp/profiles/ (slows it: not for published figures)
//   --out DIR          where results go (default bench/results; a smoke run goes to the temp dir)
//   --ns 100,1000      fan-out sizes; --ms 10,20  media counts; --cycles 20  endurance cycles
//   --no-media         signalling only (no Chromium): fan-out, floor, baseline, memory
//   --no-endurance     skip the 20-cycle endurance run
//   --moves 6          measured moves per media count; --one-way  every move the attendee page's way (no cold comparison)
//   --no-live-segment  skip the live segment's load (upvotes, reactions, cues under them)
//   --events 50        events added beside the bench event at the end: memory per idle and per live event (0: skip)
import cliProgress from 'cli-progress';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBench } from './harness.js';
import { FULL_OPTIONS, SMOKE_OPTIONS, plannedUnits, type BenchOptions } from './options.js';
import { BENCH_DIR } from './paths.js';
import { summaryTable, writeResults } from './report.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const list = (name: string) => value(name)?.split(',').map(Number);

let options: BenchOptions = flag('smoke') ? SMOKE_OPTIONS : FULL_OPTIONS;
const ns = list('ns');
const ms = list('ms');
const cycles = value('cycles');
const movesPerM = value('moves');
if (ns) options = { ...options, fanoutNs: ns, memoryNs: [0, ...ns.filter((n) => options.memoryNs.includes(n))], baselineN: ns.includes(options.baselineN) ? options.baselineN : ns.at(-1)! };
if (ms) options = { ...options, moveMs: ms };
if (movesPerM) options = { ...options, movesPerM: Number(movesPerM) };
if (flag('one-way')) options = { ...options, compareWays: false };
if (flag('no-media')) options = { ...options, moveMs: [], endurance: null };
if (flag('no-endurance')) options = { ...options, endurance: null };
if (flag('no-live-segment')) options = { ...options, liveSegment: null };
const events = value('events');
if (events !== undefined) options = { ...options, events: Number(events) };
if (cycles && options.endurance) options = { ...options, endurance: { ...options.endurance, cycles: Number(cycles) } };
// A smoke run is for checking the harness: its files stay out of the committed results.
const outDir = resolve(value('out') ?? (flag('smoke') ? join(tmpdir(), 'lw-bench-smoke') : join(BENCH_DIR, 'results')));
if (flag('profile')) {
  const dir = join(BENCH_DIR, 'tmp', 'profiles'); // git-ignored: profiles are megabytes
  mkdirSync(dir, { recursive: true });
  options = { ...options, cpuProfileDir: dir };
}

const bars = new cliProgress.MultiBar({
  format: ' {bar} {percentage}% | {stage}',
  hideCursor: true, clearOnComplete: false, stopOnComplete: false, barsize: 30,
  // Into a file or a CI log too (not a terminal): a line every 10 s instead of a redrawn bar.
  noTTYOutput: true, notTTYSchedule: 10_000,
}, cliProgress.Presets.shades_classic);
const total = plannedUnits(options);
const bar = bars.create(total, 0, { stage: 'starting' });
const results = await runBench({
  ...options,
  progress: (stage, done) => bar.update(Math.min(done, total - 1), { stage }),
  log: (line) => bars.log(`${line}\n`),
}).finally(() => {
  bar.update(total, { stage: 'done' });
  bars.stop();
});
const paths = await writeResults(results, outDir);
process.stdout.write(`\n${summaryTable(results)}\nwrote ${paths.json}\n      ${paths.md}\n      ${paths.svg}\n      ${paths.latest}\n`);
process.exit(0);
