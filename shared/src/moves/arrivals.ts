import type { RoomId } from '../rooms.js';

/**
 * How a person's move to their room is going, as the moderator sees it: the client tells the
 * server when the cue reached it (`delivered`), when it is connected (`connected`) or that the
 * connection failed (`failed`); LiveKit's presence says when they are in the room (`in_room`).
 * A person with no report yet for the cue has `sent`: the cue went out, nothing came back.
 */
export type ArrivalStage = 'sent' | 'delivered' | 'connected' | 'failed' | 'in_room';

/** What a client last reported of its move for the current agenda item (kept by the server). */
export interface MoveProgress {
  readonly phaseKey: string;
  readonly roomId: RoomId;
  readonly stage: 'delivered' | 'connected' | 'failed';
  readonly at: number;
}

/** One person as the arrivals view needs them (a roster entry has these fields). */
export interface ArrivalPerson {
  readonly id: string;
  readonly name: string;
  readonly plannedRoom: RoomId | null;
  readonly presentIn: readonly RoomId[];
  readonly connected: boolean;
  readonly move: MoveProgress | null;
}

/** After this long since the cue, someone not yet in their room is a straggler, listed by name. */
export const STRAGGLER_AFTER_MS = 5_000;

/** Where one person's move stands, for the agenda item `phaseKey`. */
export function arrivalStage(person: ArrivalPerson, phaseKey: string): ArrivalStage {
  if (person.plannedRoom !== null && person.presentIn.includes(person.plannedRoom)) return 'in_room';
  const report = person.move;
  if (report && report.phaseKey === phaseKey && report.roomId === person.plannedRoom) return report.stage;
  return 'sent';
}

/** One person who has not arrived in their room. */
export interface Straggler {
  readonly id: string;
  readonly name: string;
  readonly roomId: RoomId;
  readonly stage: Exclude<ArrivalStage, 'in_room'>;
}

/**
 * The people who should be in a room and are not, `STRAGGLER_AFTER_MS` after the cue (none before:
 * a move takes a moment, and a list that flickers is noise). Offline people are left out — the
 * console lists them as offline already; the ones here are online and still not there. Sorted by
 * how far they got (the furthest behind first), then by name.
 */
export function stragglersOf(people: readonly ArrivalPerson[], phaseKey: string, cueAt: number, now: number): Straggler[] {
  if (now - cueAt < STRAGGLER_AFTER_MS) return [];
  const order: Record<Straggler['stage'], number> = { failed: 0, sent: 1, delivered: 2, connected: 3 };
  const out: Straggler[] = [];
  for (const p of people) {
    if (p.plannedRoom === null || !p.connected) continue;
    const stage = arrivalStage(p, phaseKey);
    if (stage === 'in_room') continue;
    out.push({ id: p.id, name: p.name, roomId: p.plannedRoom, stage });
  }
  return out.sort((a, b) => order[a.stage] - order[b.stage] || a.name.localeCompare(b.name));
}

/** How many of the people planned somewhere are at each stage (the console's one-line summary). */
export function arrivalCounts(people: readonly ArrivalPerson[], phaseKey: string): Record<ArrivalStage, number> {
  const counts: Record<ArrivalStage, number> = { sent: 0, delivered: 0, connected: 0, failed: 0, in_room: 0 };
  for (const p of people) if (p.plannedRoom !== null && p.connected) counts[arrivalStage(p, phaseKey)] += 1;
  return counts;
}
