/**
 * A room joined ahead of its cue (make-before-break, shared/src/preJoin.ts): connected, publishing
 * nothing, subscribed to nothing, shown to nobody until the cue makes it the room we are in.
 *
 * The pre-join waits for its turn: until the room we are in has finished its own join and publish
 * (a second connection negotiating at the same time slows the first one down on a weak machine:
 * measured in the seed journey, where the current room's negotiation timed out), and then a random
 * moment within PREJOIN_SPREAD_MS, so a whole plenary told its next rooms at once does not hit the
 * media server and every laptop's CPU in the same second. The next assignment is known minutes
 * before its cue; a cue that comes before the turn cancels the wait and joins as without a pre-join.
 */
import type { MediaRoomAdapter } from '../media/livekit/types.js';
import type { RoomAssignment } from './moveTransition.js';
import { mark } from './moveTiming.js';

/** Pre-joins start at a random moment within this long after their turn comes. */
export const PREJOIN_SPREAD_MS = 3_000;

/** A pre-joined room and what the move needs to know about it at the cue. */
export interface PreJoin {
  readonly adapter: MediaRoomAdapter;
  readonly livekitRoom: string;
  /** Resolves to whether the pre-join worked (false also when it was cancelled before it began). */
  readonly joined: Promise<boolean>;
  /** Whether the join went out (false: still waiting for its turn; the adapter is untouched). */
  readonly begun: () => boolean;
  /** Give up the wait of a pre-join that has not begun; no effect once it has. */
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
}

/** Pre-join `assignment`'s room on a fresh adapter when its turn comes. A failure only costs the time it would have saved. */
export function preJoinRoom(adapter: MediaRoomAdapter, assignment: RoomAssignment, turn: PreJoinTurn): PreJoin {
  mark(`lw:move:prepare:${assignment.roomId}`);
  const abort = new AbortController();
  const cancelled = new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve(), { once: true }));
  let begun = false;
  // A pre-joined room the media server drops before the cue is no use at the cue.
  let lost = false;
  const stopWatching = adapter.on('disconnected', () => {
    lost = true;
  });
  const joined = (async () => {
    await Promise.race([turn.ready(), cancelled]);
    if (turn.delayMs > 0 && !abort.signal.aborted) await turn.sleep(turn.delayMs, abort.signal);
    if (abort.signal.aborted) return false;
    begun = true;
    mark(`lw:move:prejoin:${assignment.roomId}`);
    return adapter.preJoin(assignment.livekitUrl, assignment.token).then(() => {
      mark(`lw:move:prejoined:${assignment.roomId}`);
      return true;
    }, () => false); // pre-joining only saves time: the move then joins as before and reports problems
  })();
  return {
    adapter, livekitRoom: assignment.livekitRoom, joined, begun: () => begun, isLost: () => lost, stopWatching,
    cancel: () => {
      if (!begun) abort.abort();
    },
  };
}

/**
 * At the cue: whether `preJoin`'s room can simply be switched to. A pre-join still waiting for its
 * turn is called off (its adapter is untouched and joins now); one that failed or was dropped is not used.
 */
export async function claimPreJoin(preJoin: PreJoin | null): Promise<boolean> {
  if (preJoin === null) return false;
  if (!preJoin.begun()) preJoin.cancel();
  const usable = preJoin.begun() && (await preJoin.joined) && !preJoin.isLost();
  preJoin.stopWatching();
  return usable;
}
