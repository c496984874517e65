import { Router } from 'express';
import { registrationClosedBecause, type EventResponse } from '@live-workshop/shared';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { Clock } from '../../platform/clock.js';

/** Public information about the event, and why registration is closed (null while it is open). */
export function eventRoutes(deps: { agenda: LiveAgenda; clock: Clock; placesLeft: () => number }): Router {
  const router = Router();
  router.get('/api/event', (_req, res) => {
    const now = deps.clock.now();
    const body: EventResponse = {
      event: deps.agenda.state.event, serverTime: now, registrationClosed: registrationClosedBecause(deps.agenda.state, now), registrationFull: deps.placesLeft() === 0,
    };
    res.json(body);
  });
  router.get('/api/health', (_req, res) => {
    res.json({ ok: true, version: deps.agenda.state.version });
  });
  return router;
}
