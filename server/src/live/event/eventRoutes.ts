import { Router } from 'express';
import { agendaPosition, type EventLifecycle, type EventResponse } from '@live-workshop/shared';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { Clock } from '../../platform/clock.js';

/** Public information about the event, and why registration is closed (null while it is open). */
export function eventRoutes(deps: { agenda: LiveAgenda; clock: Clock; placesLeft: () => number; closedBecause: () => string | null; lifecycle?: { current(): EventLifecycle | null } }): Router {
  const router = Router();
  router.get('/api/event', (_req, res) => {
    const now = deps.clock.now();
    const body: EventResponse = {
      event: deps.agenda.state.event, serverTime: now, registrationClosed: deps.closedBecause(), registrationFull: deps.placesLeft() === 0,
      lifecycle: deps.lifecycle?.current() ?? null,
    };
    res.json(body);
  });
  router.get('/api/health', (_req, res) => {
    // position: the agenda position (shared/src/preJoin.ts), for tools that tell pre-joined connections apart.
    res.json({ ok: true, version: deps.agenda.state.version, position: agendaPosition(deps.agenda.state.phase) });
  });
  return router;
}
