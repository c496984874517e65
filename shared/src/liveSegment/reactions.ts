// Reactions on the stage: the fixed set, how often counts are sent, and how many one person may
// send. The server adds them up per room and sends one small message per interval.
import type { RoomId } from '../rooms.js';

/** The reactions, in the order the bar shows them. */
export const REACTIONS = ['clap', 'thumbsUp', 'heart', 'laugh', 'wow', 'party'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** Each reaction's emoji and its name for people (and screen readers). */
export const REACTION_FACES: Readonly<Record<Reaction, { readonly emoji: string; readonly name: string }>> = {
  clap: { emoji: '👏', name: 'Applause' },
  thumbsUp: { emoji: '👍', name: 'Thumbs up' },
  heart: { emoji: '❤️', name: 'Love it' },
  laugh: { emoji: '😂', name: 'Funny' },
  wow: { emoji: '😮', name: 'Wow' },
  party: { emoji: '🎉', name: 'Celebrate' },
};

/** How often a room's reactions are sent: one message per interval, however many people react. */
export const REACTION_INTERVAL_MS = 1000;
/** Reactions one person may send per REACTION_LIMIT_WINDOW_S (a burst of clapping, not a flood). */
export const REACTIONS_PER_WINDOW = 10;
export const REACTION_LIMIT_WINDOW_S = 5;

/** One interval's reactions in one room. */
export interface ReactionCounts {
  readonly roomId: RoomId;
  /** Server time at the end of the interval. */
  readonly at: number;
  readonly intervalMs: number;
  /** Only the reactions that were sent, each with how many times. */
  readonly counts: Partial<Record<Reaction, number>>;
}

/** Whether a name is one of the reactions. */
export const isReaction = (name: string): name is Reaction => (REACTIONS as readonly string[]).includes(name);
