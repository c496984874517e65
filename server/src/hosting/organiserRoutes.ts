// The organiser home's API: list the deployment's events, create one from an event file or the
// set-up form, duplicate, archive, delete an archived one's data, and hand out its staff's links.
// Organisers only (organiserCredentials.ts); the rules are the EventHost's.
import { Router, json, text, type Response } from 'express';
import {
  createHostedEventBody, duplicateHostedEventBody, hostedEventParams, type CreatedHostedEvent, type DeletedHostedEvent, type HostedEventList,
} from '@live-workshop/shared';
import { EventFileError, parseEventText } from '../live/event/loadEventFile.js';
import { parseOr400, sendError } from '../platform/httpErrors.js';
import type { EventHost, HostRefusal } from './eventHost.js';
import { organiserOf, requireOrganiser, type OrganiserCredentials } from './organiserCredentials.js';

const STATUS = { not_found: 404, conflict: 409, invalid: 400 } as const;
const CODE = { not_found: 'not_found', conflict: 'not_allowed_now', invalid: 'invalid_payload' } as const;

function refuse(res: Response, refusal: HostRefusal): void {
  sendError(res, STATUS[refusal.reason], CODE[refusal.reason], refusal.message, refusal.fieldErrors ? { fieldErrors: refusal.fieldErrors } : {});
}

export function organiserRoutes(deps: { host: EventHost; credentials: OrganiserCredentials }): Router {
  const { host } = deps;
  const router = Router();
  router.use('/api/organiser', requireOrganiser(deps.credentials));

  router.get('/api/organiser/events', (_req, res) => {
    const organiser = organiserOf(res);
    res.json({ organiser: { id: organiser.id, name: organiser.name }, events: host.list() } satisfies HostedEventList);
  });

  // An event file as it is (`curl --data-binary @event.yaml -H 'content-type: application/yaml'`), or JSON.
  const eventFileBody = text({ type: ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'], limit: '300kb' });
  router.post('/api/organiser/events', json({ limit: '300kb' }), eventFileBody, async (req, res, next) => {
    try {
      const body = parseOr400(createHostedEventBody, typeof req.body === 'string' ? { yaml: req.body } : req.body, res, 'Send an event file or an event.');
      if (!body) return;
      let event: unknown;
      if ('yaml' in body) {
        try {
          event = parseEventText(body.yaml, 'the event file');
        } catch (err) {
          if (!(err instanceof EventFileError)) throw err;
          const fieldErrors: Record<string, string> = {};
          for (const p of err.problems) fieldErrors[p.field] ??= `line ${p.line ?? '?'}: ${p.message}`;
          return sendError(res, 400, 'invalid_payload', 'The event file is not a valid event; see each line.', { problems: err.problems, fieldErrors });
        }
      } else event = body.event;
      const created = await host.create(event, 'yaml' in body ? 'upload' : 'form', organiserOf(res).id);
      if (!created.ok) return refuse(res, created);
      res.status(201).json({ event: created.event, links: created.links } satisfies CreatedHostedEvent);
    } catch (err) {
      next(err);
    }
  });

  router.post('/api/organiser/events/:id/duplicate', json({ limit: '4kb' }), async (req, res, next) => {
    try {
      const params = parseOr400(hostedEventParams, req.params, res);
      const body = params && parseOr400(duplicateHostedEventBody, req.body, res, 'Give the copy an id (and, if you like, a date).');
      if (!params || !body) return;
      const created = await host.duplicate(params.id, body, organiserOf(res).id);
      if (!created.ok) return refuse(res, created);
      res.status(201).json({ event: created.event, links: created.links } satisfies CreatedHostedEvent);
    } catch (err) {
      next(err);
    }
  });

  router.post('/api/organiser/events/:id/archive', (req, res) => {
    const params = parseOr400(hostedEventParams, req.params, res);
    if (!params) return;
    const archived = host.archive(params.id);
    if (!archived.ok) return refuse(res, archived);
    res.json(archived.event);
  });

  router.get('/api/organiser/events/:id/links', async (req, res, next) => {
    try {
      const params = parseOr400(hostedEventParams, req.params, res);
      if (!params) return;
      const links = await host.links(params.id);
      if (!links.ok) return refuse(res, links);
      res.json({ links: links.links });
    } catch (err) {
      next(err);
    }
  });

  router.delete('/api/organiser/events/:id', async (req, res, next) => {
    try {
      const params = parseOr400(hostedEventParams, req.params, res);
      if (!params) return;
      const deleted = await host.deleteData(params.id);
      if (!deleted.ok) return refuse(res, deleted);
      res.json({ id: params.id, deleted: true } satisfies DeletedHostedEvent);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
