import { breakoutLoads, type AgendaState, type PreferenceCounts } from '@live-workshop/shared';

/** How attendees' breakout preferences fall, room by room, beside who is assigned where (the moderators' planning view). */
export function preferenceSummary(state: Pick<AgendaState, 'event' | 'participants'>): PreferenceCounts {
  const { event, participants } = state;
  const everyone = Object.values(participants);
  const attendees = everyone.filter((p) => p.role === 'attendee');
  const loads = breakoutLoads(event, everyone);
  return {
    attendees: attendees.length,
    withoutPreference: attendees.filter((p) => p.preferences.length === 0).length,
    unassigned: attendees.filter((p) => p.breakoutId === null).length,
    breakouts: event.breakouts.map((b) => ({
      id: b.id, title: b.title, capacity: b.capacity, facilitator: b.facilitator ?? null,
      firstChoice: attendees.filter((p) => p.preferences[0] === b.id).length,
      secondChoice: attendees.filter((p) => p.preferences[1] === b.id).length,
      assigned: loads.get(b.id) ?? 0,
    })),
  };
}
