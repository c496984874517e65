import { Router, json } from 'express';
import { eventLifecycleBody, type EventLifecycleResponse } from '@live-workshop/shared';
import { claimsOf, requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { parseOr400, sendError } from '../../platform/httpErrors.js';
import type { EventLifecycleService } from './eventLifecycleService.js';

/** Moderators cancel the event or move it to another date and time; everyone registered is mailed. */
export function lifecycleRoutes(deps: { lifecycle: EventLifecycleService; credentials: Credentials }): Router {
  const router = Router();
  router.post('/api/moderator/event/lifecycle', requireSession(deps.credentials, { moderator: true }), json({ limit: '8kb' }), (req, res) => {
    const request = parseOr400(eventLifecycleBody, req.body, res, 'Say whether to cancel or move the event.');
    if (!request) return;
    const outcome = deps.lifecycle.change(request, claimsOf(res));
    if (!outcome.ok) return sendError(res, outcome.status, outcome.code, outcome.message, outcome.fieldErrors ? { fieldErrors: outcome.fieldErrors } : {});
    const body: EventLifecycleResponse = { lifecycle: outcome.lifecycle, mailing: outcome.mailing };
    res.json(body);
  });
  return router;
}
