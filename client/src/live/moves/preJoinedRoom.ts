/**
 * A room joined ahead of its cue (make-before-break, shared/src/preJoin.ts): connected, our tracks
 * published there with nothing sent, nothing played, shown to nobody until the cue makes it the
 * room we are in.
 *
 * The pre-join waits for its turn: until the room we are in has finished its own join and publish
 * (a second connection negotiating at the same time slows the first one down on a weak machine:
 * measured in the seed journey, where the current room's negotiation timed out), and then a random
 * moment within PREJOIN_SPREAD_MS, so a whole plenary told its next rooms at once does not hit the
 * media server and every laptop's CPU in the same second. The next assignment is known minutes
 * before its cue; a cue that comes before the turn cancels the wait and joins as without a pre-join.
 */
import type { LocalMedia, MediaRoomAdapter } from '../media/livekit/types.js';
import type { RoomAssignment } from './moveTransition.js';
import { mark } from './moveTiming.js';

/** Pre-joins start at a random moment within this long after their turn comes. */
export const PREJOIN_SPREAD_MS = 3_000;

/** How many times a pre-join that failed is tried before the cue is left to join as without one. */
export const PREJOIN_ATTEMPTS = 3;

/** A pre-joined room and what the move needs to know about it at the cue. */
export interface PreJoin {
  /** The connection in use (a retry replaces a failed one with a fresh one). */
  readonly adapter: MediaRoomAdapter;
  readonly livekitRoom: string;
  /** Resolves to whether the pre-join worked (false also when it was cancelled before it began). */
  readonly joined: Promise<boolean>;
  /** Whether the join went out (false: still waiting for its turn; the adapter is untouched). */
  readonly begun: () => boolean;
  /** Give up: a wait that has not begun is called off, a join under way is the last attempt. */
  readonly cancel: () => void;
  /** The media server dropped it after it joined. */
  readonly isLost: () => boolean;
  readonly stopWatching: () => void;
}

/** When a pre-join may begin. */
export interface PreJoinTurn {
  /** Resolves when the room we are in is settled (no move or publish under way). */
  readonly ready: () => Promise<void>;
  /** The extra random wait, in ms. */
  readonly delayMs: number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Our tracks to publish there with nothing sent until the cue (null: the room will not let us, or we have none). */
  readonly sending: () => LocalMedia | null;
}

/** Where a pre-join gets its connections, and where a failed one goes. */
export interface PreJoinConnections {
  readonly fresh: () => MediaRoomAdapter;
  readonly discard: (adapter: MediaRoomAdapter) => void;
}

/**
 * Pre-join `assignment`'s room when its turn comes. A failed attempt (a busy media server, a flaky
 * network) is tried again on a fresh connection after another turn, up to PREJOIN_ATTEMPTS; a
 * failure only costs the time the pre-join would have saved.
 */
export function preJoinRoom(connections: PreJoinConnections, assignment: RoomAssignment, turn: PreJoinTurn): PreJoin {
  mark(`lw:move:prepare:${assignment.roomId}`);
  const abort = new AbortController();
  const cancelled = new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve(), { once: true }));
  let adapter = connections.fresh();
  let begun = false;
  let givenUp = false;
  // A pre-joined room the media server drops before the cue is no use at the cue.
  let lost = false;
  const watch = (a: MediaRoomAdapter) => a.on('disconnected', () => {
    lost = true;
  });
  let stopWatching = watch(adapter);
  const attempt = async (): Promise<boolean> => {
    await Promise.race([turn.ready(), cancelled]);
    if (turn.delayMs > 0 && !abort.signal.aborted) await turn.sleep(turn.delayMs, abort.signal);
    if (abort.signal.aborted) return false;
    begun = true;
    mark(`lw:move:prejoin:${assignment.roomId}`);
    // pre-joining only saves time: the move then joins as before and reports problems
    return adapter.preJoin(assignment.livekitUrl, assignment.token, turn.sending()).then(() => true, () => false);
  };
  const joined = (async () => {
    for (let n = 1; ; n++) {
      const ok = await attempt();
      if (ok) mark(`lw:move:prejoined:${assignment.roomId}`);
      if (ok || givenUp || n >= PREJOIN_ATTEMPTS) return ok;
      stopWatching();
      connections.discard(adapter);
      adapter = connections.fresh();
      begun = false;
      lost = false;
      stopWatching = watch(adapter);
    }
  })();
  return {
    get adapter() {
      return adapter;
    },
    livekitRoom: assignment.livekitRoom, joined, begun: () => begun, isLost: () => lost, stopWatching: () => stopWatching(),
    cancel: () => {
      givenUp = true;
      if (!begun) abort.abort();
    },
  };
}

/**
 * At the cue: whether `preJoin`'s room can simply be switched to. No more attempts after this; a
 * pre-join still waiting for its turn is called off (its adapter is untouched and joins now); one
 * that failed or was dropped is not used.
 */
export async function claimPreJoin(preJoin: PreJoin | null): Promise<boolean> {
  if (preJoin === null) return false;
  preJoin.cancel();
  const usable = preJoin.begun() && (await preJoin.joined) && !preJoin.isLost();
  preJoin.stopWatching();
  return usable;
}
