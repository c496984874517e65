import { eventStaff, type EventConfig, type StaffMember } from '@live-workshop/shared';
import type { LiveAgenda } from '../../live/agenda/liveAgenda.js';
import type { Credentials } from '../credentials/credentials.js';
import type { Clock } from '../../platform/clock.js';
import type { PeopleStore } from '../peopleStore.js';

/** How long a moderator's or speaker's invite link stays valid. */
export const STAFF_LINK_TTL_S = 14 * 24 * 3600;

/** A personal invite link of a moderator, speaker or captioner. */
export interface StaffLink {
  readonly id: string;
  readonly role: StaffMember['role'];
  readonly name: string;
  readonly url: string;
}

/**
 * Make sure every moderator, speaker and captioner of the event exists and is admitted (at boot, and
 * after an edit adds some). On one node the admissions are done when this returns; on a shared
 * agenda they are saved in turn, and the promise says when.
 */
export function admitStaff(agenda: LiveAgenda, people: PeopleStore, clock: Clock): Promise<unknown> {
  const admissions: Promise<unknown>[] = [];
  for (const s of eventStaff(agenda.state.event)) {
    const person = people.add({ id: s.id, role: s.role, name: s.name, email: null, organisation: null, details: {}, createdAt: clock.now(), confirmedAt: clock.now(), removedAt: null });
    // Staff an earlier edit dropped are back: their old links stay revoked; fresh ones come from staff-links.
    if (person.removedAt !== null) people.setRemovedAt(s.id, null);
    if (!(s.id in agenda.state.participants)) {
      admissions.push(agenda.submitSystem({ type: 'admit', participant: { id: s.id, name: s.name, role: s.role, preferences: [] } }));
    }
  }
  return Promise.all(admissions);
}

/** Fresh invite links for all staff. */
export async function staffLinks(event: EventConfig, credentials: Credentials, publicUrl: string): Promise<StaffLink[]> {
  return Promise.all(eventStaff(event).map(async (s) => ({ ...s, url: `${publicUrl}/join/${await credentials.issue(s.id, STAFF_LINK_TTL_S)}` })));
}
