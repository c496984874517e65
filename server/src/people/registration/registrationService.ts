// Registration: a join link is only ever delivered to the address it belongs to. Every accepted
// form gets the same answer ("check your inbox"), new or known, so the answer tells nobody who is
// registered; the link goes by mail; the address counts as confirmed, and the person is admitted
// to the agenda, when they first use that link. A person the moderators removed stays out.
import { nanoid } from 'nanoid';
import { registrationClosedBecause, type EventConfig, type RefusalCode } from '@live-workshop/shared';
import type { LiveAgenda } from '../../live/agenda/liveAgenda.js';
import type { Log } from '../../platform/log.js';
import type { Clock } from '../../platform/clock.js';
import { joinCalendar } from '../calendar/joinCalendar.js';
import type { Credentials } from '../credentials/credentials.js';
import type { PeopleStore, Person } from '../peopleStore.js';
import type { JoinLinkMailer } from './joinLinkMail.js';
import { detailsOf, type RegistrationForm } from './registrationForm.js';
import { wordsFor } from '../../platform/i18n.js';

/** How long an attendee's join link stays valid. */
export const ATTENDEE_LINK_TTL_S = 60 * 24 * 3600;

/** What a registration leads to, before it is mapped to HTTP. */
export type RegistrationOutcome =
  | { readonly kind: 'check_inbox' }
  | { readonly kind: 'closed'; readonly message: string };

/** Why a join link does not let its holder in (yet). */
export type AdmissionOutcome =
  | { readonly ok: true; readonly confirmedNow: boolean }
  | { readonly ok: false; readonly code: 'removed' | 'unavailable' | RefusalCode; readonly message: string };

export interface RegistrationDeps {
  readonly agenda: LiveAgenda;
  readonly people: PeopleStore;
  readonly credentials: Credentials;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly mailer: JoinLinkMailer;
  readonly log?: Log | undefined;
  /** Told of every form taken: a new address, or one that registered before (its link is mailed again). */
  readonly registered?: ((kind: 'new' | 'again') => void) | undefined;
  /** The event's change of plan: why it closes registration (a cancellation), and the calendar entry's SEQUENCE. */
  readonly lifecycle?: { closedBecause(): string | null; sequence(): number } | undefined;
  /** Why registration is closed whatever the agenda says (an archived event), or null. */
  readonly closedByOrganiser?: (() => string | null) | undefined;
}

/** The registration rules, independent of HTTP. */
export class Registration {
  constructor(private readonly deps: RegistrationDeps) {}

  /** Why registrations are not taken now, or null. */
  closedBecause(): string | null {
    return this.deps.closedByOrganiser?.() ?? this.deps.lifecycle?.closedBecause() ?? registrationClosedBecause(this.deps.agenda.state, this.deps.clock.now());
  }

  /**
   * Take a checked form: store a new person (unconfirmed), or refresh what an unconfirmed one
   * said (the address's owner may correct what someone else typed), and mail a fresh link.
   * A confirmed person's details stay as they are: only their link is mailed again.
   */
  async register(form: RegistrationForm): Promise<RegistrationOutcome> {
    const { agenda, people, clock } = this.deps;
    const closed = this.closedBecause();
    if (closed) return { kind: 'closed', message: closed };
    const known = people.findByEmail(form.email);
    const fields = { name: form.name, organisation: form.organisation || null, details: { ...detailsOf(form, clock.now()) }, language: form.language ?? null };
    // Beyond the cap, a newcomer waits in line: their place (and link) comes when one frees up.
    const waitlistedAt = known === null && this.placesLeft() === 0 ? clock.now() : null;
    const person = known === null
      ? people.add({ id: `a-${nanoid(12)}`, role: 'attendee', email: form.email, createdAt: clock.now(), confirmedAt: null, removedAt: null, waitlistedAt, ...fields })
      : known.confirmedAt === null && known.removedAt === null ? people.updateUnconfirmed(known.id, fields) : known;
    this.deps.registered?.(known === null ? 'new' : 'again');
    // Not awaited: the answer must not take longer (or differ) for a known address.
    void this.mail(person).catch((err: unknown) => this.deps.log?.warn({ err, participantId: person.id }, 'join link mail failed'));
    return { kind: 'check_inbox' };
  }

  /**
   * The holder of a valid attendee link arrives: the first use confirms the address and admits
   * the person to the agenda (placed in a breakout by their preferences). Removed people stay out.
   */
  async admit(participantId: string): Promise<AdmissionOutcome> {
    const { agenda, people, clock } = this.deps;
    const person = people.get(participantId);
    if (!person || person.role !== 'attendee') return { ok: true, confirmedNow: false };
    if (person.removedAt !== null) return { ok: false, code: 'removed', message: 'The organisers removed you from this event. Please contact them.' };
    if (person.waitlistedAt !== null) return { ok: false, code: 'not_allowed_now', message: 'You are on the waiting list; your link arrives by mail when a place frees up.' };
    const confirmedNow = person.confirmedAt === null;
    if (!(person.id in agenda.state.participants)) {
      const preferences = Array.isArray(person.details.preferences) ? (person.details.preferences as string[]) : [];
      const stored = person.details.roundPreferences;
      const roundPreferences = stored && typeof stored === 'object' ? (stored as Record<string, string[]>) : undefined;
      const admitted = await agenda.submitSystem({ type: 'admit', participant: { id: person.id, name: person.name, role: person.role, preferences, ...(roundPreferences ? { roundPreferences } : {}) } });
      if (!admitted.ok) return { ok: false, code: admitted.code, message: admitted.message };
    }
    if (confirmedNow) people.confirm(person.id, clock.now());
    return { ok: true, confirmedNow };
  }

  /** Places left under the registration cap (Infinity without one); removed and waiting people hold none. */
  placesLeft(): number {
    const capacity = this.deps.agenda.state.event.registration?.capacity;
    if (capacity === undefined) return Infinity;
    // Counted in the database: the event page asks on every load.
    return Math.max(0, capacity - this.deps.people.countHoldingPlaces());
  }

  /** The waiting list in order: who registered first is first. */
  waitingList(): Person[] {
    return this.deps.people.listWaiting();
  }

  /**
   * Give freed places (a removal, a deletion, a larger cap) to the waiting list, first come first
   * served, and mail each their link. Returns who got a place.
   */
  fillFreedPlaces(): string[] {
    if (this.closedBecause()) return [];
    const promoted: string[] = [];
    for (const person of this.waitingList().slice(0, this.placesLeft())) {
      this.deps.people.setWaitlistedAt(person.id, null);
      promoted.push(person.id);
      void this.mail({ ...person, waitlistedAt: null }).catch((err: unknown) => this.deps.log?.warn({ err }, 'join link mail failed'));
    }
    if (promoted.length > 0) this.deps.log?.info({ promoted: promoted.length }, 'waiting list: places given');
    return promoted;
  }

  private async mail(person: Person): Promise<void> {
    const { agenda, credentials, clock, publicUrl, mailer } = this.deps;
    const event: EventConfig = agenda.state.event;
    if (!person.email) return;
    const to = { name: person.name, email: person.email, language: person.language };
    const { t } = wordsFor(person.language);
    if (person.removedAt !== null) {
      await mailer.sendNotice(to, event, t('mail.removed'));
      return;
    }
    if (person.waitlistedAt !== null) {
      const position = this.waitingList().findIndex((p) => p.id === person.id) + 1;
      await mailer.sendNotice(to, event, t('mail.waitlisted', { position }));
      return;
    }
    const credential = await credentials.issue(person.id, ATTENDEE_LINK_TTL_S);
    const joinUrl = `${publicUrl}/join/${credential}`;
    const ics = joinCalendar(event, person, joinUrl, publicUrl, clock.now(), { sequence: this.deps.lifecycle?.sequence() ?? 0 });
    await mailer.send(to, event, joinUrl, ics);
  }
}
