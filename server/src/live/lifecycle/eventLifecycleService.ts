// The event cancelled or moved by its organisers: the change is recorded (it survives a restart),
// applied to the agenda (a cancellation ends it; a move shifts the event's date and times before the
// doors open), and every registered person is mailed in their language with a calendar update for
// the entry they already hold (RFC 5546: same UID, SEQUENCE one higher per change; CANCEL or REQUEST).
import {
  eventConfigSchema, eventEditClosed, eventWindowMs, localizeEvent, movedEvent, whenOf,
  type EventConfig, type EventLifecycle, type EventLifecycleRequest,
} from '@live-workshop/shared';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { Clock } from '../../platform/clock.js';
import type { MetaStore } from '../../platform/db/metaStore.js';
import type { Log } from '../../platform/log.js';
import { fieldErrorsOf } from '../../platform/httpErrors.js';
import { wordsFor } from '../../platform/i18n.js';
import { joinCalendar } from '../../people/calendar/joinCalendar.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import type { PeopleStore, Person } from '../../people/peopleStore.js';
import { eventWhenWords, type JoinLinkMailer } from '../../people/registration/joinLinkMail.js';
import { ATTENDEE_LINK_TTL_S } from '../../people/registration/registrationService.js';

const META_KEY = 'event.lifecycle';

/** What a cancellation or a move came to. */
export type LifecycleOutcome =
  | { readonly ok: true; readonly lifecycle: EventLifecycle; readonly mailing: number }
  | { readonly ok: false; readonly status: 400 | 409; readonly code: 'invalid_payload' | 'not_allowed_now'; readonly message: string; readonly fieldErrors?: Record<string, string> };

/** What the service needs. */
export interface EventLifecycleDeps {
  readonly agenda: LiveAgenda;
  readonly meta: MetaStore;
  readonly people: PeopleStore;
  readonly credentials: Credentials;
  readonly mailer: JoinLinkMailer;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly mailFrom: string;
  readonly log: Log;
}

const refused = (status: 400 | 409, message: string, fieldErrors?: Record<string, string>): LifecycleOutcome =>
  ({ ok: false, status, code: status === 400 ? 'invalid_payload' : 'not_allowed_now', message, ...(fieldErrors ? { fieldErrors } : {}) });

/** The organisers cancel or move the event; the only writer of its lifecycle. */
export class EventLifecycleService {
  private mailing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: EventLifecycleDeps) {}

  /** The latest change of plan, or null while the event runs as announced. */
  current(): EventLifecycle | null {
    const saved = this.deps.meta.get(META_KEY);
    return saved ? (JSON.parse(saved) as EventLifecycle) : null;
  }

  /** The SEQUENCE of everyone's calendar entry now (0 as announced). */
  sequence(): number {
    return this.current()?.sequence ?? 0;
  }

  /** Why registration is closed by a change of plan (a cancellation), or null. */
  closedBecause(): string | null {
    return this.current()?.status === 'cancelled' ? 'The organisers cancelled this event; registration is closed.' : null;
  }

  /** Cancel or move the event, as a moderator asked. */
  change(request: EventLifecycleRequest, by: { participantId: string }): LifecycleOutcome {
    return request.action === 'cancel' ? this.cancel(request.note ?? '', by) : this.move(request.date, request.start, request.note ?? '');
  }

  /** Every mail of the latest change has been handed to the mail server (or failed and been logged). */
  idle(): Promise<void> {
    return this.mailing;
  }

  private cancel(note: string, by: { participantId: string }): LifecycleOutcome {
    const state = this.deps.agenda.state;
    if (this.current()?.status === 'cancelled') return refused(409, 'The event is already cancelled.');
    if (state.phase.kind === 'ended') return refused(409, 'The event has already ended.');
    const ended = this.deps.agenda.execute({ action: { type: 'end' }, by: { kind: 'participant', participantId: by.participantId, role: 'moderator' }, expectedVersion: state.version });
    if (!ended.ok) return refused(409, ended.message);
    const lifecycle: EventLifecycle = { status: 'cancelled', at: this.deps.clock.now(), sequence: this.sequence() + 1, note };
    return this.record(lifecycle, this.deps.agenda.state.event);
  }

  private move(date: string, start: string, note: string): LifecycleOutcome {
    const state = this.deps.agenda.state;
    if (this.current()?.status === 'cancelled') return refused(409, 'The event is cancelled; it cannot move.');
    const closed = eventEditClosed(state);
    if (closed) return refused(409, 'The event can be moved only before the doors open.');
    const event = state.event;
    if (date === event.date && start === event.start) return refused(400, 'That is when the event already takes place.', { date: 'Choose another date or start time.' });
    const shifted = movedEvent(event, { date, start });
    if (!shifted) return refused(400, 'The agenda would run past midnight.', { start: 'Start earlier: the whole agenda must fit in the day.' });
    const parsed = eventConfigSchema.safeParse(shifted);
    if (!parsed.success) return refused(400, 'The new date does not work; see each field.', fieldErrorsOf(parsed.error));
    if (eventWindowMs(parsed.data).startMs <= this.deps.clock.now()) return refused(400, 'That time has already passed.', { date: 'Choose a date and time ahead.' });
    const replaced = this.deps.agenda.system({ type: 'replaceEvent', event: parsed.data });
    if (!replaced.ok) return refused(409, replaced.message);
    const lifecycle: EventLifecycle = { status: 'moved', at: this.deps.clock.now(), sequence: this.sequence() + 1, note, from: whenOf(event), to: whenOf(parsed.data) };
    return this.record(lifecycle, replaced.state.event, event);
  }

  /** Save the change, then mail everyone registered (in the background, one after the other). */
  private record(lifecycle: EventLifecycle, event: EventConfig, before?: EventConfig): LifecycleOutcome {
    this.deps.meta.set(META_KEY, JSON.stringify(lifecycle));
    const recipients = this.deps.people.list('attendee').filter((p) => p.email && p.removedAt === null)
      .map((p) => this.deps.people.get(p.id)).filter((p): p is Person => p !== null);
    const previous = this.mailing;
    this.mailing = (async () => {
      await previous;
      for (const person of recipients) {
        try {
          await this.mailOne(person, lifecycle, event, before);
        } catch (err) {
          this.deps.log.warn({ err, participantId: person.id }, 'event update mail failed');
        }
      }
    })();
    this.deps.log.info({ status: lifecycle.status, sequence: lifecycle.sequence, recipients: recipients.length }, 'event lifecycle changed');
    return { ok: true, lifecycle, mailing: recipients.length };
  }

  private async mailOne(person: Person, lifecycle: EventLifecycle, event: EventConfig, before?: EventConfig): Promise<void> {
    const { publicUrl, clock } = this.deps;
    const words = wordsFor(person.language);
    const own = localizeEvent(event, words.language);
    const to = { name: person.name, email: person.email!, language: person.language };
    const update = { sequence: lifecycle.sequence, organizer: { name: own.organisers[0] ?? own.title, email: this.deps.mailFrom }, attendee: { name: person.name, email: person.email! } };
    const note = lifecycle.note ? `\n\n${words.t('lifecycle.mail.note', { note: lifecycle.note })}` : '';
    if (lifecycle.status === 'cancelled') {
      const ics = joinCalendar(event, person, `${publicUrl}/`, publicUrl, clock.now(), { update: { ...update, method: 'CANCEL' } });
      const text = words.t('lifecycle.mail.cancelled.body', { name: person.name, title: own.title, when: eventWhenWords(own, words), note });
      await this.deps.mailer.sendUpdate(to, { subject: words.t('lifecycle.mail.cancelled.subject', { title: own.title }), text, ics, method: 'CANCEL' });
      return;
    }
    // A moved event keeps everyone's place; a fresh personal link goes with the new times.
    const joinUrl = `${publicUrl}/join/${await this.deps.credentials.issue(person.id, ATTENDEE_LINK_TTL_S)}`;
    const ics = joinCalendar(event, person, joinUrl, publicUrl, clock.now(), { update: { ...update, method: 'REQUEST' } });
    const from = before ? eventWhenWords(localizeEvent(before, words.language), words) : '';
    const text = words.t('lifecycle.mail.moved.body', { name: person.name, title: own.title, from, when: eventWhenWords(own, words), note, url: joinUrl });
    await this.deps.mailer.sendUpdate(to, { subject: words.t('lifecycle.mail.moved.subject', { title: own.title }), text, ics, method: 'REQUEST' });
  }
}
