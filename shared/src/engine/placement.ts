import type { AgendaItem, Breakout, EventConfig } from '../event/eventConfig.js';
import { breakoutRoomId, type Participant, type Placement, type RoundSeat } from '../domain.js';
import { isItemPhase, type AgendaState, type Phase } from './state.js';
import { placeFairly } from './fairPlacement.js';
import { DEFAULT_ROUND, goesToRound, roundByKey, roundOfItem, roundsOf, seatOf, withSeat, type Round } from './rounds.js';

const NOWHERE: Placement = { roomId: null, canPublish: false };

/** The agenda item a phase runs, if any. */
export function currentItem(event: EventConfig, phase: Phase): AgendaItem | null {
  return 'itemIndex' in phase ? (event.agenda[phase.itemIndex] ?? null) : null;
}

function stageOf(item: AgendaItem): readonly string[] {
  return 'stage' in item ? item.stage : [];
}

/**
 * A captioner listens and never publishes: the stage in the stage items, the breakout they chose
 * (their breakoutId, set by the captionRoom action) while the breakouts run, else backstage.
 */
function captionerPlacement(phase: Phase, p: Participant): Placement {
  switch (phase.kind) {
    case 'ended':
      return NOWHERE;
    case 'scheduled':
    case 'lobby':
      return { roomId: 'backstage', canPublish: false };
    case 'breakouts':
      return { roomId: p.breakoutId ? breakoutRoomId(p.breakoutId) : 'backstage', canPublish: false };
    case 'plenary':
    case 'live':
    case 'break':
    case 'closing':
      return { roomId: 'plenary', canPublish: false };
  }
}

/**
 * A facilitator (by a room's invite link) is in their room, publishing, while its round runs, and in
 * the audience of the plenary otherwise; they take no place in any room and placement never moves them.
 */
function facilitatorPlacement(event: EventConfig, phase: Phase, p: Participant): Placement {
  switch (phase.kind) {
    case 'scheduled':
    case 'ended':
      return NOWHERE;
    case 'breakouts': {
      const round = roundOfItem(event, phase.itemIndex);
      const mine = p.facilitates !== undefined && round?.rooms.some((r) => r.id === p.facilitates);
      return mine ? { roomId: breakoutRoomId(p.facilitates!), canPublish: true } : NOWHERE;
    }
    case 'lobby':
    case 'plenary':
    case 'live':
    case 'break':
    case 'closing':
      return { roomId: 'plenary', canPublish: false };
  }
}

/** Where a participant is in a phase, and whether they may publish there. */
export function placementIn(event: EventConfig, phase: Phase, p: Participant): Placement {
  if (p.role === 'captioner') return captionerPlacement(phase, p);
  if (p.role === 'facilitator') return facilitatorPlacement(event, phase, p);
  switch (phase.kind) {
    case 'scheduled':
      return p.role === 'attendee' ? NOWHERE : { roomId: 'backstage', canPublish: true };
    case 'lobby':
      // Attendees wait in the plenary room, so the start cue moves nobody.
      if (p.role === 'attendee') return { roomId: 'plenary', canPublish: false };
      return { roomId: 'backstage', canPublish: true };
    case 'ended':
      return NOWHERE;
    case 'breakouts': {
      const item = currentItem(event, phase);
      const staffInBreakouts = item?.kind === 'breakouts' && item.staffPlacement === 'breakouts';
      if (p.role !== 'attendee' && !staffInBreakouts) return { roomId: 'backstage', canPublish: true };
      const round = roundOfItem(event, phase.itemIndex);
      const breakoutId = round ? seatOf(p, round.key).breakoutId : null;
      return breakoutId ? { roomId: breakoutRoomId(breakoutId), canPublish: true } : NOWHERE;
    }
    case 'plenary':
    case 'live':
    case 'break':
    case 'closing': {
      const item = currentItem(event, phase);
      if (p.role === 'moderator') return { roomId: 'plenary', canPublish: true };
      if (p.role === 'speaker') {
        const onStage = item ? stageOf(item).includes(p.id) : false;
        return onStage ? { roomId: 'plenary', canPublish: true } : { roomId: 'backstage', canPublish: true };
      }
      return { roomId: 'plenary', canPublish: p.onStage && phase.kind !== 'break' };
    }
  }
}

/** Where a participant is now. */
export function placementOf(state: AgendaState, participantId: string): Placement {
  const p = state.participants[participantId];
  return p ? placementIn(state.event, state.phase, p) : NOWHERE;
}

/** True when the participant's role may go to a breakout room in some round. */
export function goesToBreakouts(event: EventConfig, p: Pick<Participant, 'role'>): boolean {
  if (p.role === 'attendee') return true;
  // A captioner chooses their room themselves and takes no place in it; a facilitator has theirs from the invite.
  if (p.role === 'captioner' || p.role === 'facilitator') return false;
  return event.agenda.some((i) => i.kind === 'breakouts' && i.staffPlacement === 'breakouts');
}

/** How many people are placed in each room of a round, counting only those who go there. */
export function roundLoads(round: Round, participants: Iterable<Participant>, only?: (seat: RoundSeat) => boolean): Map<string, number> {
  const loads = new Map(round.rooms.map((b) => [b.id, 0]));
  for (const p of participants) {
    if (!goesToRound(round, p)) continue;
    const seat = seatOf(p, round.key);
    if (seat.breakoutId && loads.has(seat.breakoutId) && (!only || only(seat))) loads.set(seat.breakoutId, loads.get(seat.breakoutId)! + 1);
  }
  return loads;
}

/** How many people are planned in each room of the default round (the event's `breakouts:`). */
export function breakoutLoads(event: EventConfig, participants: Iterable<Participant>): Map<string, number> {
  const round = roundByKey(event, DEFAULT_ROUND);
  if (!round) return new Map();
  const loads = new Map(event.breakouts.map((b) => [b.id, 0]));
  for (const p of participants) {
    if (p.breakoutId && loads.has(p.breakoutId) && goesToBreakouts(event, p)) loads.set(p.breakoutId, loads.get(p.breakoutId)! + 1);
  }
  return loads;
}

/**
 * The room for one more person among `rooms`: their first then second choice while it has room,
 * else the least-filled room with space, else the least-filled room overall (nobody is left out).
 */
export function chooseRoom(rooms: readonly Breakout[], loads: ReadonlyMap<string, number>, preferences: readonly string[]): string | null {
  if (rooms.length === 0) return null;
  const capacity = new Map(rooms.map((b) => [b.id, b.capacity]));
  for (const id of preferences) {
    const cap = capacity.get(id);
    if (cap !== undefined && (loads.get(id) ?? 0) < cap) return id;
  }
  const byLoad = [...rooms].sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0));
  const withSpace = byLoad.find((b) => (loads.get(b.id) ?? 0) < b.capacity);
  return (withSpace ?? byLoad[0])!.id;
}

/** chooseRoom among the event's default rooms. */
export function chooseBreakout(event: EventConfig, loads: ReadonlyMap<string, number>, preferences: readonly string[]): string | null {
  return chooseRoom(event.breakouts, loads, preferences);
}

/**
 * The optimal plan of one round for everyone who goes to it (see fairPlacement.ts): most first
 * choices, then most second choices, then balance; fewest moves from the current plan on a tie.
 * People who picked their room themselves keep it and count for balance. In a self-select round
 * that has not opened yet, people who have not picked stay without a room unless `seatEveryone`.
 */
export function balanceRound(round: Round, participants: readonly Participant[], seatEveryone = true): Map<string, string | null> {
  const going = participants.filter((p) => goesToRound(round, p));
  const pickers = going.filter((p) => seatOf(p, round.key).picked);
  const picks = roundLoads(round, pickers);
  const rooms = round.rooms.map((r) => ({ id: r.id, capacity: Math.max(0, r.capacity - picks.get(r.id)!), placed: picks.get(r.id)! }));
  const open = going.filter((p) => !seatOf(p, round.key).picked);
  const plan = round.select === 'self' && !seatEveryone
    ? new Map(open.map((p) => [p.id, null] as const))
    : placeFairly(rooms, open.map((p) => {
      const seat = seatOf(p, round.key);
      return { id: p.id, preferences: p.role === 'attendee' ? seat.preferences : [], current: seat.breakoutId, seq: p.seq };
    }));
  const result = new Map<string, string | null>(plan);
  // Those who take no place keep none, except a captioner, who keeps the room they chose to caption.
  for (const p of participants) if (!result.has(p.id)) result.set(p.id, goesToRound(round, p) || p.role === 'captioner' ? seatOf(p, round.key).breakoutId : null);
  return result;
}

/** The default round's optimal plan (the moderator's auto-balance of an event with one round). */
export function balanceBreakouts(event: EventConfig, participants: readonly Participant[]): Map<string, string | null> {
  const round = roundByKey(event, DEFAULT_ROUND);
  if (!round) return new Map(participants.map((p) => [p.id, p.breakoutId]));
  const plan = balanceRound(round, participants);
  // People who do not go to the breakouts keep what they have.
  for (const p of participants) if (!goesToRound(round, p)) plan.set(p.id, p.breakoutId);
  return plan;
}

/**
 * When the breakout plan of the default round stops being re-optimised for newcomers: once the
 * doors open. Until then nobody has been told a room, so every registration re-plans everyone;
 * from then on a newcomer takes the best free seat and nobody is moved unless a moderator
 * reassigns or auto-balances.
 */
export function breakoutPlanFrozen(phase: Phase): boolean {
  return phase.kind !== 'scheduled';
}

/** True once a round has opened (its first item has begun, or the event is over). */
export function roundOpened(round: Round, phase: Phase): boolean {
  if (phase.kind === 'ended') return true;
  if (!isItemPhase(phase)) return false;
  return round.itemIndexes.length > 0 && phase.itemIndex >= round.itemIndexes[0]!;
}

/**
 * When a round's plan freezes: the default round when the event's doors open (as before rounds);
 * a round with its own rooms when its own doors open (its first item begins). Until then every
 * registration may re-plan that round; afterwards a newcomer takes the best free seat.
 */
export function roundPlanFrozen(round: Round, phase: Phase): boolean {
  return round.key === DEFAULT_ROUND ? breakoutPlanFrozen(phase) : roundOpened(round, phase);
}

/** Everyone's seats in one round set to a plan; unchanged people stay the same objects. */
export function applyRoundPlan(participants: Readonly<Record<string, Participant>>, round: Round, plan: ReadonlyMap<string, string | null>): Readonly<Record<string, Participant>> {
  let result: Record<string, Participant> | null = null;
  for (const [id, breakoutId] of plan) {
    const p = participants[id];
    if (!p) continue;
    const next = withSeat(p, round.key, { ...seatOf(p, round.key), breakoutId });
    if (next === p) continue;
    result ??= { ...participants };
    result[id] = next;
  }
  return result ?? participants;
}

/**
 * Seats for a newcomer in one round. When their first choice has a free place, or they name no
 * room that exists, the best free place keeps the plan optimal (nobody else can gain from one fewer
 * free place), so nobody moves; otherwise, until the round's plan freezes, everyone is placed again.
 * A self-select round leaves them without a room until it opens (they may still pick).
 */
function planRoundWithNewcomer(round: Round, phase: Phase, participants: Record<string, Participant>, newcomerId: string): Record<string, Participant> {
  const newcomer = participants[newcomerId]!;
  const seat = seatOf(newcomer, round.key);
  if (!goesToRound(round, newcomer)) {
    participants[newcomerId] = withSeat(newcomer, round.key, { ...seat, breakoutId: null });
    return participants;
  }
  const opened = roundOpened(round, phase);
  if (round.select === 'self' && !opened) {
    participants[newcomerId] = withSeat(newcomer, round.key, { ...seat, breakoutId: null });
    return participants;
  }
  const others = Object.values(participants).filter((p) => p.id !== newcomerId);
  const loads = roundLoads(round, others);
  const rooms = new Map(round.rooms.map((b) => [b.id, b]));
  const preferences = newcomer.role === 'attendee' ? seat.preferences : [];
  const first = rooms.get(preferences[0] ?? '');
  const namesNoRoom = !preferences.some((id) => rooms.has(id));
  const greedy = roundPlanFrozen(round, phase) || round.select === 'self' || namesNoRoom || (first !== undefined && (loads.get(first.id) ?? 0) < first.capacity);
  participants[newcomerId] = withSeat(newcomer, round.key, { ...seat, breakoutId: chooseRoom(round.rooms, loads, preferences) });
  if (greedy) return participants;
  return { ...applyRoundPlan(participants, round, balanceRound(round, Object.values(participants))) };
}

/** The plan with one more person, round by round. */
export function planWithNewcomer(event: EventConfig, phase: Phase, participants: Readonly<Record<string, Participant>>, newcomer: Participant): Record<string, Participant> {
  let placed: Record<string, Participant> = { ...participants, [newcomer.id]: newcomer };
  const rounds = roundsOf(event);
  if (rounds.length === 0) placed[newcomer.id] = { ...newcomer, breakoutId: null };
  for (const round of rounds) placed = planRoundWithNewcomer(round, phase, placed, newcomer.id);
  return placed;
}

/**
 * When a round's doors open: everyone who goes there and has no room in it yet (in a self-select
 * round, those who did not pick) is placed by their preferences and balance around the picks.
 */
export function seatTheUnseated(round: Round, participants: Readonly<Record<string, Participant>>): Readonly<Record<string, Participant>> {
  const roomIds = new Set(round.rooms.map((r) => r.id));
  const unseated = Object.values(participants).some((p) => goesToRound(round, p) && !roomIds.has(seatOf(p, round.key).breakoutId ?? ''));
  if (!unseated) return participants;
  // Only the unseated move: everyone else is held where they are (as if they had picked).
  const held = Object.fromEntries(Object.entries(participants).map(([id, p]) => {
    const seat = seatOf(p, round.key);
    return [id, seat.breakoutId && roomIds.has(seat.breakoutId) && !seat.picked ? withSeat(p, round.key, { ...seat, picked: true }) : p];
  }));
  const plan = balanceRound(round, Object.values(held));
  return applyRoundPlan(participants, round, plan);
}
