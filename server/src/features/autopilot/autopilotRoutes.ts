import { Router, json } from 'express';
import { autopilotBody } from '@live-workshop/shared';
import { requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { parseOr400, sendError } from '../../platform/httpErrors.js';
import type { Autopilot } from './autopilot.js';

/** Moderators see the autopilot and hold or release it. */
export function autopilotRoutes(deps: { autopilot: Autopilot; credentials: Credentials }): Router {
  const router = Router();
  const moderator = requireSession(deps.credentials, { moderator: true });
  router.get('/api/moderator/autopilot', moderator, (_req, res) => res.json(deps.autopilot.status()));
  router.post('/api/moderator/autopilot', moderator, json({ limit: '1kb' }), (req, res) => {
    const body = parseOr400(autopilotBody, req.body, res);
    if (!body) return;
    if (!deps.autopilot.status().enabled) return sendError(res, 409, 'not_allowed_now', 'The autopilot is off for this event (the event file sets autopilot: true to turn it on).');
    res.json(deps.autopilot.setState(body.state));
  });
  return router;
}
