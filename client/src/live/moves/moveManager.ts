/**
 * The move manager: keeps us in exactly the room the server assigns.
 *
 * Make-before-break: as soon as the next assignment is known it joins that room in the background
 * (connected, our tracks published there with nothing sent, shown to nobody until the cue:
 * shared/src/preJoin.ts, media/livekit/pausedPublishing.ts). At the cue the move only starts sending
 * there with the same mute state (no getUserMedia, no prompt, no negotiation), then leaves the old
 * room; a pre-join that is not ready falls back to a join. Failures are
 * retried with backoff and shown; when cues come quickly only the latest target wins and at most
 * one room stays connected. Each move's timings go to the store, `window.__lwMoves` and the server.
 *
 * Its decisions (what to do when a target changes, a connect fails or a room closes) are the pure
 * `transition()` of moveTransition.ts; this class is the shell that runs their effects on the
 * media room adapters and the store, and awaits what takes time (connect, publish, leave). The
 * parts that need only one adapter live beside it: a room's events are mirrored by roomEvents.ts,
 * the pre-join is preJoinedRoom.ts, what we send is publishing.ts, the old room's fade-out is
 * audioHandover.ts, the timings are moveReport.ts, arrival is announced by announceArrival.ts.
 */
import { agendaPosition, type RoomId } from '@live-workshop/shared/pure';
import type { Assignment } from '@live-workshop/shared';
import type { MediaRoomAdapter, MediaRoomFactory } from '../media/livekit/types.js';
import {
  recordMove, setAudioBlocked, setConnectedRoom, setMediaConnection, setMoveStatus, setPublishing, setRoomParticipants, setScreenSharing,
} from '../../session/store/actions.js';
import type { LwState, MoveMetric } from '../../session/store/state.js';
import { lwStore } from '../../session/store/store.js';
import { connectFailureOf } from '../media/livekit/connectError.js';
import { announceArrival } from './announceArrival.js';
import { OldRooms } from './audioHandover.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryPolicy.js';
import { followRoom, type RoomLatest } from './roomEvents.js';
import { exposeMove, finishedMove, moveOutcome } from './moveReport.js';
import { abortableSleep, errorWords, mark } from './moveTiming.js';
import { PREJOIN_SPREAD_MS, claimPreJoin, preJoinRoom, type PreJoin } from './preJoinedRoom.js';
import { PublishingSync, publishOnArrival, shareScreen, tracksToSendIn } from './publishing.js';
import { INITIAL_MOVE_STATE, transition, type MoveEffect, type MoveEvent, type MoveState, type RoomAssignment, type Rooms, type Slot, type Target } from './moveTransition.js';

/** What the move manager needs from the outside world. */
export interface MoveManagerDeps {
  readonly createRoom: MediaRoomFactory;
  /** Send a finished move's timings to the server. */
  readonly report?: (metric: MoveMetric) => void;
  /** Ask the server for our assignment again (a token may have expired). */
  readonly requestFreshAssignment?: () => void;
  readonly retryPolicy?: RetryPolicy;
  /** Monotonic clock, same as the one the store stamps cues with. */
  readonly nowMs?: () => number;
  /** Wait before a retry; resolves early when `signal` aborts (a newer target). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The random part of a pre-join's wait for its turn (preJoinedRoom.ts). */
  readonly preJoinDelayMs?: () => number;
}

interface ActiveRoom {
  readonly adapter: MediaRoomAdapter;
  assignment: Assignment;
}

/** See the file comment. One per page. */
export class MoveManager {
  private readonly deps: Required<Omit<MoveManagerDeps, 'report' | 'requestFreshAssignment'>> & Pick<MoveManagerDeps, 'report' | 'requestFreshAssignment'>;
  /** The decisions' state (see moveTransition.ts); only `step()` changes it. */
  private state: MoveState = INITIAL_MOVE_STATE;
  private active: ActiveRoom | null = null;
  /** The next room, pre-joined: `joined` resolves to whether that worked (and the room is still up). */
  private prepared: PreJoin | null = null;
  /** The agenda position whose connections the rooms show (see MediaRoomAdapter.showFrom). */
  private position = Number.MAX_SAFE_INTEGER;
  private inflight: { adapter: MediaRoomAdapter; livekitRoom: string } | null = null;
  private retryAbort: AbortController | null = null;
  private running: Promise<void> | null = null;
  private readonly latest = new WeakMap<MediaRoomAdapter, RoomLatest>();
  private readonly unsubscribers = new WeakMap<MediaRoomAdapter, () => void>();
  private unsubscribeStore: (() => void) | null = null;
  private readonly publishing = new PublishingSync(() => this.active?.adapter ?? null);
  /** Old rooms still heard after a move, each left when its sound has faded (audioHandover.ts). */
  private readonly oldRooms: OldRooms;
  private stopped = false;
  /** True while a move publishes into its new room; permission changes then wait for it. */
  private completing = false;

  constructor(deps: MoveManagerDeps) {
    this.deps = {
      retryPolicy: DEFAULT_RETRY_POLICY,
      nowMs: () => performance.now(),
      sleep: abortableSleep,
      preJoinDelayMs: () => Math.random() * PREJOIN_SPREAD_MS,
      ...deps,
    };
    this.oldRooms = new OldRooms((room) => this.leaveQuietly(room), this.deps.sleep);
  }

  /** Start following the store's assignments (after the pre-join check). */
  start(): void {
    if (this.unsubscribeStore) return;
    this.stopped = false;
    this.unsubscribeStore = lwStore.subscribe((state, prev) => this.onStoreChange(state, prev));
    this.onStoreChange(lwStore.getState(), null);
  }

  /** Leave every room and stop following assignments. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribeStore?.();
    this.unsubscribeStore = null;
    void this.step({ type: 'stopped' });
    this.prepared?.cancel();
    const rooms = [this.active?.adapter, this.prepared?.adapter, this.inflight?.adapter, ...this.oldRooms.rooms()].filter((a): a is MediaRoomAdapter => !!a);
    this.active = null;
    this.prepared = null;
    await Promise.all(rooms.map((r) => this.leaveQuietly(r)));
    setConnectedRoom(null, false);
    setMediaConnection('disconnected');
  }

  /** Resolves when there is nothing left to do (every move done or given up for now). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
    await this.publishing.settled();
    await this.oldRooms.settled();
  }

  /** Start or stop sharing the screen in the current room. */
  async setScreenShare(enabled: boolean): Promise<void> {
    if (this.active) await shareScreen(this.active.adapter, enabled);
  }

  /** Let sound play after the browser blocked it. */
  async startAudio(): Promise<void> {
    await this.active?.adapter.startAudio();
    setAudioBlocked(false);
  }

  // ---- decisions and their effects ----

  /** What the decisions need to know about the rooms right now. */
  private rooms(): Rooms {
    const active = this.active && { assignment: this.active.assignment, connection: this.latest.get(this.active.adapter)?.connection ?? 'connected' };
    return { active, prepared: this.prepared?.livekitRoom ?? null, inflight: this.inflight?.livekitRoom ?? null };
  }

  /**
   * Apply an event to the decisions' state, then run their effects in order. Effects that take no
   * time run at once (so a cue starts its move within the store update that brought it); the rest
   * of the list waits for one that takes time.
   */
  private step(event: MoveEvent): Promise<void> | void {
    const { state, effects } = transition(this.state, event);
    this.state = state;
    return this.runFrom(effects, 0);
  }

  private runFrom(effects: readonly MoveEffect[], from: number): Promise<void> | void {
    for (let i = from; i < effects.length; i++) {
      const pending = this.run(effects[i]!);
      if (pending) return pending.then(() => this.runFrom(effects, i + 1));
    }
  }

  private run(effect: MoveEffect): Promise<void> | void {
    switch (effect.type) {
      case 'abortRetry':
        this.retryAbort?.abort();
        return;
      case 'leave':
        return this.leaveSlot(effect.slot);
      case 'prepare':
        return this.prepare(effect.assignment);
      case 'adoptAssignment':
        if (this.active) this.active.assignment = effect.assignment;
        return;
      case 'connect':
        return this.connectTo(effect.target, effect.assignment, effect.from);
      case 'runMoves':
        return this.kick();
      case 'showNoRoom':
        setConnectedRoom(null, false);
        setMediaConnection('disconnected');
        return;
      case 'showMoveStatus':
        setMoveStatus(effect.status);
        return;
      case 'requestFreshAssignment':
        this.deps.requestFreshAssignment?.();
        return;
      case 'waitBeforeRetry':
        return this.waitBeforeRetry(effect.ms);
    }
  }

  private async waitBeforeRetry(ms: number): Promise<void> {
    const abort = new AbortController();
    this.retryAbort = abort;
    await this.deps.sleep(ms, abort.signal);
    if (this.retryAbort === abort) this.retryAbort = null;
  }

  /** Empty a slot at once; the adapter leaves in the background, except the room we are in: that is awaited. */
  private leaveSlot(slot: Slot): Promise<void> | void {
    const room = this[slot];
    if (!room) return;
    if (slot === 'prepared') this.prepared?.cancel();
    this[slot] = null;
    const leaving = this.leaveQuietly(room.adapter);
    if (slot === 'active') return leaving;
  }

  // ---- following the store ----

  private onStoreChange(state: LwState, prev: LwState | null): void {
    if (this.stopped) return;
    const a = state.assignment;
    // First what the rooms show (the cue's agenda position), then the move: the new room's list is right at once.
    const phase = state.agenda.snapshot?.phase;
    if (phase && agendaPosition(phase) !== this.position) {
      this.position = agendaPosition(phase);
      for (const room of [this.active, this.prepared, this.inflight]) room?.adapter.showFrom(this.position);
    }
    // Where we go first, then what to warm up: a next room that is the one we are going to needs no pre-join.
    if (!prev || a.current !== prev.assignment.current || a.visit !== prev.assignment.visit) {
      const target: Target = { assignment: a.visit ?? a.current, cueAtMs: a.currentAtMs ?? this.deps.nowMs(), isVisit: a.visit !== null };
      void this.step({ type: 'targetChanged', target, rooms: this.rooms() });
    }
    if (!prev || a.prepared !== prev.assignment.prepared) void this.step({ type: 'nextAssignmentKnown', assignment: a.prepared, rooms: this.rooms() });
    if (prev && this.active) {
      const m = state.media;
      if (m.audioMuted !== prev.media.audioMuted) void this.active.adapter.setMuted('audio', m.audioMuted).catch(() => undefined);
      if (m.videoMuted !== prev.media.videoMuted) void this.active.adapter.setMuted('video', m.videoMuted).catch(() => undefined);
      const publishInputsChanged = m.canPublish !== prev.media.canPublish || m.local !== prev.media.local || m.joinMode !== prev.media.joinMode;
      if (publishInputsChanged && !this.completing) this.publishing.sync();
    }
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.runLoop().finally(() => {
      this.running = null;
    });
  }

  private async runLoop(): Promise<void> {
    while (!this.stopped && this.state.desired !== this.state.applied) {
      await this.step({ type: 'moveDue', rooms: this.rooms() });
    }
  }

  private readonly wiredConnections = { fresh: () => this.createWired(), discard: (adapter: MediaRoomAdapter) => void this.leaveQuietly(adapter) };

  /** Join the next room as soon as its assignment is known (one pre-joined room at a time; failed attempts are retried). */
  private prepare(assignment: RoomAssignment): void {
    const turn = { ready: () => this.settled(), delayMs: this.deps.preJoinDelayMs(), sleep: this.deps.sleep, sending: () => tracksToSendIn(assignment.canPublish) };
    this.prepared = preJoinRoom(this.wiredConnections, assignment, turn);
  }

  /** Resolves when no move and no publish change is under way (a pre-join's turn). */
  private async settled(): Promise<void> {
    while (this.running) await this.running;
    await this.publishing.settled();
  }

  /**
   * The next assignment may have come during the move, for the room we were leaving (skipped then:
   * one identity, one connection per room): pre-join it once that room is left.
   */
  private preJoinMissedNext(): void {
    if (this.stopped) return;
    void this.step({ type: 'nextAssignmentKnown', assignment: lwStore.getState().assignment.prepared, rooms: this.rooms() });
  }

  private takeAdapterFor(livekitRoom: string): { adapter: MediaRoomAdapter; preJoin: PreJoin | null } {
    const preJoin = this.prepared?.livekitRoom === livekitRoom ? this.prepared : null;
    if (preJoin) this.prepared = null;
    return { adapter: preJoin?.adapter ?? this.createWired(), preJoin };
  }

  // ---- one move ----

  /** Connect to the target's room, retrying while it is still the target. */
  private async connectTo(target: Target, assignment: RoomAssignment, from: RoomId | null): Promise<void> {
    // The moderator's arrivals view: the cue reached us and we are on our way.
    if (!target.isVisit) {
      this.deps.report?.(moveOutcome(assignment, target.cueAtMs, this.deps.nowMs(), 'started'));
    }
    let attempt = 0;
    while (!this.stopped && this.state.desired === target) {
      attempt += 1;
      setMoveStatus({ status: 'moving', from, to: assignment.roomId, attempt });
      const taken = this.takeAdapterFor(assignment.livekitRoom);
      let adapter = taken.adapter;
      this.inflight = { adapter, livekitRoom: assignment.livekitRoom };
      mark(`lw:move:connect:${assignment.roomId}`);
      let preJoined = false;
      try {
        preJoined = await claimPreJoin(taken.preJoin);
        if (!preJoined) {
          if (taken.preJoin?.begun()) {
            // The pre-join did not work out (or the room dropped it): join as without one.
            await this.leaveQuietly(adapter);
            if (this.state.desired !== target || this.stopped) return;
            adapter = this.createWired();
            this.inflight = { adapter, livekitRoom: assignment.livekitRoom };
          }
          await adapter.connect(assignment.livekitUrl, assignment.token);
        }
      } catch (error) {
        if (this.inflight?.adapter === adapter) this.inflight = null;
        await this.leaveQuietly(adapter);
        if (this.state.desired !== target || this.stopped) return;
        // The server counts failed attempts (its metrics' move outcomes); the store keeps finished moves only.
        if (!target.isVisit) {
          this.deps.report?.(moveOutcome(assignment, target.cueAtMs, this.deps.nowMs(), 'failed'));
        }
        const { retryPolicy } = this.deps;
        await this.step({
          type: 'connectFailed', target, from, attempt, error: errorWords(error), reason: connectFailureOf(error), retryInMs: retryPolicy.nextDelayMs(attempt), refreshAfterAttempts: retryPolicy.refreshAfterAttempts,
        });
        continue;
      }
      if (this.inflight?.adapter === adapter) this.inflight = null;
      if (this.state.desired !== target || this.stopped) {
        // A newer cue came while we connected: this room is already out of date.
        await this.leaveQuietly(adapter);
        return;
      }
      await this.completeMove(target, assignment, adapter, preJoined);
      return;
    }
  }

  private async completeMove(target: Target, assignment: RoomAssignment, adapter: MediaRoomAdapter, preJoined: boolean): Promise<void> {
    this.completing = true;
    try {
      await this.switchRooms(target, assignment, adapter, preJoined);
    } finally {
      this.completing = false;
    }
    // Permissions may have changed while we published; reconcile once.
    this.publishing.sync();
  }

  private async switchRooms(target: Target, assignment: RoomAssignment, adapter: MediaRoomAdapter, preJoined: boolean): Promise<void> {
    const connectedAt = this.deps.nowMs();
    mark(`lw:move:connected:${assignment.roomId}`);
    const old = this.active;
    this.active = { adapter, assignment };
    // A pre-joined room starts receiving now (a joined one already does).
    adapter.activate();
    const latest = this.latest.get(adapter);
    // connect() resolved: connected, whether or not the room's own event has been seen yet.
    if (latest) latest.connection = 'connected';
    const canPublish = latest?.canPublish ?? assignment.canPublish;
    setConnectedRoom(assignment.roomId, canPublish);
    setRoomParticipants(latest?.participants ?? []);
    announceArrival(assignment.roomId, target.isVisit);
    setMediaConnection('connected');
    setPublishing(false);
    setScreenSharing(false);

    const publishingAt = await publishOnArrival(adapter, canPublish, this.deps.nowMs);
    if (publishingAt !== null) mark(`lw:move:publishing:${assignment.roomId}`);
    if (old) {
      // The old room is heard until the new one plays, then fades (audioHandover.ts); the move is done meanwhile.
      const oldRoom = { room: old.adapter, participants: this.latest.get(old.adapter)?.participants ?? [] };
      await this.oldRooms.leaveAfterMove(oldRoom, adapter, latest?.participants ?? [], () => this.preJoinMissedNext());
    }
    mark(`lw:move:left-old:${assignment.roomId}`);
    void this.step({ type: 'moved', target });

    if (target.isVisit) return;
    const metric = finishedMove(assignment, target.cueAtMs, connectedAt, publishingAt, preJoined);
    recordMove(metric);
    exposeMove(metric, this.deps.report);
  }

  // ---- the room's own events ----

  private createWired(): MediaRoomAdapter {
    const adapter = this.deps.createRoom();
    adapter.showFrom(this.position);
    const { latest, unsubscribe } = followRoom(adapter, () => this.active?.adapter === adapter, (reason) => {
      const leftRoom = this.active?.assignment.livekitRoom ?? null;
      this.active = null;
      void this.step({ type: 'roomLost', reason, leftRoom, moving: this.running !== null });
    });
    this.latest.set(adapter, latest);
    this.unsubscribers.set(adapter, unsubscribe);
    return adapter;
  }

  private async leaveQuietly(adapter: MediaRoomAdapter): Promise<void> {
    this.unsubscribers.get(adapter)?.();
    this.unsubscribers.delete(adapter);
    if (this.inflight?.adapter === adapter) this.inflight = null;
    try {
      await adapter.leave();
    } catch {
      // Leaving is best effort; the media server drops us after its departure timeout anyway.
    }
  }
}
