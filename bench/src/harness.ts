// The benchmark run: the real server and the real LiveKit server on loopback, simulated attendees
// in worker processes, media clients in Chromium; runs the scenarios of issue 5 one step after
// another (each step is a file in steps/) and returns every figure measured. `main.ts` writes
// the files; `test/smoke.test.ts` runs a tiny version.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoadSampler, machineOf } from './machine.js';
import type { BenchOptions } from './options.js';
import type { BenchResults } from './results.js';
import { measureBundles } from './steps/bundle.js';
import { measureEvents } from './steps/events.js';
import { CueRunner } from './steps/cue.js';
import { runEndurance } from './steps/endurance.js';
import { measureFanout } from './steps/fanout.js';
import { measureLiveSegment } from './steps/liveSegment.js';
import { measureMediaMoves } from './steps/mediaMoves.js';
import { MemorySampler } from './steps/memory.js';
import { registerEveryone } from './steps/registration.js';
import { Cleanups, type BenchRun } from './steps/run.js';
import { startStack } from './steps/stack.js';

/** Run the benchmark. Everything it starts, it stops, also on failure. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  let units = 0;
  const run: BenchRun = {
    options, log: options.log ?? (() => {}), notes: [],
    step: (stage, n = 1) => {
      units += n;
      options.progress?.(stage, units);
    },
  };
  const started = new Date();
  const runDir = mkdtempSync(join(tmpdir(), 'lw-bench-'));
  const load = new LoadSampler();
  const cleanups = new Cleanups();
  try {
    const stack = await startStack(run, runDir, cleanups.later);
    const people = await registerEveryone(run, stack);
    // Doors open, first plenary.
    await stack.moderator.command({ type: 'openDoors' });
    await stack.moderator.command({ type: 'start' });
    const memory = new MemorySampler(run, stack);
    if (options.memoryNs.includes(0)) await memory.sample(0);
    const cues = new CueRunner(run, stack);

    const { fanout, baseline } = await measureFanout(run, stack, cues, memory, people.signalling);
    // With the largest N still connected.
    const liveSegment = options.liveSegment ? await measureLiveSegment(run, stack, cues, Math.max(...options.fanoutNs)) : null;
    run.step('media: disconnecting signalling attendees');
    await stack.pool.shrinkTo(0);
    const media = await measureMediaMoves(run, stack, cues, people.mediaMembers);
    const endurance = options.endurance ? await runEndurance(run, stack, cues, people.signalling, people.mediaMembers, options.endurance) : null;
    const bundles = await measureBundles(run, stack);
    // Last: the other events stay open in the server until it stops, so no earlier figure carries them.
    if (options.events > 0) await stack.pool.shrinkTo(0);
    const events = options.events > 0 ? await measureEvents(run, stack, options.events) : null;

    return {
      machine: machineOf(media.chromium ?? endurance?.chromium ?? null),
      date: started.toISOString().slice(0, 10),
      startedAt: started.toISOString(),
      durationS: Math.round((Date.now() - started.getTime()) / 1000),
      isolated: process.env.LW_NETNS === '1',
      options: { ...options, progress: undefined, log: undefined } as BenchResults['options'],
      registration: people.registration, fanout, baseline, liveSegment, move: media.move, moveLimit: media.moveLimit, endurance: endurance?.endurance ?? null,
      memory: memory.points, memorySlope: memory.slope(), events,
      ...bundles,
      notes: run.notes,
      load: load.summary(),
    };
  } finally {
    load.stop();
    await cleanups.runAll(run.log);
    if (!process.env.BENCH_KEEP_RUN_DIR) rmSync(runDir, { recursive: true, force: true });
  }
}
