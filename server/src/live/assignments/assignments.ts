import {
  agendaPosition, EVENTS, livekitRoomName, phaseKey, placementIn, previewNext, publishSourcesIn, type AgendaState, type Assignment, type Participant, type Placement,
  type RoomId,
} from '@live-workshop/shared';
import type { LiveKitPort } from '../../livekit/livekitPort.js';
import type { Clock } from '../../platform/clock.js';
import type { Log } from '../../platform/log.js';
import type { Sessions } from '../realtime/sessions.js';

/**
 * How long a LiveKit join token is accepted. Short, because a token cannot be withdrawn: someone
 * removed could join with one they hold until it expires. Held ones are refreshed well before.
 */
export const TOKEN_TTL_MS = 3 * 60_000;
/** Prepared tokens older than this are minted again by the refresh sweep (every TOKEN_SWEEP_INTERVAL_MS). */
export const PREPARED_REFRESH_AFTER_MS = 60_000;
/** How often held tokens are checked for age: a token is at most PREPARED_REFRESH_AFTER_MS + this old. */
export const TOKEN_SWEEP_INTERVAL_MS = 30_000;

interface Held {
  readonly phaseKey: string;
  readonly roomId: RoomId | null;
  readonly canPublish: boolean;
  readonly mintedAt: number;
  /** The assignment as sent (with its token). */
  readonly assignment: Assignment;
}

/** Sockets served between two yields to the event loop while re-issuing assignments. */
export const ASSIGNMENT_BATCH = 250;

/**
 * Run per-person work in batches, yielding between them: after a cue at thousands of people,
 * requests, webhooks and resyncs are served in between instead of waiting for the whole run.
 */
async function inBatches(ids: readonly string[], work: (id: string) => Promise<void>): Promise<void> {
  for (let i = 0; i < ids.length; i += ASSIGNMENT_BATCH) {
    await Promise.all(ids.slice(i, i + ASSIGNMENT_BATCH).map(work));
    if (i + ASSIGNMENT_BATCH < ids.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

const same = (held: Held | undefined, key: string, p: Placement) =>
  held !== undefined && held.phaseKey === key && held.roomId === p.roomId && held.canPublish === p.canPublish;

/**
 * Gives each connected person a token for the room they are in and, ahead of the cue,
 * for the room they go to next — so the cue itself is one small broadcast.
 */
export class Assignments {
  /** What each client holds as its current assignment. */
  private readonly current = new Map<string, Held>();
  /** What each client holds as its prepared (next) assignment. */
  private readonly prepared = new Map<string, Held>();
  private queue: Promise<unknown> = Promise.resolve();
  private previewFor: AgendaState | null = null;
  private preview: AgendaState | null = null;

  constructor(
    private readonly deps: {
      livekit: LiveKitPort; clock: Clock; sessions: Sessions; log: Log; state: () => AgendaState;
      /** Told when everyone connected holds a cue's assignment: how long after the cue, and how many of them changed room. */
      cueAssigned?: (outcome: { elapsedMs: number; moved: number }) => void;
    },
  ) {}

  /** The current assignment of a person, with a fresh token. */
  async currentOf(participantId: string): Promise<Assignment> {
    const state = this.deps.state();
    const p = state.participants[participantId];
    const placement = p ? placementIn(state.event, state.phase, p) : { roomId: null, canPublish: false };
    return this.mint(state, p, phaseKey(state.phase), placement);
  }

  /** The prepared assignment for the next agenda item, if the next item puts this person somewhere. */
  async preparedOf(participantId: string): Promise<Assignment | null> {
    const state = this.deps.state();
    const next = this.nextState(state);
    const p = next?.participants[participantId];
    if (!next || !p) return null;
    return this.mint(next, p, phaseKey(next.phase), placementIn(next.event, next.phase, p));
  }

  /** On (re)connect: send both, remember what the client holds. */
  sendAll(participantId: string): Promise<{ current: Assignment; prepared: Assignment | null }> {
    return this.serial(() => this.sendAllNow(participantId));
  }

  /**
   * A resync (the client asks after it reconnects): what was sent when this connection was made,
   * if it still matches the agenda and its tokens are fresh; otherwise sent again, newly minted.
   * So a reconnect mints each token once, not once for the connect and again for the resync.
   */
  resync(participantId: string): Promise<{ current: Assignment; prepared: Assignment | null }> {
    return this.serial(async () => {
      const state = this.deps.state();
      const p = state.participants[participantId];
      const placement = p ? placementIn(state.event, state.phase, p) : { roomId: null, canPublish: false };
      const current = this.current.get(participantId);
      const fresh = (held: Held | undefined) => held !== undefined && held.mintedAt >= this.deps.clock.now() - PREPARED_REFRESH_AFTER_MS;
      if (!same(current, phaseKey(state.phase), placement) || !fresh(current)) return this.sendAllNow(participantId);
      const next = this.nextState(state);
      const np = next?.participants[participantId];
      const prepared = this.prepared.get(participantId);
      if (!next || !np) return { current: current!.assignment, prepared: null };
      if (!same(prepared, phaseKey(next.phase), placementIn(next.event, next.phase, np)) || !fresh(prepared)) return this.sendAllNow(participantId);
      return { current: current!.assignment, prepared: prepared!.assignment };
    });
  }

  private async sendAllNow(participantId: string): Promise<{ current: Assignment; prepared: Assignment | null }> {
    const current = await this.currentOf(participantId);
    const prepared = await this.preparedOf(participantId);
    const socket = this.deps.sessions.get(participantId);
    if (socket) {
      this.hold(this.current, participantId, current);
      socket.send(EVENTS.assignmentChanged, current);
      if (prepared) {
        this.hold(this.prepared, participantId, prepared);
        socket.send(EVENTS.assignmentPrepared, prepared);
      } else this.prepared.delete(participantId);
    }
    return { current, prepared };
  }

  /**
   * After a cue has been broadcast: those whose prepared assignment matches need nothing;
   * the others get their assignment now. Then everyone gets the next prepared one.
   */
  afterCue(): Promise<void> {
    const cueAt = this.deps.clock.now();
    return this.serial(() => this.afterCueNow(cueAt));
  }

  private async afterCueNow(cueAt: number): Promise<void> {
    const state = this.deps.state();
    const key = phaseKey(state.phase);
    const ids = [...this.deps.sessions.ids()];
    const late: string[] = [];
    let moved = 0;
    for (const id of ids) {
      const p = state.participants[id];
      const placement = p ? placementIn(state.event, state.phase, p) : { roomId: null, canPublish: false };
      if (placement.roomId !== null && this.current.get(id)?.roomId !== placement.roomId) moved += 1;
      const held = this.prepared.get(id);
      if (same(held, key, placement)) {
        this.current.set(id, held!);
        this.prepared.delete(id);
      } else if (!same(this.current.get(id), key, placement)) late.push(id);
    }
    await inBatches(late, (id) => this.refreshCurrent(id));
    this.deps.cueAssigned?.({ elapsedMs: this.deps.clock.now() - cueAt, moved });
    await inBatches(ids, (id) => this.refreshPrepared(id));
  }

  /** People whose record changed (reassigned, promoted, admitted): update what they hold. */
  participantsChanged(ids: readonly string[]): Promise<void> {
    return this.serial(() => this.participantsChangedNow(ids));
  }

  private async participantsChangedNow(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.filter((id) => this.deps.sessions.isOnline(id)).map(async (id) => {
      await this.refreshCurrent(id);
      await this.refreshPrepared(id);
    }));
  }

  /** Re-mint prepared tokens that are getting old, so a long wait never ends with an expired token. */
  refreshAging(): Promise<void> {
    return this.serial(() => this.refreshAgingNow());
  }

  private async refreshAgingNow(): Promise<void> {
    const cutoff = this.deps.clock.now() - PREPARED_REFRESH_AFTER_MS;
    const aging = [...this.prepared].filter(([, held]) => held.mintedAt < cutoff).map(([id]) => id);
    for (const id of aging) this.prepared.delete(id);
    await inBatches(aging, (id) => this.refreshPrepared(id));
  }

  /** Run assignment work one job at a time, so a later cue's result is never overtaken by an earlier one's. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every assignment job queued so far has finished (tests flush with it). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  forget(participantId: string): void {
    this.current.delete(participantId);
    this.prepared.delete(participantId);
  }

  private async refreshCurrent(id: string): Promise<void> {
    const state = this.deps.state();
    const p = state.participants[id];
    const placement = p ? placementIn(state.event, state.phase, p) : { roomId: null, canPublish: false };
    if (same(this.current.get(id), phaseKey(state.phase), placement)) return;
    const assignment = await this.mint(state, p, phaseKey(state.phase), placement);
    const socket = this.deps.sessions.get(id);
    if (!socket) return;
    this.hold(this.current, id, assignment);
    socket.send(EVENTS.assignmentChanged, assignment);
  }

  private async refreshPrepared(id: string): Promise<void> {
    const state = this.deps.state();
    const next = this.nextState(state);
    const p = next?.participants[id];
    if (!next || !p) {
      this.prepared.delete(id);
      return;
    }
    const placement = placementIn(next.event, next.phase, p);
    const key = phaseKey(next.phase);
    if (same(this.prepared.get(id), key, placement)) return;
    const assignment = await this.mint(next, p, key, placement);
    const socket = this.deps.sessions.get(id);
    if (!socket) return;
    this.hold(this.prepared, id, assignment);
    socket.send(EVENTS.assignmentPrepared, assignment);
  }

  private nextState(state: AgendaState): AgendaState | null {
    if (this.previewFor !== state) {
      this.previewFor = state;
      this.preview = previewNext(state, this.deps.clock.now());
    }
    return this.preview;
  }

  private hold(map: Map<string, Held>, id: string, a: Assignment): void {
    map.set(id, { phaseKey: a.phaseKey, roomId: a.roomId, canPublish: a.canPublish, mintedAt: this.deps.clock.now(), assignment: a });
  }

  private async mint(state: AgendaState, p: Participant | undefined, key: string, placement: Placement): Promise<Assignment> {
    const now = this.deps.clock.now();
    if (!p || placement.roomId === null) {
      return { phaseKey: key, roomId: null, livekitRoom: null, livekitUrl: this.deps.livekit.url, token: null, canPublish: false, expiresAt: null };
    }
    const room = livekitRoomName(state.event.id, placement.roomId);
    const token = await this.deps.livekit.mintToken({
      identity: p.id, name: p.name, room, canPublish: placement.canPublish,
      canPublishSources: publishSourcesIn(placement.roomId, placement.canPublish), ttlSeconds: TOKEN_TTL_MS / 1000,
      metadata: JSON.stringify({ role: p.role }),
      // A prepared token's connection is a pre-join until the agenda reaches its phase (shared/src/preJoin.ts).
      activeFrom: agendaPosition(state.phase),
      // A captioner listens to the room they caption: shown to nobody there, never counted among its people.
      hidden: p.role === 'captioner',
    });
    return {
      phaseKey: key, roomId: placement.roomId, livekitRoom: room, livekitUrl: this.deps.livekit.url, token,
      canPublish: placement.canPublish, expiresAt: now + TOKEN_TTL_MS,
    };
  }
}
