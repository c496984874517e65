import { Router, json } from 'express';
import { requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { sendError } from '../../platform/httpErrors.js';
import type { EventSetupService } from './eventSetupService.js';

/** HTTP status of each way an edit can fail. */
const STATUS = { closed: 409, invalid: 400, refused: 409, unavailable: 503 } as const;

/** Moderators edit the whole event before it starts (validated like an event file); it applies at once. */
export function eventEditRoutes(deps: { eventSetup: EventSetupService; credentials: Credentials }): Router {
  const router = Router();
  const moderator = requireSession(deps.credentials, { moderator: true });

  router.get('/api/moderator/event', moderator, (_req, res) => {
    res.json(deps.eventSetup.current());
  });

  router.put('/api/moderator/event', moderator, json({ limit: '256kb' }), async (req, res) => {
    const outcome = await deps.eventSetup.submitEdit(req.body);
    if (!outcome.ok) return sendError(res, STATUS[outcome.reason], outcome.code, outcome.message, {
      ...(outcome.fieldErrors ? { fieldErrors: outcome.fieldErrors } : {}),
      ...(outcome.fieldIssues ? { fieldIssues: outcome.fieldIssues } : {}),
    });
    res.json({ current: outcome.event, version: outcome.version });
  });
  return router;
}
