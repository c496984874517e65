// The deployment's /metrics (Prometheus, `Authorization: Bearer <METRICS_TOKEN>`): every open event's
// own metrics, each series labelled with its event (`event="<id>"`), Node's process metrics once,
// and each event's readiness (`lw_event_ready{event}`: its database, LiveKit and mail, as its own
// /e/<id>/readyz says). Only the operator's token reads it: no event's staff credential does, and
// an event's own /e/<id>/metrics holds that event's series only.
import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { AggregatorRegistry, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { METRIC_NAMES } from '../features/operations/metrics/metrics.js';
import { METRICS_PATH } from '../features/operations/metrics/metricsRoute.js';
import { bearerOf } from '../people/credentials/bearer.js';
import { sendError } from '../platform/httpErrors.js';
import type { EventHost } from './eventHost.js';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The deployment's registry: process metrics and the events' readiness. */
function deploymentRegistry(host: EventHost): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: METRIC_NAMES.eventReady, help: 'Whether each open event can run now (its database, LiveKit and mail; 1 ready, 0 not)', labelNames: ['event'], registers: [registry],
    async collect() {
      this.reset();
      const open = host.openEntries();
      const outcomes = await Promise.all(open.map(async ({ app }) => (await app.operations.readiness.check()).ready));
      open.forEach(({ id }, i) => this.set({ event: id }, outcomes[i] ? 1 : 0));
    },
  });
  return registry;
}

/** GET /metrics for the whole deployment; an empty router without a token. */
export function deploymentMetricsRoute(host: EventHost, token: string | null): Router {
  const router = Router();
  if (!token) return router;
  const own = deploymentRegistry(host);
  router.get(METRICS_PATH, async (req, res, next) => {
    const given = bearerOf(req);
    if (!given || !sameSecret(given, token)) {
      res.set('www-authenticate', 'Bearer realm="metrics"');
      return sendError(res, 401, 'unauthorized', 'Metrics need Authorization: Bearer <METRICS_TOKEN>.');
    }
    try {
      // Each event's lw_ series (its process metrics are the deployment's, counted once below).
      const events = await Promise.all(host.openApps().map(async (app) => (app.metrics ? (await app.metrics.registry.getMetricsAsJSON()).filter((m) => m.name.startsWith('lw_')) : [])));
      const merged = AggregatorRegistry.aggregate([...events, await own.getMetricsAsJSON()]);
      res.set('cache-control', 'no-store').type(merged.contentType).send(await merged.metrics());
    } catch (err) {
      next(err);
    }
  });
  return router;
}
