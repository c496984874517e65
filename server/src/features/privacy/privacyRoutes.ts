import { Router, json } from 'express';
import { z } from 'zod';
import type { AgendaState } from '@live-workshop/shared';
import { claimsOf, requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { parseOr400, sendError } from '../../platform/httpErrors.js';
import type { PersonalData } from './personalData.js';
import { privacyNoticeOf } from './privacyNotice.js';
import { readerLanguage, wordsFor } from '../../platform/i18n.js';
import type { Retention } from './retention.js';

const retentionBody = z.strictObject({ days: z.number().int().min(1, 'At least one day.').max(3650, 'At most ten years.').nullable() });

/** The privacy notice, each person's download and deletion, and the organisers' retention and purge. */
export function privacyRoutes(deps: { personalData: PersonalData; retention: Retention; credentials: Credentials; state: () => AgendaState }): Router {
  const router = Router();

  router.get('/api/privacy', (req, res) => {
    res.json(privacyNoticeOf(deps.state().event, deps.retention.status().retentionDays, wordsFor(readerLanguage(req))));
  });

  router.get('/api/me/data', requireSession(deps.credentials), (_req, res) => {
    const data = deps.personalData.exportOf(claimsOf(res).participantId);
    if (!data) return sendError(res, 404, 'unknown_participant', 'No data is held about you.');
    res.set('cache-control', 'no-store');
    res.attachment('my-data.json').json(data);
  });

  router.delete('/api/me', requireSession(deps.credentials), (_req, res) => {
    const { participantId, role } = claimsOf(res);
    if (role !== 'attendee') return sendError(res, 403, 'forbidden', 'Moderators and speakers are listed in the event file; ask the organisers to remove you.');
    deps.personalData.erase(participantId);
    res.json({ deleted: true });
  });

  const moderator = requireSession(deps.credentials, { moderator: true });
  router.get('/api/moderator/privacy', moderator, (_req, res) => res.json(deps.retention.status()));

  router.put('/api/moderator/privacy/retention', moderator, json({ limit: '1kb' }), (req, res) => {
    const body = parseOr400(retentionBody, req.body, res, 'Send { "days": number of days, or null }.');
    if (!body) return;
    res.json(deps.retention.setDays(body.days));
  });

  router.post('/api/moderator/purge', moderator, (_req, res) => {
    if (deps.state().phase.kind !== 'ended') return sendError(res, 409, 'not_allowed_now', 'Personal data can be purged once the event has ended.');
    const purged = deps.personalData.purgeAttendees();
    deps.retention.purged();
    res.json({ purged, status: deps.retention.status() });
  });
  return router;
}
