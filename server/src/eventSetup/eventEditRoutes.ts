import { Router, json } from 'express';
import { eventConfigSchema, type AgendaState } from '@live-workshop/shared';
import { claimsOf, requireSession } from '../auth/bearer.js';
import type { Credentials } from '../auth/credentials.js';
import { fieldErrorsOf, sendError } from '../http/jsonErrors.js';
import type { Clock } from '../ports/clock.js';
import type { PendingEventEdits } from './pendingEventEdit.js';

/** When a moderator's edit takes effect, in words for the console. */
export const EDIT_APPLIES = 'at the next server start, if the event has not started by then';

/** Moderators edit the whole event before it starts (validated like an event file). */
export function eventEditRoutes(deps: { state: () => AgendaState; edits: PendingEventEdits; credentials: Credentials; clock: Clock }): Router {
  const router = Router();
  const moderator = requireSession(deps.credentials, { moderator: true });

  router.get('/api/moderator/event', moderator, (_req, res) => {
    res.json({ current: deps.state().event, pending: deps.edits.get(), applies: EDIT_APPLIES });
  });

  router.put('/api/moderator/event', moderator, json({ limit: '256kb' }), (req, res) => {
    const { phase, event: current } = deps.state();
    if (phase.kind !== 'scheduled') return sendError(res, 409, 'not_allowed_now', 'The event can be edited only before the doors open.');
    const parsed = eventConfigSchema.safeParse(req.body);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return sendError(res, 400, 'invalid_payload', 'The event has problems; see each field.', { fieldErrors });
    }
    if (parsed.data.id !== current.id) {
      return sendError(res, 400, 'invalid_payload', 'The event id cannot change.', { fieldErrors: { id: `Keep "${current.id}": it names the event's database and LiveKit rooms.` } });
    }
    const edit = { event: parsed.data, editedAt: deps.clock.now(), editedBy: claimsOf(res).participantId };
    deps.edits.put(edit);
    res.status(202).json({ pending: edit, applies: EDIT_APPLIES });
  });

  router.delete('/api/moderator/event/pending', moderator, (_req, res) => {
    deps.edits.discard();
    res.json({ pending: null });
  });
  return router;
}
