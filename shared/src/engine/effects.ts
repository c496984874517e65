import type { RoomId } from '../domain.js';

/** Names of the deadlines an item phase may own. */
export type DeadlineId = 'itemEnd' | 'breakoutWarning';

/** A timer the server must run; absolute time so it survives restarts. */
export interface Deadline {
  readonly id: DeadlineId;
  readonly at: number;
}

/** One person changing room (to null: leaving the media rooms). */
export interface Move {
  readonly participantId: string;
  readonly from: RoomId | null;
  readonly to: RoomId | null;
  readonly canPublish: boolean;
}

/** A permission change inside the same room (no reconnect). */
export interface PermissionChange {
  readonly participantId: string;
  readonly roomId: RoomId;
  readonly canPublish: boolean;
}

/** What the server must do after a step. Data only; the server performs them. */
export type Effect =
  /** The public agenda changed: broadcast the new snapshot once to everyone (the cue). */
  | { readonly type: 'agendaChanged' }
  /** People whose room changed: each needs a token for the new room. */
  | { readonly type: 'move'; readonly moves: readonly Move[] }
  /** Update LiveKit permissions without reconnecting. */
  | { readonly type: 'setPermissions'; readonly changes: readonly PermissionChange[] }
  | { readonly type: 'scheduleDeadline'; readonly deadline: Deadline }
  | { readonly type: 'cancelDeadline'; readonly id: DeadlineId }
  /** Tell everyone in the breakouts how long is left. */
  | { readonly type: 'warn'; readonly warning: 'breakoutsClosing'; readonly secondsLeft: number }
  /** The event itself changed (edited before it started): send it to everyone. */
  | { readonly type: 'eventChanged' }
  /** A moderator's message to every room. */
  | { readonly type: 'broadcast'; readonly text: string; readonly from: string }
  /** A person was taken out of the event: revoke their links, end their connection, take them out of `from`. */
  | { readonly type: 'removed'; readonly participantId: string; readonly from: RoomId | null }
  /** These participants' records changed (persist them, update moderator views). */
  | { readonly type: 'rosterChanged'; readonly participantIds: readonly string[] };
