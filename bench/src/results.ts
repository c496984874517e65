// Every figure a benchmark run returns (written as JSON by report.ts; bench/README.md says how
// each is measured).
import type { BundleSize, LoadedBundle } from './bundleSize.js';
import type { BenchOptions } from './options.js';
import type { Distribution } from './stats.js';

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
  /** Moves made the way the attendee page makes them (PRODUCTION_MODE); the figures below are theirs. */
  readonly mode: string;
  /** Per way of moving (mediaPage.ts), measured in the same run: the cold join is the reference. */
  readonly byMode: Record<string, ModeResult>;
  /** Cue → the first audio packet of the new room (listeners only): hearing the new room. */
  readonly hearing: Distribution;
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
  /** What holding pre-joined rooms costs while waiting for the cue (null: not measured). */
  readonly waitCost: WaitCost | null;
  /** The attendee page's way by where the move goes (a plenary or breakouts item): hearing and audio gap (absent in older results). */
  readonly into?: Record<string, { readonly hearing: Distribution; readonly audioGap: Distribution }>;
}

/** The quiet wait before a cue, with everyone pre-joined against nobody (the cold moves), in the same run. */
export interface WaitCost {
  readonly prejoined_people: number;
  /** LiveKit CPU, percent of one core, per pre-joined participant. */
  readonly livekit_cpu_pct_per_prejoined: number;
  /** LiveKit resident memory per pre-joined participant, MB. */
  readonly livekit_rss_mb_per_prejoined: number;
  /** Everything but LiveKit and the app server (the Chromium pages), percent of one core, while waiting. */
  readonly clients_cpu_pct_waiting: { readonly cold: number; readonly prejoined: number };
  readonly livekit_cpu_pct_waiting: { readonly cold: number; readonly prejoined: number };
}

/** The moves made one way (cold, pre-joined, pre-joined and subscribed). */
export interface ModeResult {
  readonly ready: Distribution;
  readonly hearing: Distribution;
  readonly audioGap: Distribution;
  /** Moves whose pre-join was connected before the cue, of those made this way. */
  readonly preJoined: number;
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

/** The live segment under load: upvotes and reactions at a steady rate while cues are given. */
export interface LiveSegmentResult {
  readonly n: number;
  readonly seconds: number;
  readonly questions: number;
  readonly upvotes: { readonly per_second: number; readonly sent: number; readonly ok: number; readonly refusals: Record<string, number>; readonly ack: Distribution };
  /** `messages_per_client_per_second`: reactions:counted messages each client received per second (1 expected: one per interval). */
  readonly reactions: { readonly per_second: number; readonly sent: number; readonly ok: number; readonly messages_per_client_per_second: number };
  readonly cue: Distribution & { readonly lost: number; readonly misplaced: number };
  readonly floor: Distribution & { readonly lost: number };
  readonly ratio_p99: number;
  /** GET /healthz while the load ran: the server stays responsive. */
  readonly healthz: Distribution;
}

/** Many events in one server process (issue 13 §3): memory readings after a full collection, and isolation. */
export interface EventsResult {
  /** How many events were added beside the bench event. */
  readonly events: number;
  readonly before: { readonly rss_mb: number; readonly heap_mb: number };
  /** After creating them (each with its agenda, database, Socket.IO server and timers; nobody connected). */
  readonly idle: { readonly rss_mb: number; readonly heap_mb: number };
  /** After opening and starting each (plenary running), its moderator connected. */
  readonly live: { readonly rss_mb: number; readonly heap_mb: number };
  readonly rss_mb_per_idle_event: number;
  readonly heap_mb_per_idle_event: number;
  readonly rss_mb_per_live_event: number;
  readonly heap_mb_per_live_event: number;
  /** POST …/duplicate → 201, median ms (event built and opened). */
  readonly create_ms_median: number;
  /** Messages the other events' moderators received because of a cue in one event (must be 0). */
  readonly cross_event_messages: number;
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
  /** The live segment's load at the largest N (absent in results from before it was measured). */
  readonly liveSegment?: LiveSegmentResult | null;
  readonly move: MoveResult[];
  readonly moveLimit: { readonly m: number; readonly reason: string };
  readonly endurance: { readonly n: number; readonly m: number; readonly cycles: EnduranceCycle[]; readonly move: MoveResult } | null;
  readonly memory: MemoryPoint[];
  /** Many events in one process (absent in results from before it was measured; null when not run). */
  readonly events?: EventsResult | null;
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
