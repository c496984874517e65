import type { Role, RoomId } from '../domain.js';
import type { EventConfig } from '../event/eventConfig.js';
import type { Phase } from '../engine/state.js';
import type { MoveProgress } from '../moves/arrivals.js';

/** The public agenda, broadcast once to everyone on each change: this is the cue. */
export interface AgendaSnapshot {
  readonly eventId: string;
  readonly version: number;
  readonly phaseKey: string;
  readonly phase: Phase;
  /** Server clock when sent, so clients derive countdowns without their own agenda clock. */
  readonly serverTime: number;
}

/** Your room and a LiveKit token for it, for a phase (now, or the next one prepared ahead). */
export interface Assignment {
  readonly phaseKey: string;
  readonly roomId: RoomId | null;
  readonly livekitRoom: string | null;
  readonly livekitUrl: string;
  readonly token: string | null;
  readonly canPublish: boolean;
  /** When the token stops being accepted for joining (ms since epoch). */
  readonly expiresAt: number | null;
}

/** Who you are, sent once per connection. */
export interface Welcome {
  readonly protocolVersion: number;
  readonly participant: { readonly id: string; readonly name: string; readonly role: Role };
  readonly event: EventConfig;
  readonly serverTime: number;
}

/** One person as a moderator sees them. */
export interface RosterEntry {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly breakoutId: string | null;
  readonly preferences: readonly string[];
  /** The room of each round with its own rooms, by round key (the default round is `breakoutId`). */
  readonly rounds?: Readonly<Record<string, string | null>>;
  /** Their preferences in each round with its own rooms, by round key (the default round's are `preferences`). */
  readonly roundPreferences?: Readonly<Record<string, readonly string[]>>;
  /** The rounds (keys; DEFAULT_ROUND for the event's rooms) in which they picked their room themselves (self-select). */
  readonly picked?: readonly string[];
  readonly onStage: boolean;
  readonly handRaised: boolean;
  /** Where the agenda puts them now. */
  readonly plannedRoom: RoomId | null;
  /** Where LiveKit says they are (from webhooks). */
  readonly presentIn: readonly RoomId[];
  readonly connected: boolean;
  /** What their client last reported of its move for the current agenda item (see moves/arrivals.ts). */
  readonly move: MoveProgress | null;
}

/** The whole roster, for moderators (and hands for speakers). */
export interface RosterView {
  readonly revision: number;
  readonly entries: readonly RosterEntry[];
}

/** A chat line in a room. */
export interface ChatMessage {
  readonly id: number;
  readonly roomId: RoomId;
  readonly from: { readonly id: string; readonly name: string; readonly role: Role };
  readonly text: string;
  readonly at: number;
}

/** A moderator's message to all rooms. */
export interface BroadcastMessage {
  readonly text: string;
  readonly from: string;
  readonly at: number;
}

/** The breakouts-closing warning. */
export interface AgendaWarning {
  readonly warning: 'breakoutsClosing';
  readonly secondsLeft: number;
  readonly version: number;
}

/** Why the server closed this session. */
export interface SessionEnded {
  readonly reason: 'replaced' | 'removed' | 'revoked';
  readonly message: string;
}

/** An attendee asking for help, as moderators see it. */
export interface HelpRequest {
  readonly participantId: string;
  readonly name: string;
  readonly roomId: RoomId | null;
  readonly text: string;
  readonly at: number;
}
