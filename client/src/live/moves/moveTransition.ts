/**
 * The move manager's decisions as a pure transition, like the agenda engine's `step()`:
 * `transition(state, event) -> { state, effects }`. The state is which target we aim for and which
 * one is reached; each event brings what the shell knows about its rooms at that moment (the room we
 * are in, the one being prepared, the one being connected). Effects are data; the shell
 * (moveManager.ts) runs them on the media room adapters and the store, in order.
 */
import type { Assignment, RoomId } from '@live-workshop/shared';
import type { MediaConnectFailure } from '../media/livekit/connectError.js';
import type { MediaConnectionState, MediaDisconnectReason } from '../media/livekit/types.js';
import type { MoveStatus } from '../../session/store/state.js';

/** The room we aim for: a visit if a moderator is visiting, else the current assignment. */
export interface Target {
  readonly assignment: Assignment | null;
  readonly cueAtMs: number;
  readonly isVisit: boolean;
}

/** An assignment with a room to join. */
export type RoomAssignment = Assignment & { readonly roomId: RoomId; readonly livekitRoom: string; readonly token: string };

/** Whether an assignment names a room we can join. */
export const hasRoom = (a: Assignment | null): a is RoomAssignment => !!a && a.roomId !== null && a.livekitRoom !== null && a.token !== null;

/** The move manager's own state: the newest target, and the target the rooms match (same object when done). */
export interface MoveState {
  readonly desired: Target | null;
  readonly applied: Target | null;
}

/** What the shell knows about its rooms when an event happens. */
export interface Rooms {
  /** The room we are in and how its connection stands. */
  readonly active: { readonly assignment: Assignment; readonly connection: MediaConnectionState } | null;
  /** The LiveKit room pre-joined (or being pre-joined) for the next cue. */
  readonly prepared: string | null;
  /** The LiveKit room a connect is under way to. */
  readonly inflight: string | null;
}

/** What happens to the move manager. */
export type MoveEvent =
  /** The store's current assignment (or visit) changed. */
  | { readonly type: 'targetChanged'; readonly target: Target; readonly rooms: Rooms }
  /** The assignment after the next cue became known (or changed). */
  | { readonly type: 'nextAssignmentKnown'; readonly assignment: Assignment | null; readonly rooms: Rooms }
  /** The move loop asks what to do about the desired target. */
  | { readonly type: 'moveDue'; readonly rooms: Rooms }
  /** A connect to the target's room failed (`reason`: why, when known); `retryInMs` from the retry policy. */
  | { readonly type: 'connectFailed'; readonly target: Target; readonly from: RoomId | null; readonly attempt: number; readonly error: string; readonly reason?: MediaConnectFailure; readonly retryInMs: number; readonly refreshAfterAttempts: number }
  /** The target's room is joined and our tracks are sent (or could not be). */
  | { readonly type: 'moved'; readonly target: Target }
  /** The room we were in closed on us. `moving`: a move loop is under way. */
  | { readonly type: 'roomLost'; readonly reason: MediaDisconnectReason; readonly leftRoom: string | null; readonly moving: boolean }
  /** Stop following assignments. */
  | { readonly type: 'stopped' };

/** Which of the shell's adapters an effect is about. */
export type Slot = 'active' | 'prepared' | 'inflight';

/** What the shell does, in order. */
export type MoveEffect =
  /** Wake a retry that is waiting: there is a newer target. */
  | { readonly type: 'abortRetry' }
  /** Leave the adapter in a slot (best effort) and empty the slot. */
  | { readonly type: 'leave'; readonly slot: Slot }
  /** Join the next room before the cue (make-before-break), in the prepared slot. */
  | { readonly type: 'prepare'; readonly assignment: RoomAssignment }
  /** Stay connected to the room we are in, with its new assignment (a new token or permissions). */
  | { readonly type: 'adoptAssignment'; readonly assignment: Assignment }
  /** Connect to the target's room (with retries), publish there, then leave the old room. */
  | { readonly type: 'connect'; readonly target: Target; readonly assignment: RoomAssignment; readonly from: RoomId | null }
  /** Start the move loop unless it runs. */
  | { readonly type: 'runMoves' }
  /** The store: in no media room. */
  | { readonly type: 'showNoRoom' }
  | { readonly type: 'showMoveStatus'; readonly status: MoveStatus }
  /** Ask the server for our assignment again. */
  | { readonly type: 'requestFreshAssignment' }
  /** Wait before the next try (woken early by abortRetry). */
  | { readonly type: 'waitBeforeRetry'; readonly ms: number };

/** The next state and what to do. */
export interface MoveStep {
  readonly state: MoveState;
  readonly effects: readonly MoveEffect[];
}

/** The state before anything was assigned. */
export const INITIAL_MOVE_STATE: MoveState = { desired: null, applied: null };

const IDLE: MoveStatus = { status: 'idle' };

/**
 * Whether an assignment for the room we are in needs a fresh join: the media server's URL
 * changed, or the connection is not up (livekit-client is still retrying the old one).
 */
export function mustRejoin(active: NonNullable<Rooms['active']>, assignment: Assignment): boolean {
  if (active.assignment.livekitUrl !== assignment.livekitUrl) return true;
  return active.connection === 'reconnecting' || active.connection === 'disconnected';
}

/** See the file comment. */
export function transition(state: MoveState, event: MoveEvent): MoveStep {
  switch (event.type) {
    case 'targetChanged': {
      // A connect still running for another room is now pointless: cancel it so the newest cue wins fast.
      const cancel = event.rooms.inflight !== null && event.rooms.inflight !== event.target.assignment?.livekitRoom;
      return { state: { ...state, desired: event.target }, effects: [{ type: 'abortRetry' }, ...(cancel ? [{ type: 'leave', slot: 'inflight' } as const] : []), { type: 'runMoves' }] };
    }
    case 'nextAssignmentKnown': {
      const { assignment, rooms } = event;
      // The plan changed and the next item puts us nowhere: a pre-joined room is dropped. (No
      // assignment at all means the prepared one is being used now: the move takes its room.)
      if (!hasRoom(assignment)) return { state, effects: assignment !== null && rooms.prepared !== null ? [{ type: 'leave', slot: 'prepared' }] : [] };
      // Staying in the room we are in, are joining or are about to join (one identity, one connection
      // per LiveKit room: a pre-join there would replace our own connection), or already warming it up.
      const staying = [rooms.active?.assignment.livekitRoom, rooms.inflight, state.desired?.assignment?.livekitRoom];
      if (staying.includes(assignment.livekitRoom)) return { state, effects: [] };
      if (rooms.prepared === assignment.livekitRoom) return { state, effects: [] };
      return { state, effects: [...(rooms.prepared !== null ? [{ type: 'leave', slot: 'prepared' } as const] : []), { type: 'prepare', assignment }] };
    }
    case 'moveDue':
      return moveDue(state, event.rooms);
    case 'connectFailed': {
      const { target, from, attempt, error, retryInMs, refreshAfterAttempts } = event;
      const reason = event.reason ?? 'other';
      const to = target.assignment?.roomId;
      if (state.desired !== target || !to) return { state, effects: [] };
      // LiveKit refused the pass: the same token will be refused again, so ask for a fresh one now.
      // An unreachable or silent server only needs time (backoff); its token is still good. For
      // anything else the token may have expired after a few failures: ask again then.
      const refresh = reason === 'token_rejected' || (reason !== 'unreachable' && reason !== 'timeout' && attempt % refreshAfterAttempts === 0);
      return {
        state,
        effects: [
          { type: 'showMoveStatus', status: { status: 'retrying', from, to, attempt, error, retryInMs } },
          ...(refresh ? [{ type: 'requestFreshAssignment' } as const] : []),
          { type: 'waitBeforeRetry', ms: retryInMs },
        ],
      };
    }
    case 'moved':
      return { state: { ...state, applied: event.target }, effects: [{ type: 'showMoveStatus', status: IDLE }] };
    case 'roomLost':
      return roomLost(state, event);
    case 'stopped':
      return { state: { ...state, desired: null }, effects: [{ type: 'abortRetry' }] };
  }
}

/** One pass of the move loop: where the desired target is, against the room we are in. */
function moveDue(state: MoveState, rooms: Rooms): MoveStep {
  const target = state.desired;
  const assignment = target?.assignment ?? null;
  if (!target || !hasRoom(assignment)) {
    return { state: { ...state, applied: target }, effects: [{ type: 'showNoRoom' }, { type: 'showMoveStatus', status: IDLE }, ...(rooms.active ? [{ type: 'leave', slot: 'active' } as const] : [])] };
  }
  const active = rooms.active;
  const sameRoom = active !== null && active.assignment.livekitRoom === assignment.livekitRoom;
  if (sameRoom && !mustRejoin(active, assignment)) {
    // Same room (a new token or a permission change): no reconnect. What we may publish here
    // follows the media server's own permission update (permissionsChanged), which can arrive
    // after this assignment; publishing before it would be refused.
    return {
      state: { ...state, applied: target },
      effects: [...(rooms.prepared === assignment.livekitRoom ? [{ type: 'leave', slot: 'prepared' } as const] : []), { type: 'adoptAssignment', assignment }, { type: 'showMoveStatus', status: IDLE }],
    };
  }
  // Same room, but the media server moved or our connection to it is stuck retrying (the server
  // restarted): join again now. The stuck connection goes first, or its own retry and the new join
  // would evict each other (one identity, one connection per room).
  const from = sameRoom ? null : (active?.assignment.roomId ?? null);
  return { state, effects: [...(sameRoom ? [{ type: 'leave', slot: 'active' } as const] : []), { type: 'connect', target, assignment, from }] };
}

/** The room we were in closed on us. */
function roomLost(state: MoveState, event: Extract<MoveEvent, { type: 'roomLost' }>): MoveStep {
  const shown: MoveEffect = { type: 'showNoRoom' };
  const to = state.desired?.assignment?.roomId ?? null;
  if (event.reason === 'duplicate_identity') {
    const failed: MoveEffect[] = to ? [{ type: 'showMoveStatus', status: { status: 'failed', to, error: 'You joined from another tab or device; this one was disconnected.' } }] : [];
    return { state: { ...state, applied: state.desired }, effects: [shown, ...failed] };
  }
  if (event.reason === 'removed' && event.moving && state.desired?.assignment?.livekitRoom !== event.leftRoom) {
    // Taken out of the room we are leaving while the move to the new one is still under way (a
    // slow machine): let that move finish instead of starting over.
    return { state, effects: [shown] };
  }
  if (event.reason === 'removed') {
    // The server took us out of this room: our assignment is probably out of date. Ask for the
    // current one and follow it, rather than pushing back into a room we may not belong to.
    return { state: { ...state, applied: state.desired }, effects: [shown, { type: 'requestFreshAssignment' }] };
  }
  // Lost the room: join it again (with retries, and a fresh pass if needed).
  return { state: { ...state, applied: null }, effects: [shown, { type: 'runMoves' }] };
}
