import { z } from 'zod';

/**
 * What a person may do in the workshop (a captioner types the live captions: the staff invite them like
 * speakers; a facilitator comes by a breakout room's invite link and facilitates that room only).
 */
export const roleSchema = z.enum(['attendee', 'speaker', 'moderator', 'captioner', 'facilitator']);
export type Role = z.infer<typeof roleSchema>;

// Room ids and their helpers live in rooms.ts, which builds no schema, so the browser can import them.
import type { RoomId } from './rooms.js';
export type { RoomId } from './rooms.js';
export { breakoutIdOf, breakoutRoomId } from './rooms.js';

/** A participant as the live agenda knows them. */
export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** Breakout ids in order of preference (first, second). */
  readonly preferences: readonly string[];
  /** The breakout this person goes to when the breakouts run. */
  readonly breakoutId: string | null;
  /** An attendee brought on stage by a moderator. */
  readonly onStage: boolean;
  readonly handRaised: boolean;
  /** Admission order; keeps assignment deterministic. */
  readonly seq: number;
  /** The default round was a self-select round and this person picked `breakoutId` themselves. */
  readonly picked?: boolean;
  /** Seats in the rounds with their own rooms, keyed by the round (the id of the item naming the rooms). */
  readonly rounds?: Readonly<Record<string, RoundSeat>>;
  /** A facilitator (role `facilitator`, by a room's invite link): the breakout room they facilitate, in its round only. */
  readonly facilitates?: string;
}

/** A person's place in one round of breakouts. */
export interface RoundSeat {
  /** The room this person goes to in this round. */
  readonly breakoutId: string | null;
  /** Room ids of this round in order of preference (first, second). */
  readonly preferences: readonly string[];
  /** They picked the room themselves (a self-select round); placement leaves it alone. */
  readonly picked?: boolean;
}

/** Where a participant is and whether they may publish there. */
export interface Placement {
  readonly roomId: RoomId | null;
  readonly canPublish: boolean;
}
