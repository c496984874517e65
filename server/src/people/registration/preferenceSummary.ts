import { goesToRound, roundLoads, roundsOf, seatOf, type AgendaState, type BreakoutPreferences, type PreferenceCounts, type Round, type RoundPreferences } from '@live-workshop/shared';

/** One round's preference counts, room by room, beside who is placed where. */
function roundSummary(round: Round, participants: AgendaState['participants']): RoundPreferences {
  const everyone = Object.values(participants);
  const attendees = everyone.filter((p) => p.role === 'attendee' && goesToRound(round, p));
  const seats = attendees.map((p) => seatOf(p, round.key));
  const loads = roundLoads(round, everyone);
  const breakouts: BreakoutPreferences[] = round.rooms.map((b) => ({
    id: b.id, title: b.title, capacity: b.capacity, facilitator: b.facilitator ?? null,
    firstChoice: seats.filter((s) => s.preferences[0] === b.id).length,
    secondChoice: seats.filter((s) => s.preferences[1] === b.id).length,
    assigned: loads.get(b.id) ?? 0,
  }));
  return {
    key: round.key, title: round.title, select: round.select, askPreferences: round.askPreferences,
    attendees: attendees.length,
    withoutPreference: seats.filter((s) => s.preferences.length === 0).length,
    unassigned: seats.filter((s) => s.breakoutId === null).length,
    breakouts,
  };
}

/**
 * How attendees' breakout preferences fall, room by room, beside who is assigned where (the
 * moderators' planning view): every round, and at the top the first round (the event's own rooms
 * when it has them), as the view showed before rounds.
 */
export function preferenceSummary(state: Pick<AgendaState, 'event' | 'participants'>): PreferenceCounts {
  const rounds = roundsOf(state.event).map((round) => roundSummary(round, state.participants));
  const first = rounds[0];
  const attendees = Object.values(state.participants).filter((p) => p.role === 'attendee').length;
  return {
    attendees: first?.attendees ?? attendees,
    withoutPreference: first?.withoutPreference ?? 0,
    unassigned: first?.unassigned ?? 0,
    breakouts: first?.breakouts ?? [],
    rounds,
  };
}
