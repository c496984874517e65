// Self-select rounds: who may pick which room when, and the live counts attendees see.
import type { Participant } from '../domain.js';
import type { EventConfig } from '../event/eventConfig.js';
import { refuse, type Refusal } from './refusal.js';
import { goesToRound, roundOfRoom, roundsOf, seatOf, type Round } from './rounds.js';
import { isItemPhase, type AgendaState, type Phase } from './state.js';

/** The round running now, else the next one in the agenda, else null. */
export function currentOrNextRound(event: EventConfig, phase: Phase): Round | null {
  if (phase.kind === 'ended') return null;
  const at = isItemPhase(phase) ? phase.itemIndex : -1;
  const rounds = roundsOf(event);
  return rounds.find((r) => r.itemIndexes.some((i) => i >= at)) ?? (at < 0 ? rounds[0] ?? null : null);
}

/** True while attendees may pick a room of this self-select round: during the item just before its first item. */
export function pickingOpen(round: Round, phase: Phase): boolean {
  const first = round.itemIndexes[0];
  return round.select === 'self' && first !== undefined && isItemPhase(phase) && phase.itemIndex === first - 1;
}

/** The self-select round whose rooms may be picked now, or null. */
export function roundOpenForPicking(event: EventConfig, phase: Phase): Round | null {
  return roundsOf(event).find((r) => pickingOpen(r, phase)) ?? null;
}

/** How many people picked each room of a round themselves. */
export function pickCounts(round: Round, participants: Iterable<Participant>): Map<string, number> {
  const counts = new Map(round.rooms.map((r) => [r.id, 0]));
  for (const p of participants) {
    if (!goesToRound(round, p)) continue;
    const seat = seatOf(p, round.key);
    if (seat.picked && seat.breakoutId && counts.has(seat.breakoutId)) counts.set(seat.breakoutId, counts.get(seat.breakoutId)! + 1);
  }
  return counts;
}

/** Why this person may not pick this room now, or null. A full room is closed to picking. */
export function pickRefusal(state: AgendaState, me: Participant, breakoutId: string): Refusal | null {
  const round = roundOfRoom(state.event, breakoutId);
  const room = round?.rooms.find((r) => r.id === breakoutId);
  if (!round || !room) return refuse('unknown_breakout', `There is no breakout room "${breakoutId}".`);
  if (round.select !== 'self') return refuse('not_allowed_now', `Rooms of "${round.title}" are assigned, not picked.`);
  if (!goesToRound(round, me)) return refuse('forbidden', 'Only attendees pick a breakout room.');
  if (!pickingOpen(round, state.phase)) return refuse('not_allowed_now', `Rooms of "${round.title}" can be picked during the agenda item before it.`);
  const seat = seatOf(me, round.key);
  if (seat.picked && seat.breakoutId === breakoutId) return null;
  const taken = pickCounts(round, Object.values(state.participants)).get(breakoutId)!;
  if (taken >= room.capacity) return refuse('room_full', `${room.title} is full (${taken} of ${room.capacity} places); pick another room.`);
  return null;
}

/** What attendees see while a self-select round is open for picking: each room with its live count. */
export interface PickBoard {
  /** The round (see rounds.ts). */
  readonly roundKey: string;
  readonly title: string;
  readonly rooms: readonly { readonly id: string; readonly title: string; readonly topic: string; readonly capacity: number; readonly picked: number }[];
  /** The room this person picked (sent to them alone); absent in the board sent to everyone. */
  readonly yours?: string | null;
}

/** The pick board of the round open for picking now, or null; `forId` adds that person's own pick. */
export function pickBoardOf(state: AgendaState, forId?: string): PickBoard | null {
  const round = roundOpenForPicking(state.event, state.phase);
  if (!round) return null;
  const counts = pickCounts(round, Object.values(state.participants));
  const board: PickBoard = {
    roundKey: round.key,
    title: round.title,
    rooms: round.rooms.map((r) => ({ id: r.id, title: r.title, topic: r.topic, capacity: r.capacity, picked: counts.get(r.id)! })),
  };
  if (forId === undefined) return board;
  const me = state.participants[forId];
  const seat = me ? seatOf(me, round.key) : null;
  return { ...board, yours: seat?.picked ? seat.breakoutId : null };
}
