// The benchmark: the real server and the real LiveKit server on loopback, simulated attendees in
// worker processes, media clients in Chromium; runs the scenarios of issue 5 and returns every
// figure measured. `main.ts` writes the files; `test/smoke.test.ts` runs a tiny version.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { breakoutRoomId, type EventConfig, type RoomId } from '@live-workshop/shared';
import { CLIENT_DIST, freeTcpPort as freePort, readEventFile, startLiveKitServer, type RunningLiveKit } from '@live-workshop/testkit';
import { AppServer, type CueLogLine } from './appServer.js';
import { attendeeBundleSize, loadedAttendeeBundle, type BundleSize, type LoadedBundle } from './bundleSize.js';
import { FloorServer } from './floor.js';
import { HeapProbe } from './heapProbe.js';
import { MediaFleet, type MediaClient, type MediaMember, type PageMove } from './mediaClients.js';
import { AUDIO_SAMPLE_MS, startMediaPageServer } from './mediaPage.js';
import { Moderator, type CueSent } from './moderator.js';
import { BENCH_DIR } from './paths.js';
import { PlacementCheck } from './placementCheck.js';
import { busyPct, cpuMs, cpuOver, machineCpu, rssMb } from './procStats.js';
import { wallNow, type ClientMode, type ClientSpec, type PhaseKind } from './protocol.js';
import { registerAttendees } from './registrations.js';
import { cdfPoints, distribution, type Distribution } from './stats.js';
import { WorkerPool } from './workerPool.js';

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
  /** The endurance run: n signalling attendees plus m media clients, `cycles` × (to breakouts, back). */
  readonly endurance: { readonly n: number; readonly m: number; readonly cycles: number } | null;
  /** Quiet time before each memory sample (V8 gives back an idle heap after a few seconds). */
  readonly memorySettleMs: number;
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
  fanoutNs: [100, 1000, 5000], cuesPerN: 5, baselineN: 1000, memoryNs: [0, 1000, 5000], moveMs: [2, 4, 10, 20, 30, 40], movesPerM: 4,
  endurance: { n: 1000, m: 10, cycles: 20 }, memorySettleMs: 10_000, workers: 2,
};

/** The smoke run in `npm test`: correctness, small and fast. */
export const SMOKE_OPTIONS: BenchOptions = {
  fanoutNs: [50], cuesPerN: 2, baselineN: 50, memoryNs: [0, 50], moveMs: [2], movesPerM: 2, endurance: { n: 50, m: 2, cycles: 1 }, memorySettleMs: 1_000, workers: 2,
};

/** Targets of issue 5 (goals reported, never asserted). */
export const TARGETS = { fanoutFloorRatio: 1.2, fanoutP99At1000Ms: 100, moveP95Ms: 1500, audioGapP95Ms: 1000, mbPer1000: 40 } as const;

export interface FanoutResult extends Distribution {
  readonly n: number;
  readonly cues: number;
  /** Raw io.emit of the same payload size to the same clients: the floor. */
  readonly floor: Distribution & { readonly lost: number };
  readonly lost: number;
  readonly misplaced: number;
  /** How attendees got their assignment: prepared before the cue, or sent after it. */
  readonly via: { prepared: number; late: number; resync: number };
  /** Same deliveries measured from the cue log line's `at` (stamped after the server's io.emit returned). */
  readonly fromLogLine: Distribution;
  /** Moderator's command sent → cue stamped by the server (engine step + durable save). */
  readonly commandToCue: Distribution;
  /** Server CPU per cue (the cue and the preparation of the next one), ms. */
  readonly serverCpuMsPerCue: number;
  /** Bytes of the cue broadcast (JSON). */
  readonly cueBytes: number;
  /** How long the broadcast call itself took (median over cues): ours from the cue stamp to the log line, the floor's io.emit. */
  readonly emitMs: { readonly ours: number; readonly floor: number };
  /** Percentile curves for the chart. */
  readonly cdf: { readonly ours: { percentile: number; ms: number }[]; readonly floor: { percentile: number; ms: number }[] };
}

export interface BaselineResult {
  readonly n: number;
  readonly naive: Distribution & { lost: number; misplaced: number };
  readonly ours: Distribution & { lost: number; misplaced: number };
  readonly ratio_p99: number;
}

export interface MoveResult {
  readonly m: number;
  /** Signalling attendees connected at the same time. */
  readonly n: number;
  readonly moves: number;
  /** Cue → connected in the new room, and publishing there where this person may speak: the move's figure. */
  readonly ready: Distribution;
  readonly connected: Distribution;
  /** Cue → publishing, for moves into rooms where the person may speak (attendees in breakouts, the speaker on stage). */
  readonly publishing: Distribution;
  readonly audioGap: Distribution;
  readonly lost: number;
  readonly misplaced: number;
  readonly failures: string[];
  readonly livekitSettledMs: Distribution;
  /** Where a move's time goes, per client: cue stamp → cue in the page; move start → connected; connected → publishing; → old room left. */
  readonly breakdown: { readonly cueInPage: Distribution; readonly connect: Distribution; readonly publish: Distribution; readonly leaveOld: Distribution };
  /** The machine during the moves (cue → end of the audio window): all cores busy %, LiveKit and app server CPU per move. */
  readonly machine: { readonly busy_pct: number; readonly livekit_cpu_ms_per_move: number; readonly server_cpu_ms_per_move: number };
  readonly cdf: { readonly ready: { percentile: number; ms: number }[]; readonly audioGap: { percentile: number; ms: number }[] };
}

export interface MemoryPoint {
  readonly n: number;
  readonly rss_mb: number;
  /** V8 heap in use after a full garbage collection. */
  readonly heap_mb: number;
  /** Server CPU while idle with n connected, percent of one core. */
  readonly idle_cpu_pct: number;
  /** The bare Socket.IO floor server with the same number of (idle) clients. */
  readonly bare_rss_mb: number | null;
  readonly bare_heap_mb: number | null;
}

export interface EnduranceCycle {
  readonly cycle: number;
  readonly rss_mb: number;
  readonly cpu_ms: number;
  readonly signalling: { lost: number; misplaced: number; p99_ms: number };
  readonly media: { lost: number; misplaced: number; ready_p95_ms: number; audio_gap_p95_ms: number };
}

export interface BenchResults {
  readonly machine: { readonly description: string; readonly cpu: string; readonly cores: number; readonly memory_gb: number; readonly node: string; readonly chromium: string | null; readonly livekit: string };
  readonly date: string;
  readonly startedAt: string;
  readonly durationS: number;
  readonly isolated: boolean;
  readonly options: Omit<BenchOptions, 'progress' | 'log'>;
  /** Registering the signalling attendees through the HTTP endpoint, 16 at a time. */
  readonly registration: { readonly n: number; readonly seconds: number; readonly per_second_by_thousand: number[] };
  readonly fanout: FanoutResult[];
  readonly baseline: BaselineResult | null;
  readonly move: MoveResult[];
  readonly moveLimit: { readonly m: number; readonly reason: string };
  readonly endurance: { readonly n: number; readonly m: number; readonly cycles: EnduranceCycle[]; readonly move: MoveResult } | null;
  readonly memory: MemoryPoint[];
  readonly memorySlope: {
    readonly server_mb_per_1000: number; readonly server_mb_per_1000_from_zero: number | null; readonly server_heap_mb_per_1000: number | null;
    readonly bare_mb_per_1000: number | null; readonly bare_mb_per_1000_from_zero: number | null; readonly bare_heap_mb_per_1000: number | null;
  } | null;
  readonly bundle: BundleSize | { readonly skipped: string };
  /** What the attendee's join page loads in Chromium (lazy chunks it needs included). */
  readonly loadedBundle: LoadedBundle | { readonly skipped: string };
  readonly notes: string[];
  /** The machine's load average (1 min) sampled every 5 s: anything else running shares the 2 cores. */
  readonly load: { readonly start: number; readonly max: number; readonly mean: number; readonly end: number };
}

/** The media client count always measured, even when a smaller one already misses the targets. */
const REQUIRED_M = 10;
/** Time the page keeps counting received audio after a cue, to find the gap of the move. */
const AUDIO_WINDOW_MS = 4_000;
/** Longest wait for every attendee's assignment after a cue. */
const SETTLE_TIMEOUT_MS = 20_000;
/** Longest wait for every attendee to hold the next prepared assignment before the next cue. */
const PREPARED_TIMEOUT_MS = 60_000;
/** How long the floor waits for its broadcast to arrive everywhere before counting the missing. */
const FLOOR_WAIT_MS = 2_000;
/** The floor payload travels under the event name `bench:cue`, 4 characters shorter than `agenda:changed`. */
const EVENT_NAME_BYTES_DIFFERENCE = 'agenda:changed'.length - 'bench:cue'.length;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round1 = (x: number) => Math.round(x * 10) / 10;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | false>, intervalMs = 50): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await sleep(intervalMs);
  }
}

/** The work units of a run, for the progress bar. */
export function plannedUnits(o: BenchOptions): number {
  const maxN = Math.max(...o.fanoutNs, o.endurance?.n ?? 0);
  const maxM = Math.max(...o.moveMs, o.endurance?.m ?? 0);
  const cues = o.fanoutNs.length * o.cuesPerN * 2 + o.cuesPerN * 2 + o.moveMs.length * o.movesPerM + (o.endurance ? o.endurance.cycles * 2 : 0);
  return Math.ceil(maxN / 100) * 2 + maxM + o.moveMs.reduce((a, b) => a + b, 0) + cues * 2 + 5;
}

/** Run the benchmark. Everything it starts, it stops, also on failure. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? (() => {});
  let units = 0;
  const step = (stage: string, n = 1) => {
    units += n;
    options.progress?.(stage, units);
  };
  const started = new Date();
  const notes: string[] = [];
  const runDir = mkdtempSync(join(tmpdir(), 'lw-bench-'));
  const eventFile = join(BENCH_DIR, 'events', 'bench-workshop.yaml');
  const event: EventConfig = readEventFile(eventFile);
  const breakoutIds = event.breakouts.map((b) => b.id);
  const phaseKindOf = (phaseKey: string): PhaseKind => {
    const index = Number(/^item:(\d+)$/.exec(phaseKey)?.[1] ?? Number.NaN);
    const kind = event.agenda[index]?.kind;
    if (kind !== 'plenary' && kind !== 'breakouts') throw new Error(`bench event: unexpected phase ${phaseKey}`);
    return kind;
  };

  const loadSamples: number[] = [loadavg()[0]!];
  const loadTimer = setInterval(() => loadSamples.push(loadavg()[0]!), 5_000);
  const cleanups: (() => Promise<void>)[] = [];
  const later = (fn: () => Promise<void>) => cleanups.unshift(fn);
  try {
    // ---- stack ----
    step('starting the stack');
    const pageServer = await startMediaPageServer();
    later(() => pageServer.close());
    const floorInspect = await freePort();
    const floor = await FloorServer.start(floorInspect);
    later(() => floor.stop());
    const floorHeap = await HeapProbe.connect(floorInspect);
    later(async () => floorHeap.close());
    const port = await freePort();
    const serverInspect = await freePort();
    const livekit: RunningLiveKit = await startLiveKitServer({ webhookUrl: `http://127.0.0.1:${port}/livekit/webhook` });
    later(() => livekit.stop());
    const server = await AppServer.start({
      port, eventFile, dataDir: join(runDir, 'data'), livekit, allowedOrigins: [pageServer.origin], logFile: join(runDir, 'server.log'),
      ...(options.cpuProfileDir ? { cpuProfileDir: options.cpuProfileDir } : {}), inspectPort: serverInspect,
    });
    later(() => server.stop());
    const serverHeap = await HeapProbe.connect(serverInspect);
    later(async () => serverHeap.close());
    log(`server pid ${server.pid} on ${server.url}; LiveKit ${livekit.url}; floor ${floor.url}; logs in ${runDir}`);
    const moderator = await Moderator.connect(server.url, server.moderatorCredential);
    later(async () => moderator.close());
    const pool = WorkerPool.start(Math.max(2, options.workers));
    later(() => pool.stop());
    const placement = new PlacementCheck(livekit, event.id, ['plenary', 'backstage', ...breakoutIds.map(breakoutRoomId)]);

    // ---- registrations ----
    const signallingCount = Math.max(...options.fanoutNs, options.baselineN, options.endurance?.n ?? 0);
    const mediaCount = Math.max(0, ...options.moveMs, options.endurance?.m ?? 0);
    let registered = 0;
    const registrationStarted = performance.now();
    const thousandsAt: number[] = [];
    const signalling = await registerAttendees(server.url, signallingCount, {
      prefix: 'attendee', breakoutOf: (i) => breakoutIds[i % breakoutIds.length]!,
      onProgress: (done) => {
        if (done % 100 === 0) step(`registering attendees ${done}/${signallingCount}`);
        if (done % 1000 === 0) thousandsAt.push(performance.now());
        registered = done;
      },
    });
    const registration = {
      n: signallingCount, seconds: round1((performance.now() - registrationStarted) / 1000),
      // Registrations per second in each successive thousand: admission cost grows with the number already admitted.
      per_second_by_thousand: thousandsAt.map((t, i) => Math.round(1000 / ((t - (i === 0 ? registrationStarted : thousandsAt[i - 1]!)) / 1000))),
    };
    // Media attendees fill breakouts two by two, so with any even M everyone has someone to hear after a move.
    const mediaAttendees = await registerAttendees(server.url, mediaCount, { prefix: 'media', breakoutOf: (i) => breakoutIds[Math.floor(i / 2) % breakoutIds.length]! });
    log(`registered ${registered} signalling attendees and ${mediaAttendees.length} media clients`);
    // Attendees may not publish in the plenary: the speaker on stage is the voice they hear there.
    const speaker = server.staff.find((s) => s.role === 'speaker');
    if (!speaker && mediaCount > 0) throw new Error('the bench event needs a speaker on stage (bench/events/bench-workshop.yaml)');
    const mediaMembers = (m: number): MediaMember[] => [
      // Alone backstage, and the only publisher on stage: the speaker has nobody to hear, so no audio gap is measured for it.
      { id: 'bench-speaker', credential: speaker!.credential, roomFor: (kind) => (kind === 'plenary' ? 'plenary' : 'backstage'), hearsSomeone: false },
      ...mediaAttendees.slice(0, m).map((a): MediaMember => ({ id: a.id, credential: a.credential, roomFor: (kind) => (kind === 'plenary' ? 'plenary' : breakoutRoomId(a.breakoutId)), hearsSomeone: true })),
    ];

    // ---- agenda: doors open, first plenary ----
    await moderator.command({ type: 'openDoors' });
    await moderator.command({ type: 'start' });

    const memory: MemoryPoint[] = [];
    const sampleMemory = async (n: number) => {
      // Let connection bursts and their garbage settle (V8 shrinks an idle heap after a few seconds), then take the median of three.
      await sleep(options.memorySettleMs);
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
      memory.push({
        n, rss_mb: median(rss), heap_mb: heap, idle_cpu_pct: idle.cpu_pct,
        bare_rss_mb: floorClients === n ? median(bare) : null, bare_heap_mb: floorClients === n ? bareHeap : null,
      });
    };
    if (options.memoryNs.includes(0)) await sampleMemory(0);

    // ---- the cue, measured ----
    const nextKeyOf = (phaseKey: string) => `item:${Number(phaseKey.slice('item:'.length)) + 1}`;
    const waitPrepared = async (n: number) => {
      const snap = moderator.current;
      const next = nextKeyOf(snap.phaseKey);
      let last: Awaited<ReturnType<WorkerPool['status']>> | null = null;
      const ok = await until('prepared', PREPARED_TIMEOUT_MS, async () => {
        last = await pool.status(snap.version, snap.phaseKey, next);
        return last.prepared >= last.connected ? last : null;
      }, 100);
      if (!ok) notes.push(`not every attendee held a prepared assignment for ${next} within ${PREPARED_TIMEOUT_MS} ms (N=${n}: ${JSON.stringify(last)})`);
      else if (ok.connected < n) notes.push(`${n - ok.connected} of ${n} attendees were disconnected before the cue to ${next} (they reconnect by themselves)`);
    };

    interface CueOutcome {
      sent: CueSent;
      logged: CueLogLine;
      latencies: number[];
      fromLog: number[];
      lost: number;
      misplaced: number;
      via: { prepared: number; late: number; resync: number };
      cpuMs: number;
    }
    let disconnectsSeen = 0;
    /** One `next` cue with n signalling attendees connected: who had their assignment when. */
    const cue = async (n: number, settle: boolean): Promise<CueOutcome> => {
      await waitPrepared(n);
      const cpuBefore = cpuMs(server.pid);
      const sent = await moderator.command({ type: 'next' });
      const logged = await server.cueLogged(sent.version);
      const kind = phaseKindOf(sent.phaseKey);
      if (n > 0 && settle) {
        await until('settled', SETTLE_TIMEOUT_MS, async () => {
          const s = await pool.status(sent.version, sent.phaseKey, null);
          return s.settled >= s.connected ? s : null;
        });
      }
      const got = n > 0 ? await pool.collect(sent.version, sent.phaseKey, kind, event.id) : null;
      if (got && got.disconnects > disconnectsSeen) {
        notes.push(`${got.disconnects - disconnectsSeen} dropped Socket.IO connections (reconnected by themselves) by the cue to ${sent.phaseKey} (N=${n})`);
        disconnectsSeen = got.disconnects;
      }
      if (n > 0) await waitPrepared(n);
      return {
        sent, logged,
        latencies: got ? got.assignedAt.map((t) => t - sent.serverTime) : [],
        fromLog: got ? got.assignedAt.map((t) => t - logged.at) : [],
        lost: got ? got.lost.length : 0, misplaced: got ? got.misplaced.length : 0,
        via: got ? got.via : { prepared: 0, late: 0, resync: 0 },
        cpuMs: cpuMs(server.pid) - cpuBefore,
      };
    };

    // ---- 1. fan-out, with the floor, and 5. the baseline ----
    const fanout: FanoutResult[] = [];
    let baseline: BaselineResult | null = null;
    let oursAtBaseline: CueOutcome[] = [];
    for (const n of [...options.fanoutNs].sort((a, b) => a - b)) {
      step(`connecting ${n} attendees`);
      const before = pool.size;
      const connected = await pool.connect(server.url, signalling.slice(before, n));
      step(`connected ${pool.size} attendees`, Math.ceil((n - before) / 100));
      if (connected.failed > 0) notes.push(`N=${n}: ${connected.failed} attendees could not connect (${connected.errors.join('; ')})`);
      await waitPrepared(n);
      // The floor: a bare Socket.IO server whose clients live in the same worker processes, one per attendee.
      step(`floor N=${n}: connecting`);
      const floorConnected = await pool.floorConnect(floor.url);
      if (floorConnected < n) notes.push(`floor N=${n}: only ${floorConnected} clients connected`);
      if (options.memoryNs.includes(n) && n !== 0) await sampleMemory(n);

      // Cue and raw broadcast take turns, so both meet the same conditions on this shared machine.
      const outcomes: CueOutcome[] = [];
      const floorLatencies: number[] = [];
      const floorEmitMs: number[] = [];
      let floorLost = 0;
      for (let k = 0; k < options.cuesPerN; k++) {
        step(`fan-out N=${n}: cue ${k + 1}/${options.cuesPerN}`, 2);
        outcomes.push(await cue(n, true));
        step(`floor N=${n}: broadcast ${k + 1}/${options.cuesPerN}`, 2);
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
      log(`fan-out N=${n}: p99 ${fanout.at(-1)!.p99_ms} ms (floor ${fanout.at(-1)!.floor.p99_ms} ms), lost ${fanout.at(-1)!.lost}`);

      if (n === options.baselineN) {
        // The naive way against the same server and clients: a bare "changed" ping, then each client
        // fetches its assignment. Naive and ours take turns, so both meet the same machine load.
        const naive: CueOutcome[] = [];
        const ours: CueOutcome[] = [];
        for (let k = 0; k < options.cuesPerN; k++) {
          step(`baseline N=${n}: naive cue ${k + 1}/${options.cuesPerN}`, 2);
          await setMode(pool, 'naive');
          naive.push(await cue(n, true));
          await setMode(pool, 'ours');
          ours.push(await cue(n, true));
        }
        oursAtBaseline = ours;
        const summary = (os: CueOutcome[]) => ({
          ...distribution(os.flatMap((o) => o.latencies)), lost: os.reduce((s, o) => s + o.lost, 0), misplaced: os.reduce((s, o) => s + o.misplaced, 0),
        });
        const naiveSummary = summary(naive);
        const oursSummary = summary(oursAtBaseline);
        baseline = { n, naive: naiveSummary, ours: oursSummary, ratio_p99: round1(naiveSummary.p99_ms / oursSummary.p99_ms) };
        log(`baseline N=${n}: naive p99 ${naiveSummary.p99_ms} ms vs ours ${oursSummary.p99_ms} ms`);
      }
    }

    // ---- 2. moves with media ----
    step('media: disconnecting signalling attendees');
    await pool.shrinkTo(0);
    const runMoves = async (m: number, n: number, fleet: MediaFleet, moves: number, perMove?: (k: number, r: MoveResult, signal: CueOutcome) => Promise<void>): Promise<MoveResult> => {
      const ready: number[] = [], connected: number[] = [], publishing: number[] = [], gaps: number[] = [], settled: number[] = [];
      const parts = { cueInPage: [] as number[], connect: [] as number[], publish: [] as number[], leaveOld: [] as number[] };
      let busyTicks = 0, totalTicks = 0, livekitCpu = 0, serverCpu = 0;
      let lost = 0, misplaced = 0;
      const failures: string[] = [];
      for (let k = 0; k < moves; k++) {
        step(`media M=${m}${n ? ` + N=${n}` : ''}: move ${k + 1}/${moves}`, 2);
        const nextKey = nextKeyOf(moderator.current.phaseKey);
        const allPrepared = await until('media prepared', PREPARED_TIMEOUT_MS, async () => (await Promise.all(fleet.clients.map((c) => c.hasPrepared(nextKey)))).every(Boolean), 100);
        if (!allPrepared) notes.push(`M=${m}: not every media client held a prepared assignment for ${nextKey}`);
        const machineBefore = machineCpu();
        const livekitBefore = cpuMs(livekit.pid);
        const serverBefore = cpuMs(server.pid);
        const outcome = await cue(n, true);
        const { sent } = outcome;
        const kind = phaseKindOf(sent.phaseKey);
        const expected = new Map<string, RoomId>(fleet.clients.map((c) => [c.member.id, c.member.roomFor(kind)]));
        const one = await mediaMove(fleet.clients, sent, SETTLE_TIMEOUT_MS);
        await sleep(Math.max(0, sent.serverTime + AUDIO_WINDOW_MS + 2 * AUDIO_SAMPLE_MS - wallNow()));
        const machineAfter = machineCpu();
        busyTicks += machineAfter.busy - machineBefore.busy;
        totalTicks += machineAfter.total - machineBefore.total;
        livekitCpu += cpuMs(livekit.pid) - livekitBefore;
        serverCpu += cpuMs(server.pid) - serverBefore;
        for (const [key, values] of Object.entries(one.parts)) parts[key as keyof typeof parts].push(...values);
        const listeners = fleet.clients.filter((c) => c.member.hearsSomeone);
        const gapsNow = await Promise.all(listeners.map((c) => c.audioGap(sent.serverTime, sent.serverTime + AUDIO_WINDOW_MS)));
        const check = await placement.verify(expected);
        const result: MoveResult = {
          m, n, moves: 1, ready: distribution(one.ready), connected: distribution(one.connected), publishing: distribution(one.publishing), audioGap: distribution(gapsNow),
          lost: check.lost.length, misplaced: check.misplaced.length, failures: one.failures, livekitSettledMs: distribution([check.settledMs]),
          cdf: { ready: [], audioGap: [] },
          breakdown: { cueInPage: distribution(one.parts.cueInPage), connect: distribution(one.parts.connect), publish: distribution(one.parts.publish), leaveOld: distribution(one.parts.leaveOld) },
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
        breakdown: { cueInPage: distribution(parts.cueInPage), connect: distribution(parts.connect), publish: distribution(parts.publish), leaveOld: distribution(parts.leaveOld) },
        machine: {
          busy_pct: totalTicks > 0 ? Math.round((100 * busyTicks) / totalTicks) : 0,
          livekit_cpu_ms_per_move: Math.round(livekitCpu / moves), server_cpu_ms_per_move: Math.round(serverCpu / moves),
        },
      };
    };

    const move: MoveResult[] = [];
    let moveLimit = { m: 0, reason: 'not run' };
    let chromium: string | null = null;
    for (const m of [...options.moveMs].sort((a, b) => a - b)) {
      step(`media M=${m}: opening pages`);
      let fleet: MediaFleet | null = null;
      try {
        fleet = await MediaFleet.start({ pageUrl: pageServer.url, serverUrl: server.url, members: mediaMembers(m), onStarted: () => step(`media M=${m}: pages`) });
        chromium ??= fleet.version;
        if (fleet.startErrors.length > 0) notes.push(`M=${m}: ${fleet.startErrors.length} media clients failed to start: ${fleet.startErrors.slice(0, 3).join('; ')}`);
        const result = await runMoves(m, 0, fleet, options.movesPerM);
        move.push(result);
        log(`media M=${m}: ready p95 ${result.ready.p95_ms} ms, audio gap p95 ${result.audioGap.p95_ms} ms, lost ${result.lost}, misplaced ${result.misplaced}`);
        const meets = result.lost === 0 && result.misplaced === 0 && fleet.startErrors.length === 0
          && result.ready.p95_ms <= TARGETS.moveP95Ms && result.audioGap.p95_ms <= TARGETS.audioGapP95Ms;
        if (!meets) {
          if (moveLimit.reason === 'not run' || moveLimit.reason === '') {
            moveLimit = { m: moveLimit.m, reason: `M=${m} missed the targets (move p95 ${result.ready.p95_ms} ms, audio gap p95 ${result.audioGap.p95_ms} ms, lost ${result.lost}, misplaced ${result.misplaced})` };
          }
          // Smaller counts are tried first; M = REQUIRED_M is always measured (issue 5 asks for it).
          if (m >= REQUIRED_M) break;
        } else if (moveLimit.reason === 'not run' || moveLimit.reason === '') {
          moveLimit = { m, reason: m === Math.max(...options.moveMs) ? `largest M tried (${m}) met the targets` : '' };
        }
      } finally {
        await fleet?.close();
        await sleep(1_000);
      }
    }

    // ---- 3. endurance ----
    let endurance: BenchResults['endurance'] = null;
    if (options.endurance) {
      const { n, m, cycles } = options.endurance;
      step(`endurance: connecting ${n} attendees`);
      await pool.connect(server.url, signalling.slice(0, n));
      const fleet = await MediaFleet.start({ pageUrl: pageServer.url, serverUrl: server.url, members: mediaMembers(m), onStarted: () => step('endurance: pages') });
      chromium ??= fleet.version;
      try {
        const perCycle: EnduranceCycle[] = [];
        let cycleCpu = cpuMs(server.pid);
        let signallingLost = 0, signallingMisplaced = 0;
        const cycleLatencies: number[] = [];
        const cycleMedia: MoveResult[] = [];
        const result = await runMoves(m, n, fleet, cycles * 2, async (k, r, signal) => {
          signallingLost += signal.lost;
          signallingMisplaced += signal.misplaced;
          cycleLatencies.push(...signal.latencies);
          cycleMedia.push(r);
          if (k % 2 === 1) {
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
            log(`endurance cycle ${perCycle.length}/${cycles}: RSS ${perCycle.at(-1)!.rss_mb} MB, CPU ${perCycle.at(-1)!.cpu_ms} ms, lost ${perCycle.at(-1)!.signalling.lost}+${perCycle.at(-1)!.media.lost}`);
          }
        });
        endurance = { n, m, cycles: perCycle, move: result };
      } finally {
        await fleet.close();
      }
    }

    // ---- 4. cost per attendee ----
    // Per 1,000 more connected attendees: between the two largest counts (the figure; the 0 point
    // also carries the garbage of thousands of registrations), and from 0 for reference.
    const slope = (key: 'rss_mb' | 'bare_rss_mb' | 'heap_mb' | 'bare_heap_mb', fromZero: boolean) => {
      const points = [...memory].sort((a, b) => a.n - b.n);
      const hi = points.at(-1);
      const lo = fromZero ? points.find((p) => p.n === 0) : points.at(-2);
      const [a, b] = [lo?.[key], hi?.[key]];
      return lo && hi && a != null && b != null && hi.n > lo.n ? round1(((b - a) * 1000) / (hi.n - lo.n)) : null;
    };
    const serverSlope = slope('rss_mb', false);
    const memorySlope = serverSlope === null ? null : {
      server_mb_per_1000: serverSlope, server_mb_per_1000_from_zero: slope('rss_mb', true),
      server_heap_mb_per_1000: slope('heap_mb', false),
      bare_mb_per_1000: slope('bare_rss_mb', false), bare_mb_per_1000_from_zero: slope('bare_rss_mb', true),
      bare_heap_mb_per_1000: slope('bare_heap_mb', false),
    };
    const bundle = attendeeBundleSize(CLIENT_DIST);
    let loadedBundle: BenchResults['loadedBundle'] = { skipped: 'client/dist is not built (npm run build -w client)' };
    if (bundle) {
      step('attendee page: measuring what it loads');
      const [probe] = await registerAttendees(server.url, 1, { prefix: 'bundle-probe', breakoutOf: () => breakoutIds[0]! });
      loadedBundle = await loadedAttendeeBundle(`${server.url}/join/${probe!.credential}`).catch((err: unknown) => ({ skipped: `the join page did not load: ${err instanceof Error ? err.message : String(err)}` }));
    }

    return {
      machine: machineOf(chromium),
      date: started.toISOString().slice(0, 10),
      startedAt: started.toISOString(),
      durationS: Math.round((Date.now() - started.getTime()) / 1000),
      isolated: process.env.LW_NETNS === '1',
      options: { ...options, progress: undefined, log: undefined } as BenchResults['options'],
      registration, fanout, baseline, move, moveLimit, endurance, memory, memorySlope,
      bundle: bundle ?? { skipped: 'client/dist is not built (npm run build -w client)' }, loadedBundle,
      notes,
      load: {
        start: round1(loadSamples[0]!), max: round1(Math.max(...loadSamples)), mean: round1(loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length),
        end: round1(loadavg()[0]!),
      },
    };
  } finally {
    clearInterval(loadTimer);
    for (const cleanup of cleanups) await cleanup().catch((err: unknown) => log(`cleanup: ${err instanceof Error ? err.message : String(err)}`));
    if (!process.env.BENCH_KEEP_RUN_DIR) rmSync(runDir, { recursive: true, force: true });
  }
}

async function setMode(pool: WorkerPool, mode: ClientMode): Promise<void> {
  await pool.setMode(mode);
}

/** Waits for every media client's move of a cue; times are measured from the server's cue stamp. */
async function mediaMove(clients: readonly MediaClient[], sent: CueSent, timeoutMs: number) {
  const ready: number[] = [], connected: number[] = [], publishing: number[] = [], failures: string[] = [];
  const parts = { cueInPage: [] as number[], connect: [] as number[], publish: [] as number[], leaveOld: [] as number[] };
  await Promise.all(clients.map(async (c) => {
    const done = await until('move', timeoutMs, async () => {
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

function machineOf(chromium: string | null): BenchResults['machine'] {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const cores = cpus().length;
  const memoryGb = Math.round(totalmem() / 2 ** 30);
  const short = cpu.replace(/\(R\)|\(TM\)|CPU|Processor|\d+-Core|@.*$/gi, '').trim().split(' ').slice(0, 3).join(' ');
  return {
    description: `${cores}-core ${short}, ${memoryGb} GB`, cpu, cores, memory_gb: memoryGb, node: process.version, chromium,
    livekit: 'livekit-server v1.13.5',
  };
}
