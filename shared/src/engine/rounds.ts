// Rounds of breakouts. Each `breakouts` agenda item belongs to one round: its own rooms (`rooms:`),
// an earlier item's rooms and placement (`reuse:`), or the event's top-level `breakouts:` list (the
// default round, so every event file written before rounds keeps working). A person has one seat per
// round; the default round's seat is the participant's own `breakoutId` and `preferences`.
import type { Participant, RoundSeat } from '../domain.js';
import type { AgendaItem, Breakout, EventConfig } from '../event/eventConfig.js';

/** The key of the default round (the event's `breakouts:`); not a slug, so no item id can clash with it. */
export const DEFAULT_ROUND = '@event';

/** One round of breakouts: its rooms and the agenda items that run it. */
export interface Round {
  /** DEFAULT_ROUND or the id of the item that names the rooms. */
  readonly key: string;
  /** Title of the round's first item, for people to read. */
  readonly title: string;
  readonly rooms: readonly Breakout[];
  /** Agenda indexes of the items that run this round, in order. */
  readonly itemIndexes: readonly number[];
  /** `self`: attendees pick during the item before the round's first item. */
  readonly select: 'assigned' | 'self';
  /** Registration asks for preferences for this round. */
  readonly askPreferences: boolean;
  /** Speakers and moderators go to the rooms too (some item of the round says `staffPlacement: breakouts`). */
  readonly staffInRooms: boolean;
}

type BreakoutsItem = Extract<AgendaItem, { kind: 'breakouts' }>;

const cache = new WeakMap<EventConfig, { rounds: Round[]; byItem: Map<number, Round>; byRoom: Map<string, Round> }>();

function roundKeyOf(agenda: readonly AgendaItem[], index: number, seen = 0): string {
  const item = agenda[index] as BreakoutsItem;
  if (item.rooms) return item.id;
  if (item.reuse !== undefined && seen < agenda.length) {
    const target = agenda.findIndex((other) => other.id === item.reuse);
    if (target >= 0 && agenda[target]!.kind === 'breakouts') return roundKeyOf(agenda, target, seen + 1);
  }
  return DEFAULT_ROUND;
}

function build(event: EventConfig) {
  const byKey = new Map<string, { key: string; title: string; rooms: readonly Breakout[]; items: BreakoutsItem[]; itemIndexes: number[] }>();
  if (event.breakouts.length > 0) byKey.set(DEFAULT_ROUND, { key: DEFAULT_ROUND, title: '', rooms: event.breakouts, items: [], itemIndexes: [] });
  event.agenda.forEach((item, index) => {
    if (item.kind !== 'breakouts') return;
    const key = roundKeyOf(event.agenda, index);
    const rooms = key === DEFAULT_ROUND ? event.breakouts : (event.agenda.find((i) => i.id === key) as BreakoutsItem).rooms!;
    const entry = byKey.get(key) ?? { key, title: item.title, rooms, items: [], itemIndexes: [] };
    if (entry.items.length === 0) entry.title = item.title;
    entry.items.push(item);
    entry.itemIndexes.push(index);
    byKey.set(key, entry);
  });
  const rounds: Round[] = [...byKey.values()]
    .sort((a, b) => (a.itemIndexes[0] ?? Infinity) - (b.itemIndexes[0] ?? Infinity))
    .map((r) => ({
      key: r.key,
      title: r.title || 'Breakout rooms',
      rooms: r.rooms,
      itemIndexes: r.itemIndexes,
      // The round's first item decides how it is filled.
      select: r.items[0]?.select ?? 'assigned',
      askPreferences: r.items[0]?.askPreferences ?? true,
      staffInRooms: r.items.some((i) => i.staffPlacement === 'breakouts'),
    }));
  const byItem = new Map<number, Round>();
  const byRoom = new Map<string, Round>();
  for (const round of rounds) {
    for (const i of round.itemIndexes) byItem.set(i, round);
    for (const room of round.rooms) if (!byRoom.has(room.id)) byRoom.set(room.id, round);
  }
  return { rounds, byItem, byRoom };
}

function indexOf(event: EventConfig) {
  let found = cache.get(event);
  if (!found) {
    found = build(event);
    cache.set(event, found);
  }
  return found;
}

/** Every round of the event, in agenda order (the default round first when no item uses it). */
export const roundsOf = (event: EventConfig): readonly Round[] => indexOf(event).rounds;

/** The round an agenda item runs, or null when it is not a breakouts item. */
export const roundOfItem = (event: EventConfig, itemIndex: number): Round | null => indexOf(event).byItem.get(itemIndex) ?? null;

/** The round a room belongs to (room ids are unique across rounds), or null. */
export const roundOfRoom = (event: EventConfig, roomId: string): Round | null => indexOf(event).byRoom.get(roomId) ?? null;

/** A round by key, or null. */
export const roundByKey = (event: EventConfig, key: string): Round | null => roundsOf(event).find((r) => r.key === key) ?? null;

const NO_SEAT: RoundSeat = { breakoutId: null, preferences: [] };

/** A person's seat in a round. */
export function seatOf(p: Participant, key: string): RoundSeat {
  if (key === DEFAULT_ROUND) return p.picked ? { breakoutId: p.breakoutId, preferences: p.preferences, picked: true } : { breakoutId: p.breakoutId, preferences: p.preferences };
  return p.rounds?.[key] ?? NO_SEAT;
}

/** The person with another seat in a round (the same object when nothing changes). */
export function withSeat(p: Participant, key: string, seat: RoundSeat): Participant {
  const old = seatOf(p, key);
  const samePrefs = old.preferences.length === seat.preferences.length && old.preferences.every((id, i) => seat.preferences[i] === id);
  if (old.breakoutId === seat.breakoutId && samePrefs && Boolean(old.picked) === Boolean(seat.picked)) return p;
  if (key === DEFAULT_ROUND) {
    const { picked: _picked, ...rest } = p;
    return { ...rest, breakoutId: seat.breakoutId, preferences: seat.preferences, ...(seat.picked ? { picked: true } : {}) };
  }
  const stored: RoundSeat = seat.picked ? seat : { breakoutId: seat.breakoutId, preferences: seat.preferences };
  return { ...p, rounds: { ...p.rounds, [key]: stored } };
}

/**
 * True when this person goes to the rooms of this round (and takes a place there). A captioner
 * chooses their room themselves and takes no place in it (captionRoom in step.ts); a facilitator
 * is in the room of their invite (`facilitates`) and takes no place either.
 */
export const goesToRound = (round: Round, p: Pick<Participant, 'role'>): boolean =>
  p.role === 'attendee' || (round.staffInRooms && p.role !== 'captioner' && p.role !== 'facilitator');
