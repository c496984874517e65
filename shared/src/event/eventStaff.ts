import type { EventConfig } from './eventConfig.js';

/** A member of the event's staff, as the event file names them. */
export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly role: 'moderator' | 'speaker' | 'captioner';
}

/** The staff of an event: moderators, speakers and captioners, in the event file's order. */
export function eventStaff(event: EventConfig): StaffMember[] {
  return [
    ...event.moderators.map((m) => ({ id: m.id, name: m.name, role: 'moderator' as const })),
    ...event.speakers.map((s) => ({ id: s.id, name: s.name, role: 'speaker' as const })),
    ...(event.captioners ?? []).map((c) => ({ id: c.id, name: c.name, role: 'captioner' as const })),
  ];
}
