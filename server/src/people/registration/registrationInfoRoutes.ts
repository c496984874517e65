import { Router } from 'express';
import { REGISTRATION_LIMITS, registrationFormQuery, STAKEHOLDER_TYPES, type AgendaState, type RegistrationFormInfo } from '@live-workshop/shared';
import { bearerOf, claimsOf, requireSession } from '../credentials/bearer.js';
import type { Credentials } from '../credentials/credentials.js';
import { joinCalendar } from '../calendar/joinCalendar.js';
import { parseOr400 } from '../../platform/httpErrors.js';
import type { Clock } from '../../platform/clock.js';
import { PRIVACY_NOTICE_VERSION } from '../../features/privacy/privacyNotice.js';
import { countryList, STAKEHOLDER_LABELS } from './registrationForm.js';

/** What the registration form needs to draw itself, and the calendar file for a registered person. */
export function registrationInfoRoutes(deps: {
  state: () => AgendaState; credentials: Credentials; clock: Clock; publicUrl: string; languageOf?: (participantId: string) => string | null;
  /** The calendar entry's SEQUENCE: one higher per change of plan (a moved event). */
  calendarSequence?: () => number;
}): Router {
  const router = Router();

  router.get('/api/registration/form', (req, res) => {
    const query = parseOr400(registrationFormQuery, req.query, res);
    if (!query) return;
    const { event } = deps.state();
    res.set('cache-control', 'public, max-age=300');
    res.json({
      countries: countryList(query.lang),
      stakeholderTypes: STAKEHOLDER_TYPES.map((id) => ({ id, label: STAKEHOLDER_LABELS[id] })),
      breakouts: event.breakouts.map((b) => ({ id: b.id, title: b.title, topic: b.topic, capacity: b.capacity, facilitator: b.facilitator ?? null })),
      accessibilityNeedsMaxLength: REGISTRATION_LIMITS.accessibilityNeeds,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    });
  });

  // A plain link must download the file, so the credential may come in the query string too.
  router.get('/api/registrations/ics', requireSession(deps.credentials, { allowQuery: true }), (req, res) => {
    const { event } = deps.state();
    const credential = bearerOf(req) ?? String(req.query.credential);
    const joinUrl = `${deps.publicUrl}/join/${credential}`;
    const { participantId } = claimsOf(res);
    const ics = joinCalendar(event, { id: participantId, language: deps.languageOf?.(participantId) ?? null }, joinUrl, deps.publicUrl, deps.clock.now(), { sequence: deps.calendarSequence?.() ?? 0 });
    res.set('cache-control', 'no-store');
    res.attachment(`${event.id}.ics`).type('text/calendar; charset=utf-8').send(ics);
  });
  return router;
}
