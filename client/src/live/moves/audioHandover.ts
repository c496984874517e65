/**
 * Audio continuity across a move: the room we leave keeps playing until the new room's sound
 * plays (or OLD_ROOM_HOLD_MS at most), then fades out over AUDIO_FADE_OUT_MS, and only then is the
 * old room left — no silence between rooms. A move from a silent room leaves it at once.
 */
import type { MediaRoomAdapter, RemoteParticipantView } from '../media/livekit/types.js';
import { setHeldAudio } from '../../session/store/actions.js';

/** The longest the old room is heard after the move, while the new room is still silent. */
export const OLD_ROOM_HOLD_MS = 1_500;
/** How long the old room's sound takes to fade out once the new room plays. */
export const AUDIO_FADE_OUT_MS = 300;

const audioOf = (participants: readonly RemoteParticipantView[]) => participants.flatMap((p) => p.tracks.filter((t) => t.kind === 'audio'));

/** Whether a room's people give us any sound to hold on to. */
export const isHeard = (participants: readonly RemoteParticipantView[]) => audioOf(participants).length > 0;

/**
 * Hold the old room's sound until the new room has some (its `participantsChanged` shows an audio
 * track), then fade it out; resolves when the old room may be left. `sleep` is the move manager's.
 */
export async function handOverAudio(opts: {
  readonly oldParticipants: readonly RemoteParticipantView[];
  readonly newRoom: MediaRoomAdapter;
  readonly newParticipants: readonly RemoteParticipantView[];
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}): Promise<void> {
  const held = audioOf(opts.oldParticipants);
  if (held.length === 0) return;
  setHeldAudio(held, false);
  const heard = new AbortController();
  const off = opts.newRoom.on('participantsChanged', (participants) => {
    if (audioOf(participants).length > 0) heard.abort();
  });
  if (audioOf(opts.newParticipants).length > 0) heard.abort();
  try {
    await opts.sleep(OLD_ROOM_HOLD_MS, heard.signal);
  } finally {
    off();
  }
  setHeldAudio(held, true);
  await opts.sleep(AUDIO_FADE_OUT_MS, new AbortController().signal);
  setHeldAudio([], false);
}

/** The rooms we moved out of: each left after its sound has faded when it was heard, at once otherwise. */
export class OldRooms {
  private readonly held = new Set<MediaRoomAdapter>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly leave: (room: MediaRoomAdapter) => Promise<void>,
    private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>,
  ) {}

  /**
   * Leave `old` now that `newRoom` is the room we are in; `then` runs once it is left. Resolves at
   * once when the old room is still heard (the move is done meanwhile), else when it is left.
   */
  async leaveAfterMove(old: { readonly room: MediaRoomAdapter; readonly participants: readonly RemoteParticipantView[] }, newRoom: MediaRoomAdapter, newParticipants: readonly RemoteParticipantView[], then: () => void): Promise<void> {
    if (!isHeard(old.participants)) {
      await this.leave(old.room);
      then();
      return;
    }
    this.held.add(old.room);
    const handover = handOverAudio({ oldParticipants: old.participants, newRoom, newParticipants, sleep: this.sleep })
      .then(() => this.leave(old.room))
      .then(then)
      .finally(() => {
        this.held.delete(old.room);
        this.pending.delete(handover);
      });
    this.pending.add(handover);
  }

  /** The old rooms still heard. */
  rooms(): MediaRoomAdapter[] {
    return [...this.held];
  }

  /** Resolves when every old room is left. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}
