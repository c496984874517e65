import type { AgendaItem, EventConfig } from '../event/eventConfig.js';
import { breakoutRoomId, type Participant, type Placement } from '../domain.js';
import type { AgendaState, Phase } from './state.js';
import { placeFairly } from './fairPlacement.js';

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

/** Where a participant is in a phase, and whether they may publish there. */
export function placementIn(event: EventConfig, phase: Phase, p: Participant): Placement {
  if (p.role === 'captioner') return captionerPlacement(phase, p);
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
      return p.breakoutId ? { roomId: breakoutRoomId(p.breakoutId), canPublish: true } : NOWHERE;
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

/** True when the participant's role may go to a breakout room when breakouts run. */
export function goesToBreakouts(event: EventConfig, p: Pick<Participant, 'role'>): boolean {
  if (p.role === 'attendee') return true;
  // A captioner chooses their room themselves and takes no place in it.
  if (p.role === 'captioner') return false;
  return event.agenda.some((i) => i.kind === 'breakouts' && i.staffPlacement === 'breakouts');
}

/** How many people are planned in each breakout, counting only those who go there. */
export function breakoutLoads(event: EventConfig, participants: Iterable<Participant>): Map<string, number> {
  const loads = new Map(event.breakouts.map((b) => [b.id, 0]));
  for (const p of participants) {
    if (p.breakoutId && loads.has(p.breakoutId) && goesToBreakouts(event, p)) loads.set(p.breakoutId, (loads.get(p.breakoutId) ?? 0) + 1);
  }
  return loads;
}

/**
 * The breakout for one more person: their first then second choice while it has room,
 * else the least-filled room with space, else the least-filled room overall (nobody is left out).
 */
export function chooseBreakout(event: EventConfig, loads: ReadonlyMap<string, number>, preferences: readonly string[]): string | null {
  if (event.breakouts.length === 0) return null;
  const capacity = new Map(event.breakouts.map((b) => [b.id, b.capacity]));
  for (const id of preferences) {
    const cap = capacity.get(id);
    if (cap !== undefined && (loads.get(id) ?? 0) < cap) return id;
  }
  const byLoad = [...event.breakouts].sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0));
  const withSpace = byLoad.find((b) => (loads.get(b.id) ?? 0) < b.capacity);
  return (withSpace ?? byLoad[0])!.id;
}

/**
 * The optimal plan for everyone who goes to the breakouts (see fairPlacement.ts): most first
 * choices, then most second choices, then balance; fewest moves from the current plan on a tie.
 * People who do not go to the breakouts keep what they have.
 */
export function balanceBreakouts(event: EventConfig, participants: readonly Participant[]): Map<string, string | null> {
  const going = participants.filter((p) => goesToBreakouts(event, p));
  const plan = placeFairly(
    event.breakouts,
    going.map((p) => ({ id: p.id, preferences: p.role === 'attendee' ? p.preferences : [], current: p.breakoutId, seq: p.seq })),
  );
  for (const p of participants) if (!plan.has(p.id)) plan.set(p.id, p.breakoutId);
  return plan;
}

/**
 * When the breakout plan stops being re-optimised for newcomers: once the doors open. Until then
 * nobody has been told a room, so every registration re-plans everyone; from then on a newcomer
 * takes the best free seat and nobody is moved unless a moderator reassigns or auto-balances.
 */
export function breakoutPlanFrozen(phase: Phase): boolean {
  return phase.kind !== 'scheduled';
}

/**
 * The plan with one more person. When the newcomer's first choice has a free place, or they
 * name no room that exists, the best free place keeps the plan optimal (nobody else can gain
 * from one fewer free place), so nobody moves; otherwise, until the plan freezes, everyone is
 * placed again.
 */
export function planWithNewcomer(event: EventConfig, phase: Phase, participants: Readonly<Record<string, Participant>>, newcomer: Participant): Record<string, Participant> {
  if (!goesToBreakouts(event, newcomer)) return { ...participants, [newcomer.id]: { ...newcomer, breakoutId: null } };
  const loads = breakoutLoads(event, Object.values(participants));
  const rooms = new Map(event.breakouts.map((b) => [b.id, b]));
  const first = newcomer.role === 'attendee' ? rooms.get(newcomer.preferences[0] ?? '') : undefined;
  const namesNoRoom = newcomer.role !== 'attendee' || !newcomer.preferences.some((id) => rooms.has(id));
  const greedy = breakoutPlanFrozen(phase) || namesNoRoom || (first !== undefined && (loads.get(first.id) ?? 0) < first.capacity);
  const breakoutId = chooseBreakout(event, loads, newcomer.role === 'attendee' ? newcomer.preferences : []);
  const placed = { ...participants, [newcomer.id]: { ...newcomer, breakoutId } };
  if (greedy) return placed;
  const plan = balanceBreakouts(event, Object.values(placed));
  for (const [id, room] of plan) if (placed[id]!.breakoutId !== room) placed[id] = { ...placed[id]!, breakoutId: room };
  return placed;
}
