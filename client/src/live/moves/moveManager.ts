/**
 * The move manager: keeps us in exactly the room the server assigns.
 *
 * When the current assignment changes it connects the new room (prepared in advance when the
 * assignment came before the cue), republishes the same camera and microphone tracks with the
 * same mute state (no new getUserMedia, so no new permission prompt), and only then leaves the
 * old room. Failures are retried with backoff and shown; when cues come quickly only the latest
 * target wins and at most one room stays connected. Each move's timings go to the store,
 * `window.__lwMoves` and the server.
 */
import type { Assignment, RoomId } from '@live-workshop/shared';
import type { MediaConnectionState, MediaRoomAdapter, MediaRoomFactory, RemoteParticipantView } from '../media/livekit/types.js';
import {
  recordMove, setAudioBlocked, setCanPublish, setConnectedRoom, setMediaConnection, setMoveStatus, setNotice, setPublishing,
  setRoomParticipants, setScreenSharing,
} from '../../session/store/actions.js';
import type { LwState, MoveMetric } from '../../session/store/state.js';
import { lwStore } from '../../session/store/store.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryPolicy.js';

declare global {
  interface Window {
    /** Every finished move of this page, for the e2e tests and the bench. */
    __lwMoves?: MoveMetric[];
  }
}

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
}

/** The room we aim for: a visit if a moderator is visiting, else the current assignment. */
interface Target {
  readonly assignment: Assignment | null;
  readonly cueAtMs: number;
  readonly isVisit: boolean;
}

interface ActiveRoom {
  readonly adapter: MediaRoomAdapter;
  assignment: Assignment;
}

/** What an adapter told us before it became the active room. */
interface AdapterLatest {
  participants: readonly RemoteParticipantView[];
  canPublish: boolean | null;
  connection: MediaConnectionState;
}

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });

const hasRoom = (a: Assignment | null): a is Assignment & { roomId: RoomId; livekitRoom: string; token: string } =>
  !!a && a.roomId !== null && a.livekitRoom !== null && a.token !== null;

/** Performance marks around each move, for the bench and the browser's performance panel. */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

const errorWords = (error: unknown) => (error instanceof Error && error.message ? error.message : 'Something went wrong with the media connection.');

/** See the file comment. One per page. */
export class MoveManager {
  private readonly deps: Required<Omit<MoveManagerDeps, 'report' | 'requestFreshAssignment'>> & Pick<MoveManagerDeps, 'report' | 'requestFreshAssignment'>;
  private desired: Target | null = null;
  private applied: Target | null = null;
  private active: ActiveRoom | null = null;
  private prepared: { adapter: MediaRoomAdapter; livekitRoom: string } | null = null;
  private inflight: { adapter: MediaRoomAdapter; livekitRoom: string } | null = null;
  private retryAbort: AbortController | null = null;
  private running: Promise<void> | null = null;
  private readonly latest = new WeakMap<MediaRoomAdapter, AdapterLatest>();
  private readonly unsubscribers = new WeakMap<MediaRoomAdapter, (() => void)[]>();
  private unsubscribeStore: (() => void) | null = null;
  private publishChain: Promise<void> = Promise.resolve();
  private stopped = false;
  /** True while a move publishes into its new room; permission changes then wait for it. */
  private completing = false;

  constructor(deps: MoveManagerDeps) {
    this.deps = {
      retryPolicy: DEFAULT_RETRY_POLICY,
      nowMs: () => performance.now(),
      sleep: abortableSleep,
      ...deps,
    };
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
    this.desired = null;
    this.retryAbort?.abort();
    const rooms = [this.active?.adapter, this.prepared?.adapter, this.inflight?.adapter].filter((a): a is MediaRoomAdapter => !!a);
    this.active = null;
    this.prepared = null;
    await Promise.all(rooms.map((r) => this.leaveQuietly(r)));
    setConnectedRoom(null, false);
    setMediaConnection('disconnected');
  }

  /** Resolves when there is nothing left to do (every move done or given up for now). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
    await this.publishChain;
  }

  /** Start or stop sharing the screen in the current room. */
  async setScreenShare(enabled: boolean): Promise<void> {
    const room = this.active;
    if (!room) return;
    try {
      setScreenSharing(await room.adapter.setScreenShare(enabled));
    } catch (error) {
      setScreenSharing(false);
      setNotice({ kind: 'error', text: /denied|NotAllowed|Permission/i.test(String(error)) ? 'Screen sharing was not allowed by the browser.' : `Screen sharing failed: ${errorWords(error)}` });
    }
  }

  /** Let sound play after the browser blocked it. */
  async startAudio(): Promise<void> {
    await this.active?.adapter.startAudio();
    setAudioBlocked(false);
  }

  // ---- following the store ----

  private onStoreChange(state: LwState, prev: LwState | null): void {
    if (this.stopped) return;
    const a = state.assignment;
    if (!prev || a.prepared !== prev.assignment.prepared) this.prepareNext(a.prepared);
    if (!prev || a.current !== prev.assignment.current || a.visit !== prev.assignment.visit) {
      const assignment = a.visit ?? a.current;
      this.setDesired({ assignment, cueAtMs: a.currentAtMs ?? this.deps.nowMs(), isVisit: a.visit !== null });
    }
    if (prev && this.active) {
      const m = state.media;
      if (m.audioMuted !== prev.media.audioMuted) void this.active.adapter.setMuted('audio', m.audioMuted).catch(() => undefined);
      if (m.videoMuted !== prev.media.videoMuted) void this.active.adapter.setMuted('video', m.videoMuted).catch(() => undefined);
      const publishInputsChanged = m.canPublish !== prev.media.canPublish || m.local !== prev.media.local || m.joinMode !== prev.media.joinMode;
      if (publishInputsChanged && !this.completing) this.syncPublishing();
    }
  }

  private setDesired(target: Target): void {
    this.desired = target;
    this.retryAbort?.abort();
    // A connect still running for another room is now pointless: cancel it so the newest cue wins fast.
    if (this.inflight && this.inflight.livekitRoom !== target.assignment?.livekitRoom) {
      void this.leaveQuietly(this.inflight.adapter);
    }
    this.kick();
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.runLoop().finally(() => {
      this.running = null;
    });
  }

  private async runLoop(): Promise<void> {
    while (!this.stopped && this.desired !== this.applied) {
      await this.moveTo(this.desired);
    }
  }

  /** Warm up the next room as soon as its assignment is known. */
  private prepareNext(assignment: Assignment | null): void {
    if (!hasRoom(assignment)) return;
    // Staying in the room we are in (or are joining): nothing to prepare.
    if (assignment.livekitRoom === this.active?.assignment.livekitRoom || assignment.livekitRoom === this.inflight?.livekitRoom) return;
    if (this.prepared?.livekitRoom === assignment.livekitRoom) return;
    this.discardPrepared();
    const adapter = this.createWired();
    this.prepared = { adapter, livekitRoom: assignment.livekitRoom };
    mark(`lw:move:prepare:${assignment.roomId}`);
    adapter.prepare(assignment.livekitUrl, assignment.token).catch(() => {
      // Preparing only saves time; the real connect reports problems.
    });
  }

  private discardPrepared(): void {
    if (!this.prepared) return;
    void this.leaveQuietly(this.prepared.adapter);
    this.prepared = null;
  }

  private takeAdapterFor(livekitRoom: string): MediaRoomAdapter {
    if (this.prepared?.livekitRoom === livekitRoom) {
      const { adapter } = this.prepared;
      this.prepared = null;
      return adapter;
    }
    return this.createWired();
  }

  // ---- one move ----

  private async moveTo(target: Target | null): Promise<void> {
    const assignment = target?.assignment ?? null;
    if (!target || !hasRoom(assignment)) {
      const old = this.active;
      this.active = null;
      this.applied = target;
      setConnectedRoom(null, false);
      setMediaConnection('disconnected');
      setMoveStatus({ status: 'idle' });
      if (old) await this.leaveQuietly(old.adapter);
      return;
    }
    if (this.active && this.active.assignment.livekitRoom === assignment.livekitRoom && !this.mustRejoin(this.active, assignment)) {
      // Same room (a new token or a permission change): no reconnect. What we may publish here
      // follows the media server's own permission update (permissionsChanged), which can arrive
      // after this assignment; publishing before it would be refused.
      if (this.prepared?.livekitRoom === assignment.livekitRoom) this.discardPrepared();
      this.active.assignment = assignment;
      this.applied = target;
      setMoveStatus({ status: 'idle' });
      return;
    }
    if (this.active && this.active.assignment.livekitRoom === assignment.livekitRoom) {
      // Same room, but the media server moved or our connection to it is stuck retrying (the
      // server restarted): join again now. The stuck connection goes first, or its own retry and
      // the new join would evict each other (one identity, one connection per room).
      const stale = this.active;
      this.active = null;
      await this.leaveQuietly(stale.adapter);
    }
    const from = this.active?.assignment.roomId ?? null;
    let attempt = 0;
    while (!this.stopped && this.desired === target) {
      attempt += 1;
      setMoveStatus({ status: 'moving', from, to: assignment.roomId, attempt });
      const adapter = this.takeAdapterFor(assignment.livekitRoom);
      this.inflight = { adapter, livekitRoom: assignment.livekitRoom };
      mark(`lw:move:connect:${assignment.roomId}`);
      try {
        await adapter.connect(assignment.livekitUrl, assignment.token);
      } catch (error) {
        if (this.inflight?.adapter === adapter) this.inflight = null;
        await this.leaveQuietly(adapter);
        if (this.desired !== target || this.stopped) return;
        await this.waitBeforeRetry(target, from, assignment.roomId, attempt, error);
        continue;
      }
      if (this.inflight?.adapter === adapter) this.inflight = null;
      if (this.desired !== target || this.stopped) {
        // A newer cue came while we connected: this room is already out of date.
        await this.leaveQuietly(adapter);
        return;
      }
      await this.completeMove(target, assignment, adapter);
      return;
    }
  }

  /**
   * Whether an assignment for the room we are in needs a fresh join: the media server's URL
   * changed, or the connection is not up (livekit-client is still retrying the old one).
   */
  private mustRejoin(active: ActiveRoom, assignment: Assignment): boolean {
    if (active.assignment.livekitUrl !== assignment.livekitUrl) return true;
    const connection = this.latest.get(active.adapter)?.connection ?? 'connected';
    return connection === 'reconnecting' || connection === 'disconnected';
  }

  private async completeMove(target: Target, assignment: Assignment & { roomId: RoomId }, adapter: MediaRoomAdapter): Promise<void> {
    this.completing = true;
    try {
      await this.switchRooms(target, assignment, adapter);
    } finally {
      this.completing = false;
    }
    // Permissions may have changed while we published; reconcile once.
    this.syncPublishing();
  }

  private async switchRooms(target: Target, assignment: Assignment & { roomId: RoomId }, adapter: MediaRoomAdapter): Promise<void> {
    const connectedAt = this.deps.nowMs();
    mark(`lw:move:connected:${assignment.roomId}`);
    const old = this.active;
    this.active = { adapter, assignment };
    const latest = this.latest.get(adapter);
    // connect() resolved: connected, whether or not the room's own event has been seen yet.
    if (latest) latest.connection = 'connected';
    const canPublish = latest?.canPublish ?? assignment.canPublish;
    setConnectedRoom(assignment.roomId, canPublish);
    setRoomParticipants(latest?.participants ?? []);
    setMediaConnection('connected');
    setPublishing(false);
    setScreenSharing(false);

    let publishingAt: number | null = null;
    if (canPublish && this.hasTracks()) {
      try {
        const { local, audioMuted, videoMuted } = lwStore.getState().media;
        await adapter.publish(local, { audioMuted, videoMuted });
        publishingAt = this.deps.nowMs();
        mark(`lw:move:publishing:${assignment.roomId}`);
        setPublishing(true);
      } catch (error) {
        setNotice({ kind: 'error', text: `You are in the room, but your camera and microphone could not be sent: ${errorWords(error)}` });
      }
    }
    if (old) await this.leaveQuietly(old.adapter);
    mark(`lw:move:left-old:${assignment.roomId}`);
    this.applied = target;
    setMoveStatus({ status: 'idle' });

    if (target.isVisit) return;
    const metric: MoveMetric = {
      phaseKey: assignment.phaseKey,
      roomId: assignment.roomId,
      cueToConnectedMs: Math.max(0, Math.round(connectedAt - target.cueAtMs)),
      cueToPublishingMs: publishingAt === null ? null : Math.max(0, Math.round(publishingAt - target.cueAtMs)),
    };
    recordMove(metric);
    if (typeof window !== 'undefined') (window.__lwMoves ??= []).push(metric);
    this.deps.report?.(metric);
  }

  private async waitBeforeRetry(target: Target, from: RoomId | null, to: RoomId, attempt: number, error: unknown): Promise<void> {
    const { retryPolicy } = this.deps;
    const retryInMs = retryPolicy.nextDelayMs(attempt);
    setMoveStatus({ status: 'retrying', from, to, attempt, error: errorWords(error), retryInMs });
    if (attempt % retryPolicy.refreshAfterAttempts === 0) this.deps.requestFreshAssignment?.();
    const abort = new AbortController();
    this.retryAbort = abort;
    await this.deps.sleep(retryInMs, abort.signal);
    if (this.retryAbort === abort) this.retryAbort = null;
  }

  // ---- the room's own events ----

  private createWired(): MediaRoomAdapter {
    const adapter = this.deps.createRoom();
    const latest: AdapterLatest = { participants: [], canPublish: null, connection: 'disconnected' };
    this.latest.set(adapter, latest);
    const isActive = () => this.active?.adapter === adapter;
    this.unsubscribers.set(adapter, [
      adapter.on('participantsChanged', (participants) => {
        latest.participants = participants;
        if (isActive()) setRoomParticipants(participants);
      }),
      adapter.on('connectionChanged', (state) => {
        latest.connection = state;
        if (isActive()) setMediaConnection(state);
      }),
      adapter.on('permissionsChanged', (canPublish) => {
        latest.canPublish = canPublish;
        if (isActive()) setCanPublish(canPublish);
      }),
      adapter.on('audioPlaybackChanged', (canPlay) => {
        if (isActive()) setAudioBlocked(!canPlay);
      }),
      adapter.on('screenShareChanged', (sharing) => {
        if (isActive()) setScreenSharing(sharing);
      }),
      adapter.on('disconnected', (reason) => {
        if (!isActive()) return;
        const leftRoom = this.active?.assignment.livekitRoom;
        this.active = null;
        setConnectedRoom(null, false);
        setMediaConnection('disconnected');
        const to = this.desired?.assignment?.roomId ?? null;
        if (reason === 'duplicate_identity') {
          if (to) setMoveStatus({ status: 'failed', to, error: 'You joined from another tab or device; this one was disconnected.' });
          this.applied = this.desired;
          return;
        }
        if (reason === 'removed' && this.running && this.desired?.assignment?.livekitRoom !== leftRoom) {
          // Taken out of the room we are leaving while the move to the new one is still under
          // way (a slow machine): let that move finish instead of starting over.
          return;
        }
        if (reason === 'removed') {
          // The server took us out of this room: our assignment is probably out of date. Ask for
          // the current one and follow it, rather than pushing back into a room we may not belong to.
          this.applied = this.desired;
          this.deps.requestFreshAssignment?.();
          return;
        }
        // Lost the room: join it again (with retries, and a fresh pass if needed).
        this.applied = null;
        this.kick();
      }),
    ]);
    return adapter;
  }

  private hasTracks(): boolean {
    const { joinMode, local } = lwStore.getState().media;
    return joinMode === 'media' && (local.audio !== null || local.video !== null);
  }

  /** Publish or unpublish when what we may do changes without a move (stage promotions). */
  private syncPublishing(): void {
    this.publishChain = this.publishChain.then(async () => {
      const room = this.active;
      if (!room) return;
      const { canPublish, publishing, local, audioMuted, videoMuted } = lwStore.getState().media;
      const should = canPublish && this.hasTracks();
      try {
        if (should && !publishing) {
          await room.adapter.publish(local, { audioMuted, videoMuted });
          if (this.active === room) setPublishing(true);
        } else if (!should && publishing) {
          await room.adapter.unpublish();
          if (this.active === room) setPublishing(false);
        }
      } catch (error) {
        setNotice({ kind: 'error', text: `Your camera and microphone could not be sent: ${errorWords(error)}` });
      }
    });
  }

  private async leaveQuietly(adapter: MediaRoomAdapter): Promise<void> {
    for (const off of this.unsubscribers.get(adapter) ?? []) off();
    this.unsubscribers.delete(adapter);
    if (this.inflight?.adapter === adapter) this.inflight = null;
    try {
      await adapter.leave();
    } catch {
      // Leaving is best effort; the media server drops us after its departure timeout anyway.
    }
  }
}
