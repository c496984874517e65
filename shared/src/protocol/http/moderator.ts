import type { EventConfig } from '../../event/eventConfig.js';

/** Preference counts of one breakout room before the event. */
export interface BreakoutPreferences {
  readonly id: string;
  readonly title: string;
  readonly capacity: number;
  readonly facilitator: string | null;
  readonly firstChoice: number;
  readonly secondChoice: number;
  readonly assigned: number;
}

/** One round of breakouts' preference counts. */
export interface RoundPreferences {
  /** The round (DEFAULT_ROUND for the event's own rooms, else the id of the item naming the rooms). */
  readonly key: string;
  readonly title: string;
  readonly select: 'assigned' | 'self';
  readonly askPreferences: boolean;
  readonly attendees: number;
  readonly withoutPreference: number;
  readonly unassigned: number;
  readonly breakouts: readonly BreakoutPreferences[];
}

/** What GET /api/moderator/preferences answers: the first round at the top, every round in `rounds`. */
export interface PreferenceCounts {
  readonly attendees: number;
  readonly withoutPreference: number;
  readonly unassigned: number;
  /** Registered beyond the registration cap, waiting for a place (not counted in `attendees`). */
  readonly waitlisted?: number;
  readonly breakouts: readonly BreakoutPreferences[];
  /** Every round of breakouts, in agenda order. */
  readonly rounds?: readonly RoundPreferences[];
}

/** What GET /api/moderator/event answers: the event as the server runs it, editable only before the doors open. */
export interface EditableEvent {
  readonly current: EventConfig;
  readonly editable: boolean;
}

/** What PUT /api/moderator/event answers (it takes a whole EventConfig). */
export interface SavedEvent {
  readonly current: EventConfig;
  readonly version: number;
}

/** Held (waits for a moderator) or running (takes the planned steps itself). */
export type AutopilotState = 'hold' | 'run';

/** The next step the autopilot will take. */
export interface AutopilotStep {
  readonly action: 'openDoors' | 'start' | 'next';
  readonly dueAt: number;
}

/** What GET and POST /api/moderator/autopilot answer. */
export interface AutopilotStatus {
  readonly enabled: boolean;
  readonly state: AutopilotState;
  readonly next: AutopilotStep | null;
}

/** What POST /api/moderator/autopilot takes. */
export interface AutopilotRequest {
  readonly state: AutopilotState;
}

/** What GET /api/moderator/occupancy?stepMs= answers: people per room at each step. */
export interface OccupancySeries {
  readonly stepMs: number;
  readonly rooms: readonly string[];
  readonly points: readonly { readonly at: number; readonly counts: Readonly<Record<string, number>> }[];
}

/** One breakout room's facilitator invite (GET /api/moderator/facilitators): at most one facilitator per room, by link. */
export interface FacilitatorInvite {
  readonly breakoutId: string;
  readonly roomTitle: string;
  /** The round the room belongs to (its first item's title). */
  readonly roundTitle: string;
  /** Who the link is for: the name given when it was made, else the event file's `facilitator:` for the room, else "". */
  readonly name: string;
  /** A link is out and not withdrawn. */
  readonly invited: boolean;
}

/** What GET /api/moderator/facilitators answers: every breakout room of every round, in agenda order. */
export interface FacilitatorInviteList {
  readonly rooms: readonly FacilitatorInvite[];
}

/** POST /api/moderator/facilitators/:breakoutId: the facilitator's name (default: the event file's `facilitator:` for the room). */
export interface FacilitatorInviteRequest {
  readonly name?: string;
}

/** What making a facilitator link answers: the room's invite and the link (shown to the moderator, to be sent to that person only). */
export interface FacilitatorInviteCreated {
  readonly invite: FacilitatorInvite;
  readonly url: string;
}
