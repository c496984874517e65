import { Router, json } from 'express';
import { eventConfigSchema } from '@live-workshop/shared';
import type { LiveAgenda } from '../../live/agenda/liveAgenda.js';
import { requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { fieldErrorsOf, sendError } from '../../platform/httpErrors.js';

/** Moderators edit the whole event before it starts (validated like an event file); it applies at once. */
export function eventEditRoutes(deps: { agenda: LiveAgenda; credentials: Credentials }): Router {
  const router = Router();
  const moderator = requireSession(deps.credentials, { moderator: true });

  router.get('/api/moderator/event', moderator, (_req, res) => {
    res.json({ current: deps.agenda.state.event, editable: deps.agenda.state.phase.kind === 'scheduled' });
  });

  router.put('/api/moderator/event', moderator, json({ limit: '256kb' }), (req, res) => {
    const { phase, event: current } = deps.agenda.state;
    if (phase.kind !== 'scheduled') return sendError(res, 409, 'not_allowed_now', 'The event can be edited only before the doors open.');
    const parsed = eventConfigSchema.safeParse(req.body);
    if (!parsed.success) {
      return sendError(res, 400, 'invalid_payload', 'The event has problems; see each field.', { fieldErrors: fieldErrorsOf(parsed.error) });
    }
    if (parsed.data.id !== current.id) {
      return sendError(res, 400, 'invalid_payload', 'The event id cannot change.', { fieldErrors: { id: `Keep "${current.id}": it names the event's database and LiveKit rooms.` } });
    }
    const result = deps.agenda.system({ type: 'replaceEvent', event: parsed.data });
    if (!result.ok) return sendError(res, 409, result.code, result.message);
    res.json({ current: result.state.event, version: result.state.version });
  });
  return router;
}
