import type { AgendaItem, EventConfig } from '../event/eventConfig.js';
import { breakoutRoomId, type Participant, type Placement } from '../domain.js';
import type { AgendaState, Phase } from './state.js';

const NOWHERE: Placement = { roomId: null, canPublish: false };

/** The agenda item a phase runs, if any. */
export function currentItem(event: EventConfig, phase: Phase): AgendaItem | null {
  return 'itemIndex' in phase ? (event.agenda[phase.itemIndex] ?? null) : null;
}

function stageOf(item: AgendaItem): readonly string[] {
  return 'stage' in item ? item.stage : [];
}

/** Where a participant is in a phase, and whether they may publish there. */
export function placementIn(event: EventConfig, phase: Phase, p: Participant): Placement {
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
function goesToBreakouts(event: EventConfig, p: Participant): boolean {
  if (p.role === 'attendee') return true;
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
 * Assign everyone from scratch, in admission order: first choices within capacity,
 * then second choices, then the least-filled rooms. Staff are spread evenly.
 */
export function balanceBreakouts(event: EventConfig, participants: readonly Participant[]): Map<string, string | null> {
  const result = new Map<string, string | null>();
  const loads = new Map(event.breakouts.map((b) => [b.id, 0]));
  const capacity = new Map(event.breakouts.map((b) => [b.id, b.capacity]));
  const ordered = [...participants].filter((p) => goesToBreakouts(event, p)).sort((a, b) => a.seq - b.seq);
  const place = (p: Participant, id: string) => {
    result.set(p.id, id);
    loads.set(id, (loads.get(id) ?? 0) + 1);
  };
  const attendees = ordered.filter((p) => p.role === 'attendee');
  for (const round of [0, 1]) {
    for (const p of attendees) {
      if (result.has(p.id)) continue;
      const id = p.preferences[round];
      if (id !== undefined && capacity.has(id) && (loads.get(id) ?? 0) < capacity.get(id)!) place(p, id);
    }
  }
  for (const p of ordered) {
    if (result.has(p.id)) continue;
    const id = chooseBreakout(event, loads, []);
    if (id) place(p, id);
  }
  for (const p of participants) if (!result.has(p.id)) result.set(p.id, p.breakoutId);
  return result;
}
