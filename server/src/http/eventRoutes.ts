import { Router } from 'express';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { Clock } from '../ports/clock.js';

/** Public information about the event. */
export function eventRoutes(deps: { agenda: LiveAgenda; clock: Clock }): Router {
  const router = Router();
  router.get('/api/event', (_req, res) => {
    res.json({ event: deps.agenda.state.event, serverTime: deps.clock.now() });
  });
  router.get('/api/health', (_req, res) => {
    res.json({ ok: true, version: deps.agenda.state.version });
  });
  return router;
}
