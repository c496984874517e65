// Facilitators' room notes: the facilitator (or rapporteur) of a breakout room writes its short
// notes; a report-back item (an agenda item with `showNotes: true`) shows the plenary the notes of
// the round before it. The rules live here once, for the server and the page. No schema (pure).
import type { Participant } from '../domain.js';
import type { EventConfig } from '../event/eventConfig.js';
import { goesToRound, roundOfItem, roundOfRoom, seatOf, type Round } from '../engine/rounds.js';
import type { Phase } from '../engine/state.js';

/** The longest notes a room keeps (characters): a short summary, not minutes. */
export const ROOM_NOTES_MAX_CHARS = 4000;

/** One breakout room's notes, as saved. */
export interface RoomNotes {
  readonly breakoutId: string;
  readonly text: string;
  readonly updatedAt: number;
  /** The name of whoever saved them last. */
  readonly updatedBy: string;
}

/** What the plenary sees during a report-back item: the round's rooms in order, each with its notes (null: none written). */
export interface ReportBack {
  readonly itemIndex: number;
  readonly roundTitle: string;
  readonly rooms: readonly { readonly breakoutId: string; readonly title: string; readonly notes: RoomNotes | null }[];
}

/** The round a report-back item reports on: the round of the nearest breakouts item before it; null when the item shows no notes. */
export function reportBackRound(event: EventConfig, itemIndex: number): Round | null {
  const item = event.agenda[itemIndex];
  if (!item || !('showNotes' in item) || !item.showNotes) return null;
  for (let i = itemIndex - 1; i >= 0; i--) {
    const round = roundOfItem(event, i);
    if (round) return round;
  }
  return null;
}

/** The report-back running in this phase, or null. */
export function reportBackRoundNow(event: EventConfig, phase: Phase): { itemIndex: number; round: Round } | null {
  if (!('itemIndex' in phase)) return null;
  const round = reportBackRound(event, phase.itemIndex);
  return round ? { itemIndex: phase.itemIndex, round } : null;
}

/**
 * Whether this person facilitates the room: a speaker placed in it for its round (the event's staff
 * go to the rooms with `staffPlacement: breakouts`, and a moderator may place a speaker in a room),
 * or the facilitator who came by the room's invite link.
 */
export function facilitatesRoom(event: EventConfig, p: Participant, breakoutId: string): boolean {
  if (p.role === 'facilitator') return p.facilitates === breakoutId && roundOfRoom(event, breakoutId) !== null;
  if (p.role !== 'speaker') return false;
  const round = roundOfRoom(event, breakoutId);
  return round !== null && goesToRound(round, p) && seatOf(p, round.key).breakoutId === breakoutId;
}

/** Why this person may not write this room's notes, or null: moderators write any room's, a facilitator their own room's. */
export function roomNotesRefusal(event: EventConfig, p: Participant | undefined, breakoutId: string): { code: 'unknown_breakout' | 'forbidden'; message: string } | null {
  if (!roundOfRoom(event, breakoutId)) return { code: 'unknown_breakout', message: `There is no breakout room "${breakoutId}".` };
  if (p?.role === 'moderator' || (p && facilitatesRoom(event, p, breakoutId))) return null;
  return { code: 'forbidden', message: 'Only the room\'s facilitator, or a moderator, writes its notes.' };
}
