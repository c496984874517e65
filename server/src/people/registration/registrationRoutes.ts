import { Router, json } from 'express';
import { rateLimit } from 'express-rate-limit';
import { nanoid } from 'nanoid';
import { registrationClosedBecause } from '@live-workshop/shared';
import type { LiveAgenda } from '../../live/agenda/liveAgenda.js';
import type { Credentials } from '../credentials/credentials.js';
import { joinCalendar } from '../calendar/joinCalendar.js';
import type { Log } from '../../platform/log.js';
import type { Clock } from '../../platform/clock.js';
import { PRIVACY_NOTICE_VERSION } from '../../features/privacy/privacyNotice.js';
import type { JoinLinkMailer } from './joinLinkMail.js';
import { detailsOf, registrationFormSchema } from './registrationForm.js';
import type { PeopleStore } from '../peopleStore.js';
import { fieldErrorsOf, sendError } from '../../platform/httpErrors.js';

/** How long an attendee's join link stays valid. */
export const ATTENDEE_LINK_TTL_S = 60 * 24 * 3600;

/** Registration: one person per email; registering again gives the same person a fresh link. */
export function registrationRoutes(deps: {
  agenda: LiveAgenda; people: PeopleStore; credentials: Credentials; clock: Clock; publicUrl: string; perIpPerMinute: number;
  mailer?: JoinLinkMailer | null; log?: Log;
}): Router {
  const router = Router();
  const limiter = rateLimit({ windowMs: 60_000, limit: deps.perIpPerMinute, standardHeaders: 'draft-8', legacyHeaders: false,
    message: { code: 'rate_limited', message: 'Too many registrations from your address; try again in a minute.' } });

  router.post('/api/registrations', limiter, json({ limit: '16kb' }), async (req, res) => {
    const { event } = deps.agenda.state;
    const closed = registrationClosedBecause(deps.agenda.state, deps.clock.now());
    if (closed) {
      sendError(res, 409, 'not_allowed_now', closed);
      return;
    }
    const parsed = registrationFormSchema(event).safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 400, 'invalid_payload', 'Please check the form.', { fieldErrors: fieldErrorsOf(parsed.error) });
      return;
    }
    const form = parsed.data;
    if (form.privacyNoticeVersion !== PRIVACY_NOTICE_VERSION) {
      sendError(res, 400, 'invalid_payload', 'The privacy notice has changed.', {
        fieldErrors: { consent: 'The privacy notice has changed since you opened the form; please read it again and accept it.' },
      });
      return;
    }
    const existing = deps.people.findByEmail(form.email);
    const person = existing ?? deps.people.add({
      id: `a-${nanoid(12)}`, role: 'attendee', name: form.name, email: form.email, organisation: form.organisation || null,
      details: { ...detailsOf(form, deps.clock.now()) }, createdAt: deps.clock.now(),
    });
    if (!(person.id in deps.agenda.state.participants)) {
      const preferences = Array.isArray(person.details.preferences) ? (person.details.preferences as string[]) : form.preferences;
      const admitted = deps.agenda.system({ type: 'admit', participant: { id: person.id, name: person.name, role: person.role, preferences } });
      if (!admitted.ok) {
        sendError(res, 409, admitted.code, admitted.message);
        return;
      }
    }
    const credential = await deps.credentials.issue(person.id, ATTENDEE_LINK_TTL_S);
    const joinUrl = `${deps.publicUrl}/join/${credential}`;
    if (deps.mailer && person.email) {
      const ics = joinCalendar(event, person, joinUrl, deps.publicUrl, deps.clock.now());
      void deps.mailer.send({ name: person.name, email: person.email }, event, joinUrl, ics)
        .catch((err: unknown) => deps.log?.warn({ err }, 'join link mail failed'));
      // With mail available, someone who only knows an address must not get that person's link.
      if (existing) {
        res.status(200).json({ alreadyRegistered: true, mailed: true });
        return;
      }
    }
    res.status(existing ? 200 : 201).json({ participantId: person.id, credential, joinUrl, alreadyRegistered: existing !== null });
  });
  return router;
}
