/**
 * A room joined ahead of its cue (make-before-break, shared/src/preJoin.ts): connected, publishing
 * nothing, subscribed to nothing, shown to nobody until the cue makes it the room we are in.
 */
import type { MediaRoomAdapter } from '../media/livekit/types.js';
import type { RoomAssignment } from './moveTransition.js';
import { mark } from './moveTiming.js';

/** A pre-joined room and what the move needs to know about it at the cue. */
export interface PreJoin {
  readonly adapter: MediaRoomAdapter;
  readonly livekitRoom: string;
  /** Resolves to whether the pre-join worked. */
  readonly joined: Promise<boolean>;
  /** The media server dropped it after it joined. */
  readonly isLost: () => boolean;
  readonly stopWatching: () => void;
}

/** Start pre-joining `assignment`'s room on a fresh adapter. A failure only costs the time it saved. */
export function preJoinRoom(adapter: MediaRoomAdapter, assignment: RoomAssignment): PreJoin {
  mark(`lw:move:prepare:${assignment.roomId}`);
  // A pre-joined room the media server drops before the cue is no use at the cue.
  let lost = false;
  const stopWatching = adapter.on('disconnected', () => {
    lost = true;
  });
  const joined = adapter.preJoin(assignment.livekitUrl, assignment.token).then(() => {
    mark(`lw:move:prejoined:${assignment.roomId}`);
    return true;
  }, () => false); // pre-joining only saves time: the move then joins as before and reports problems
  return { adapter, livekitRoom: assignment.livekitRoom, joined, isLost: () => lost, stopWatching };
}
