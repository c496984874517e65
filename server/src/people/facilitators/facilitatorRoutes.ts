// The moderators' API for the rooms' facilitator links: list the rooms with their invites, make a
// room's link (shown to the moderator once per request), withdraw it. Moderators only.
import { Router, json } from 'express';
import {
  facilitatorInviteBody, facilitatorInviteParams, type FacilitatorInvite, type FacilitatorInviteCreated, type FacilitatorInviteList,
} from '@live-workshop/shared';
import { claimsOf, requireSession } from '../credentials/bearer.js';
import type { Credentials } from '../credentials/credentials.js';
import { parseOr400, sendError } from '../../platform/httpErrors.js';
import type { FacilitatorInvites } from './facilitatorInvites.js';

export function facilitatorRoutes(deps: { invites: FacilitatorInvites; credentials: Credentials }): Router {
  const router = Router();
  const moderator = requireSession(deps.credentials, { moderator: true });

  router.get('/api/moderator/facilitators', moderator, (_req, res) => {
    res.set('cache-control', 'no-store').json({ rooms: deps.invites.list() } satisfies FacilitatorInviteList);
  });

  router.post('/api/moderator/facilitators/:breakoutId', moderator, json({ limit: '2kb' }), async (req, res, next) => {
    try {
      const params = parseOr400(facilitatorInviteParams, req.params, res);
      const body = params && parseOr400(facilitatorInviteBody, req.body ?? {}, res, 'Give the facilitator\'s name, or nothing.');
      if (!params || !body) return;
      const made = await deps.invites.invite(params.breakoutId, body.name);
      if (!made.ok) return sendError(res, made.status, made.code, made.message);
      res.set('cache-control', 'no-store').status(201).json({ invite: made.invite, url: made.url } satisfies FacilitatorInviteCreated);
    } catch (err) {
      next(err);
    }
  });

  router.delete('/api/moderator/facilitators/:breakoutId', moderator, async (req, res, next) => {
    try {
      const params = parseOr400(facilitatorInviteParams, req.params, res);
      if (!params) return;
      const withdrawn = await deps.invites.withdraw(params.breakoutId, claimsOf(res));
      if (!withdrawn.ok) return sendError(res, withdrawn.status, withdrawn.code, withdrawn.message);
      res.json(withdrawn.invite satisfies FacilitatorInvite);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
