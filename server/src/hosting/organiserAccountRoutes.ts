// Organisers add organisers: invite one by name (their link is answered once, to be sent to that
// person only; a fresh one is printed at every start like the first organiser's), list them, and
// revoke one (their links stop working at once; never the last organiser). Organisers only.
import { randomBytes } from 'node:crypto';
import { Router, json } from 'express';
import { inviteOrganiserBody, organiserParams, type InvitedOrganiser, type OrganiserAccount, type OrganiserAccountList } from '@live-workshop/shared';
import type { Clock } from '../platform/clock.js';
import { parseOr400, sendError } from '../platform/httpErrors.js';
import type { Log } from '../platform/log.js';
import type { Catalogue, Organiser } from './catalogue.js';
import { organiserOf, requireOrganiser, type OrganiserCredentials } from './organiserCredentials.js';

const accountOf = (o: Organiser): OrganiserAccount => ({ id: o.id, name: o.name, createdAt: o.createdAt });

export function organiserAccountRoutes(deps: { catalogue: Catalogue; credentials: OrganiserCredentials; publicUrl: string; clock: Clock; log: Log }): Router {
  const { catalogue } = deps;
  const router = Router();
  router.use('/api/organiser/organisers', requireOrganiser(deps.credentials));

  router.get('/api/organiser/organisers', (_req, res) => {
    res.set('cache-control', 'no-store').json({ organisers: catalogue.organisers().map(accountOf) } satisfies OrganiserAccountList);
  });

  router.post('/api/organiser/organisers', json({ limit: '2kb' }), async (req, res, next) => {
    try {
      const body = parseOr400(inviteOrganiserBody, req.body, res, 'Give the new organiser\'s name.');
      if (!body) return;
      const id = `organiser-${randomBytes(6).toString('hex')}`;
      if (!catalogue.addOrganiser(id, body.name, deps.clock.now())) return sendError(res, 409, 'not_allowed_now', 'Please try again.');
      const credential = await deps.credentials.issue(id);
      deps.log.info({ organiserId: id, by: organiserOf(res).id }, 'organiser invited');
      res.set('cache-control', 'no-store').status(201)
        .json({ organiser: accountOf(catalogue.organiser(id)!), url: `${deps.publicUrl}/organiser/${credential}` } satisfies InvitedOrganiser);
    } catch (err) {
      next(err);
    }
  });

  router.delete('/api/organiser/organisers/:id', (req, res) => {
    const params = parseOr400(organiserParams, req.params, res);
    if (!params) return;
    const outcome = catalogue.revokeOrganiser(params.id, deps.clock.now());
    if (outcome === 'unknown') return sendError(res, 404, 'not_found', 'There is no such organiser.');
    if (outcome === 'last') return sendError(res, 409, 'not_allowed_now', 'This is the last organiser; invite another one before revoking this one.');
    deps.log.info({ organiserId: params.id, by: organiserOf(res).id }, 'organiser revoked');
    res.json({ organisers: catalogue.organisers().map(accountOf) } satisfies OrganiserAccountList);
  });
  return router;
}
