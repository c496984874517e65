// A facilitator (or rapporteur) per breakout room, by invite link. A moderator makes the room's link;
// whoever opens it is the room's facilitator (role `facilitator`, `facilitates` the room): in that
// room while its round runs, muting there, seeing its timer, writing its notes — nothing else (the
// rules are shared/src/notes/roomNotes.ts, facilitation/muteRule.ts, engine/placement.ts). One
// person per room (id `facilitator--<room>`); the link is a join credential of that person, so
// withdrawing it bumps their credential generation like any other revocation, ends their session
// and takes them out of the agenda. Making a link again lets them back in with a fresh link.
import { roundOfRoom, roundsOf, type AgendaState, type FacilitatorInvite } from '@live-workshop/shared';
import type { LiveAgenda } from '../../live/agenda/liveAgenda.js';
import type { Sessions } from '../../live/realtime/sessions.js';
import type { Clock } from '../../platform/clock.js';
import type { Credentials, SessionClaims } from '../credentials/credentials.js';
import type { PeopleStore } from '../peopleStore.js';
import { STAFF_LINK_TTL_S } from '../staff/staff.js';

/** The person a room's invite link belongs to. */
export const facilitatorIdOf = (breakoutId: string): string => `facilitator--${breakoutId}`;

/** Why a facilitator invite was refused, with the HTTP status it maps to. */
export type InviteRefusal = { readonly ok: false; readonly status: 400 | 404 | 409; readonly code: 'invalid_payload' | 'unknown_breakout' | 'not_allowed_now'; readonly message: string };

export interface FacilitatorInvitesDeps {
  readonly agenda: LiveAgenda;
  readonly people: PeopleStore;
  readonly credentials: Credentials;
  readonly sessions: Sessions;
  readonly clock: Clock;
  /** The event's own base URL: links are `<publicUrl>/join/<credential>`. */
  readonly publicUrl: string;
}

/** The rooms' facilitator invites: list, make a link, withdraw it. */
export class FacilitatorInvites {
  constructor(private readonly deps: FacilitatorInvitesDeps) {}

  /** Every breakout room of every round, with its invite. */
  list(): FacilitatorInvite[] {
    const { event } = this.deps.agenda.state;
    return roundsOf(event).flatMap((round) => round.rooms.map((room) => this.inviteOf(room.id, round.title, room.title, room.facilitator)));
  }

  /** A link for the room's facilitator: the name given, else the one given before, else the event file's `facilitator:` (one of them is needed). */
  async invite(breakoutId: string, name: string | undefined): Promise<{ ok: true; invite: FacilitatorInvite; url: string } | InviteRefusal> {
    const { agenda, people, clock } = this.deps;
    const found = this.roomOf(agenda.state, breakoutId);
    if (!found) return unknownRoom(breakoutId);
    const id = facilitatorIdOf(breakoutId);
    const known = people.get(id);
    if (known && known.role !== 'facilitator') return { ok: false, status: 409, code: 'not_allowed_now', message: `Someone of the event already has the id "${id}".` };
    const chosen = name ?? (known?.role === 'facilitator' ? known.name : undefined) ?? found.room.facilitator;
    if (!chosen) return { ok: false, status: 400, code: 'invalid_payload', message: `Give the name of ${found.room.title}'s facilitator (the event file names none).` };
    if (!known) {
      people.add({ id, role: 'facilitator', name: chosen, email: null, organisation: null, details: { facilitates: breakoutId }, createdAt: clock.now(), confirmedAt: clock.now(), removedAt: null });
    } else {
      if (known.removedAt !== null) people.setRemovedAt(id, null);
      if (known.name !== chosen) people.rename(id, chosen);
    }
    // Admitted (or renamed) in the agenda: in the room for its round from now on.
    const admitted = await agenda.submitSystem({ type: 'admit', participant: { id, name: chosen, role: 'facilitator', preferences: [], facilitates: breakoutId } });
    if (!admitted.ok) return { ok: false, status: 409, code: 'not_allowed_now', message: admitted.message };
    const credential = await this.deps.credentials.issue(id, STAFF_LINK_TTL_S);
    return { ok: true, invite: this.inviteOf(breakoutId, found.roundTitle, found.room.title, found.room.facilitator), url: `${this.deps.publicUrl}/join/${credential}` };
  }

  /** Withdraw the room's link: every link made so far stops working, the facilitator leaves the room and the event. */
  async withdraw(breakoutId: string, by: SessionClaims): Promise<{ ok: true; invite: FacilitatorInvite } | InviteRefusal> {
    const { agenda, people, sessions, clock } = this.deps;
    const found = this.roomOf(agenda.state, breakoutId);
    if (!found) return unknownRoom(breakoutId);
    const id = facilitatorIdOf(breakoutId);
    const person = people.get(id);
    if (!person || person.role !== 'facilitator' || person.removedAt !== null) {
      return { ok: false, status: 409, code: 'not_allowed_now', message: `${found.room.title} has no facilitator link out.` };
    }
    people.revokeCredentials(id);
    people.setRemovedAt(id, clock.now());
    sessions.end(id, 'revoked', 'Your facilitator link was withdrawn by the moderators.');
    if (id in agenda.state.participants) {
      const removed = await agenda.submit({ action: { type: 'remove', participantId: id }, by: { kind: 'participant', participantId: by.participantId, role: by.role }, expectedVersion: agenda.state.version });
      if (!removed.ok && removed.code !== 'unknown_participant') return { ok: false, status: 409, code: 'not_allowed_now', message: removed.message };
    }
    return { ok: true, invite: this.inviteOf(breakoutId, found.roundTitle, found.room.title, found.room.facilitator) };
  }

  private roomOf(state: AgendaState, breakoutId: string) {
    const round = roundOfRoom(state.event, breakoutId);
    const room = round?.rooms.find((r) => r.id === breakoutId);
    return round && room ? { room, roundTitle: round.title } : null;
  }

  private inviteOf(breakoutId: string, roundTitle: string, roomTitle: string, prefill: string | undefined): FacilitatorInvite {
    const person = this.deps.people.get(facilitatorIdOf(breakoutId));
    const current = person?.role === 'facilitator' ? person : null;
    return { breakoutId, roomTitle, roundTitle, name: current?.name ?? prefill ?? '', invited: current !== null && current.removedAt === null };
  }
}

const unknownRoom = (breakoutId: string): InviteRefusal => ({ ok: false, status: 404, code: 'unknown_breakout', message: `There is no breakout room "${breakoutId}".` });
