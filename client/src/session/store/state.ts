import type { PickBoard } from '@live-workshop/shared';
import type {
  ActionLogLine, AgendaSnapshot, Assignment, BroadcastMessage, ChatMessage, EventConfig, HelpRequest, Role, RoomId, RosterView, SlidesState, TalkbackMessage,
} from '@live-workshop/shared';
import type { LocalMedia, MediaConnectionState, RemoteParticipantView, RemoteTrackRef } from '../../live/media/livekit/types.js';

/** Who we are, once the server has welcomed us. */
export interface Me {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

/** The signalling connection, keyed by `status`; each variant holds only its own fields. */
export type SessionSlice =
  | { readonly status: 'idle' }
  | { readonly status: 'connecting' }
  | { readonly status: 'connected'; readonly me: Me; readonly event: EventConfig }
  | { readonly status: 'reconnecting'; readonly me: Me | null; readonly event: EventConfig | null }
  /** The server refused us (bad link, old app): no retry will help. */
  | { readonly status: 'refused'; readonly code: string; readonly message: string }
  /** The server closed this session (replaced, removed, revoked). */
  | { readonly status: 'ended'; readonly reason: string; readonly message: string };

/** The breakouts-closing warning as received. */
export interface WarningView {
  readonly secondsLeft: number;
  readonly version: number;
}

/** The public agenda as the server last sent it. */
export interface AgendaSlice {
  readonly snapshot: AgendaSnapshot | null;
  /** serverTime − local clock at receipt; add to Date.now() to get the server's now. */
  readonly serverOffsetMs: number;
  readonly warning: WarningView | null;
}

/** Our rooms: where we are now, where we go next (prepared before the cue), and a moderator's visit. */
export interface AssignmentSlice {
  readonly current: Assignment | null;
  /** Monotonic time (performance.now) at which `current` arrived or was promoted: the cue. */
  readonly currentAtMs: number | null;
  readonly prepared: Assignment | null;
  /** A moderator looking into another room; takes precedence over `current` while set. */
  readonly visit: Assignment | null;
}

/** One finished move, as the bench and the server receive it (the server also hears of failed attempts, and of each move's start). */
export interface MoveMetric {
  readonly phaseKey: string;
  readonly roomId: RoomId;
  /** Cue to connected; for a failed attempt, cue to the failure. */
  readonly cueToConnectedMs: number;
  readonly cueToPublishingMs: number | null;
  /** Absent: connected. `started`: the cue reached us (`cueToConnectedMs` is the time until then). */
  readonly outcome?: 'started' | 'connected' | 'failed';
  /** A finished move: it switched into a room joined before the cue (false: it had to join after the cue). */
  readonly preJoined?: boolean;
}

/** Progress of the move manager, keyed by `status`. */
export type MoveStatus =
  | { readonly status: 'idle' }
  | { readonly status: 'moving'; readonly from: RoomId | null; readonly to: RoomId; readonly attempt: number }
  | { readonly status: 'retrying'; readonly from: RoomId | null; readonly to: RoomId; readonly attempt: number; readonly error: string; readonly retryInMs: number }
  | { readonly status: 'failed'; readonly to: RoomId; readonly error: string };

/** Camera, microphone and the connected media room. */
export interface MediaSlice {
  /** Watch-only joins have no tracks; null until the pre-join check is done. */
  readonly joinMode: 'media' | 'watch' | null;
  readonly local: LocalMedia;
  readonly audioMuted: boolean;
  readonly videoMuted: boolean;
  readonly connection: MediaConnectionState;
  /** The room we are connected to (null between rooms). */
  readonly roomId: RoomId | null;
  readonly participants: readonly RemoteParticipantView[];
  /** The room we just left, still heard until the new room's sound plays, then faded out (live/moves/audioHandover.ts). */
  readonly heldAudio: { readonly tracks: readonly RemoteTrackRef[]; readonly fading: boolean };
  /** What LiveKit currently allows us (stage promotions change it without a move). */
  readonly canPublish: boolean;
  readonly publishing: boolean;
  readonly screenSharing: boolean;
  readonly audioBlocked: boolean;
  readonly move: MoveStatus;
  readonly moves: readonly MoveMetric[];
}

/** Chat lines of the rooms we have been in, and moderators' broadcasts. */
export interface ChatSlice {
  readonly messages: readonly ChatMessage[];
  readonly broadcasts: readonly BroadcastMessage[];
}

/** What moderators (and speakers, for hands) see of everyone. */
export interface RosterSlice {
  readonly view: RosterView | null;
  readonly helpRequests: readonly HelpRequest[];
  /** Moderators: the action log, oldest first (at most ACTION_LOG_LINES). */
  readonly actionLog: readonly ActionLogLine[];
}

/** Speakers presenting: the slides everyone sees, and the backstage talk-back (its members only receive it). */
export interface PresentingSlice {
  readonly slides: SlidesState | null;
  readonly talkback: readonly TalkbackMessage[];
}

/** A self-select round open for picking: its rooms with live counts, and the room we picked. */
export interface PicksSlice {
  readonly board: PickBoard | null;
  readonly yours: string | null;
}

/**
 * How loud we hear others, each 0–1 (1 = as sent): each remote person by LiveKit identity (kept from
 * room to room), and the stage as a whole (the plenary's speakers and guests, on top of their own).
 */
export interface ListeningSlice {
  readonly personVolume: Readonly<Record<string, number>>;
  readonly stageVolume: number;
}

/** A line for the screen-reader live region (and the visible toast). */
export interface Announcement {
  readonly id: number;
  readonly text: string;
  readonly urgency: 'polite' | 'assertive';
}

/** Screen state that is not a mirror of the server. */
export interface UiSlice {
  readonly announcements: readonly Announcement[];
  /** Our own raised hand, cleared when the agenda item changes (the engine lowers hands then). */
  readonly handRaised: boolean;
  /** The last refusal or problem, in words. */
  readonly notice: { readonly kind: 'error' | 'info'; readonly text: string } | null;
}

/** The whole client state: one store of typed slices. */
export interface LwState {
  readonly session: SessionSlice;
  readonly agenda: AgendaSlice;
  readonly assignment: AssignmentSlice;
  readonly media: MediaSlice;
  readonly chat: ChatSlice;
  readonly roster: RosterSlice;
  readonly presenting: PresentingSlice;
  readonly picks: PicksSlice;
  readonly listening: ListeningSlice;
  readonly ui: UiSlice;
}

/** A fresh state: nothing received yet. */
export function initialLwState(): LwState {
  return {
    session: { status: 'idle' },
    agenda: { snapshot: null, serverOffsetMs: 0, warning: null },
    assignment: { current: null, currentAtMs: null, prepared: null, visit: null },
    media: {
      joinMode: null,
      local: { audio: null, video: null },
      audioMuted: false,
      videoMuted: false,
      connection: 'disconnected',
      roomId: null,
      participants: [],
      heldAudio: { tracks: [], fading: false },
      canPublish: false,
      publishing: false,
      screenSharing: false,
      audioBlocked: false,
      move: { status: 'idle' },
      moves: [],
    },
    chat: { messages: [], broadcasts: [] },
    roster: { view: null, helpRequests: [], actionLog: [] },
    presenting: { slides: null, talkback: [] },
    picks: { board: null, yours: null },
    listening: { personVolume: {}, stageVolume: 1 },
    ui: { announcements: [], handRaised: false, notice: null },
  };
}
