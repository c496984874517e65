// Prometheus metrics of a running event (prom-client), served by metricsRoute.ts behind METRICS_TOKEN:
// who is connected per role, how fast a cue reaches everyone, how moves went (from the clients'
// move reports), presence that disagrees with LiveKit, help requests waiting, registrations,
// Socket.IO packets, and Node's default process metrics (event-loop lag, memory). Counters are
// bumped by the hooks the app wires (app.ts); gauges are read from the live state at each scrape.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AgendaState, Role } from '@live-workshop/shared';

/** Every metric this app exports by name; deploy/monitoring's dashboard may query only these and LiveKit's. */
export const METRIC_NAMES = {
  connected: 'lw_connected_participants',
  cueAssigned: 'lw_cue_to_everyone_assigned_seconds',
  moves: 'lw_moves_total',
  moveConnected: 'lw_move_cue_to_connected_seconds',
  moveWays: 'lw_move_ways_total',
  presenceMismatched: 'lw_presence_mismatched_participants',
  ghostsRemoved: 'lw_presence_ghosts_removed_total',
  helpWaiting: 'lw_help_requests_waiting',
  helpRequests: 'lw_help_requests_total',
  registrations: 'lw_registrations_total',
  packets: 'lw_socketio_packets_total',
  phase: 'lw_agenda_phase',
  /** The deployment's own /metrics: each hosted event's readiness (1 ready, 0 not), by event. */
  eventReady: 'lw_event_ready',
} as const;

/** How a move went: its assignment reached the person (delivered), their client joined the room (connected) or gave up an attempt (failed). */
export type MoveOutcome = 'delivered' | 'connected' | 'failed';

/** A help request stays "waiting" this long, unless a moderator visits the asker's room first. */
export const HELP_WAITING_MS = 10 * 60_000;

/** What the gauges read from the live state at each scrape. */
export interface MetricsSources {
  /** Roles of everyone connected now (one entry per connection). */
  connectedRoles(): Iterable<Role>;
  /** Connected people who are not (per LiveKit's presence) in the room the agenda plans for them. */
  presenceMismatched(): number;
  /** The current phase's kind. */
  phaseKind(): PhaseKind;
  now(): number;
}

const ROLES: readonly Role[] = ['attendee', 'speaker', 'moderator', 'facilitator'];
type PhaseKind = AgendaState['phase']['kind'];
/** Every phase kind, so the gauge names each one (a Record: a new kind fails to compile until listed). */
const PHASE_KINDS = Object.keys({
  scheduled: 0, lobby: 0, plenary: 0, breakouts: 0, live: 0, break: 0, closing: 0, ended: 0,
} satisfies Record<PhaseKind, 0>) as PhaseKind[];

/** The registry and the instruments the app's hooks move. */
export class Metrics {
  readonly registry = new Registry();
  private readonly help = new Map<string, { at: number; roomId: string | null }>();
  private readonly cueAssignedSeconds: Histogram;
  private readonly moveOutcomes: Counter<'outcome'>;
  private readonly moveWays: Counter<'way'>;
  private readonly moveConnectedSeconds: Histogram;
  private readonly ghosts: Counter;
  private readonly helpTotal: Counter;
  private readonly registrationsTotal: Counter<'kind'>;
  private readonly packetsTotal: Counter<'direction'>;

  /** `eventId`: every series names its event (`event="<id>"`), so a deployment's events can be told apart when scraped together. */
  constructor(sources: MetricsSources, eventId?: string) {
    if (eventId) this.registry.setDefaultLabels({ event: eventId });
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: METRIC_NAMES.connected, help: 'People connected to the event now, by role', labelNames: ['role'], registers,
      collect() {
        const counts = new Map<Role, number>(ROLES.map((r) => [r, 0]));
        for (const role of sources.connectedRoles()) counts.set(role, (counts.get(role) ?? 0) + 1);
        for (const [role, n] of counts) this.set({ role }, n);
      },
    });
    new Gauge({
      name: METRIC_NAMES.presenceMismatched, registers,
      help: 'Connected people whose LiveKit presence does not include the room the agenda plans for them (moving, stuck or lost)',
      collect() { this.set(sources.presenceMismatched()); },
    });
    const help = this.help;
    new Gauge({
      name: METRIC_NAMES.helpWaiting, registers,
      help: `People who asked for help in the last ${HELP_WAITING_MS / 60_000} minutes and whose room no moderator has visited since`,
      collect() {
        const now = sources.now();
        for (const [id, r] of help) if (now - r.at >= HELP_WAITING_MS) help.delete(id);
        this.set(help.size);
      },
    });
    new Gauge({
      name: METRIC_NAMES.phase, help: 'The agenda phase now (1 for the current kind, 0 for the others)', labelNames: ['kind'], registers,
      collect() {
        const now = sources.phaseKind();
        for (const kind of PHASE_KINDS) this.set({ kind }, kind === now ? 1 : 0);
      },
    });
    this.cueAssignedSeconds = new Histogram({
      name: METRIC_NAMES.cueAssigned, registers,
      help: 'From a cue (agenda change) until every connected person holds the assignment for the new phase',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    this.moveOutcomes = new Counter({ name: METRIC_NAMES.moves, help: 'Moves by outcome: delivered (assignment sent), connected, failed (client reports)', labelNames: ['outcome'], registers });
    for (const outcome of ['delivered', 'connected', 'failed'] as const) this.moveOutcomes.inc({ outcome }, 0);
    this.moveWays = new Counter({
      name: METRIC_NAMES.moveWays, registers, labelNames: ['way'],
      help: 'Connected moves by way: prejoined (switched into a room joined before the cue) or joined (joined after the cue: the pre-join was not ready or failed)',
    });
    for (const way of ['prejoined', 'joined'] as const) this.moveWays.inc({ way }, 0);
    this.moveConnectedSeconds = new Histogram({
      name: METRIC_NAMES.moveConnected, registers, help: 'From the cue until the client is connected in its new room (client move reports)',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
    });
    this.ghosts = new Counter({ name: METRIC_NAMES.ghostsRemoved, help: 'People the presence sweep removed from LiveKit rooms the agenda no longer plans for them', registers });
    this.helpTotal = new Counter({ name: METRIC_NAMES.helpRequests, help: 'Help requests received', registers });
    this.registrationsTotal = new Counter({ name: METRIC_NAMES.registrations, help: 'Registration forms accepted (new: a new address; again: a link mailed again)', labelNames: ['kind'], registers });
    for (const kind of ['new', 'again'] as const) this.registrationsTotal.inc({ kind }, 0);
    this.packetsTotal = new Counter({ name: METRIC_NAMES.packets, help: 'Socket.IO (engine.io) packets, in from clients and out to them', labelNames: ['direction'], registers });
    for (const direction of ['in', 'out'] as const) this.packetsTotal.inc({ direction }, 0);
  }

  /** Everyone connected holds the new phase's assignment, `elapsedMs` after the cue. */
  cueAssigned(elapsedMs: number): void {
    this.cueAssignedSeconds.observe(elapsedMs / 1000);
  }

  /** `n` moves ended this way; a connected one may say whether it used a pre-joined room. */
  moves(outcome: MoveOutcome, n = 1, cueToConnectedMs?: number, preJoined?: boolean): void {
    if (n > 0) this.moveOutcomes.inc({ outcome }, n);
    if (outcome !== 'connected') return;
    if (cueToConnectedMs !== undefined) this.moveConnectedSeconds.observe(cueToConnectedMs / 1000);
    if (preJoined !== undefined) this.moveWays.inc({ way: preJoined ? 'prejoined' : 'joined' });
  }

  ghostsRemoved(n: number): void {
    if (n > 0) this.ghosts.inc(n);
  }

  helpRequested(participantId: string, roomId: string | null, at: number): void {
    this.helpTotal.inc();
    this.help.set(participantId, { at, roomId });
  }

  /** A moderator looked into a room: the help requests from it are being answered. */
  roomVisited(roomId: string): void {
    for (const [id, r] of this.help) if (r.roomId === roomId) this.help.delete(id);
  }

  registered(kind: 'new' | 'again'): void {
    this.registrationsTotal.inc({ kind });
  }

  packet(direction: 'in' | 'out'): void {
    this.packetsTotal.inc({ direction });
  }

  /** The exposition text Prometheus scrapes. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
