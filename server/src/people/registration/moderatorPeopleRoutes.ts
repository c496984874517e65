import { Router } from 'express';
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import type { AgendaState } from '@live-workshop/shared';
import { requireSession } from '../credentials/bearer.js';
import type { Credentials } from '../credentials/credentials.js';
import { sendCsv, toCsv } from '../../platform/csv.js';
import { parseOr400, sendError } from '../../platform/httpErrors.js';
import { ATTENDEE_LINK_TTL_S } from './registrationRoutes.js';
import type { Clock } from '../../platform/clock.js';
import type { Sessions } from '../../live/realtime/sessions.js';
import { STAFF_LINK_TTL_S, staffLinks } from '../staff/staff.js';
import type { PeopleStore } from '../peopleStore.js';
import { preferenceSummary } from './preferenceSummary.js';

const personParams = z.strictObject({ id: z.string().min(1).max(64) });
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** What moderators do with registrations before and during the event: revoke links, see preferences, export. */
export function moderatorPeopleRoutes(deps: {
  state: () => AgendaState; people: PeopleStore; credentials: Credentials; sessions: Sessions; clock: Clock; publicUrl: string;
}): Router {
  const router = Router();
  const moderator = requireSession(deps.credentials, { moderator: true });

  router.post('/api/moderator/people/:id/revoke', moderator, async (req, res) => {
    const params = parseOr400(personParams, req.params, res);
    if (!params) return;
    const person = deps.people.get(params.id);
    if (!person) return sendError(res, 404, 'unknown_participant', 'There is no such person.');
    deps.people.revokeCredentials(person.id);
    deps.sessions.end(person.id, 'revoked', 'Your join link was replaced. Use the new link from the organisers.');
    const credential = await deps.credentials.issue(person.id, person.role === 'attendee' ? ATTENDEE_LINK_TTL_S : STAFF_LINK_TTL_S);
    res.json({ participantId: person.id, credential, joinUrl: `${deps.publicUrl}/join/${credential}` });
  });

  // A removal sticks (registering again mails no link) until a moderator lets the person back in.
  router.post('/api/moderator/people/:id/readmit', moderator, (req, res) => {
    const params = parseOr400(personParams, req.params, res);
    if (!params) return;
    const person = deps.people.get(params.id);
    if (!person) return sendError(res, 404, 'unknown_participant', 'There is no such person.');
    if (person.removedAt === null) return sendError(res, 409, 'not_allowed_now', 'This person was not removed.');
    deps.people.setRemovedAt(person.id, null);
    res.json({ participantId: person.id, readmitted: true });
  });

  // Fresh personal links for the moderators and speakers (earlier links stay valid until revoked).
  router.get('/api/moderator/staff-links', moderator, async (_req, res) => {
    res.set('cache-control', 'no-store');
    res.json({ links: await staffLinks(deps.state().event, deps.credentials, deps.publicUrl) });
  });

  router.get('/api/moderator/preferences', moderator, (_req, res) => {
    const waitlisted = deps.people.list('attendee').filter((p) => p.waitlistedAt !== null && p.removedAt === null).length;
    res.json({ ...preferenceSummary(deps.state()), waitlisted });
  });

  router.get('/api/moderator/registrations', moderator, (_req, res) => {
    const { participants } = deps.state();
    res.json({
      registrations: deps.people.list('attendee').map((p) => ({ ...p, breakoutId: participants[p.id]?.breakoutId ?? null })),
    });
  });

  router.get('/api/moderator/registrations.csv', moderator, (_req, res) => {
    const { event, participants } = deps.state();
    const header = ['participant_id', 'registered_at', 'name', 'email', 'organisation', 'country', 'country_name', 'stakeholder_type',
      'first_choice', 'second_choice', 'assigned_breakout', 'accessibility_needs', 'privacy_notice_version', 'consented_at'];
    const rows = deps.people.list('attendee').map((p) => [
      p.id, iso(p.createdAt), p.name, p.email, p.organisation, p.details.country ?? null,
      p.details.country ? (countries.getName(p.details.country, 'en') ?? null) : null, p.details.stakeholderType ?? null,
      p.details.preferences?.[0] ?? null, p.details.preferences?.[1] ?? null, participants[p.id]?.breakoutId ?? null,
      p.details.accessibilityNeeds ?? null, p.details.consent?.noticeVersion ?? null, iso(p.details.consent?.at),
    ]);
    sendCsv(res, `${event.id}-registrations.csv`, toCsv(header, rows));
  });
  return router;
}
