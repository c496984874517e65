// GET /metrics for Prometheus, only with `Authorization: Bearer <METRICS_TOKEN>`: the numbers say how
// many people are where and how the event runs, which is not for the public. Without a token the
// route does not exist (404 like any unknown path), and the server says so once in its log.
import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { bearerOf } from '../../../people/credentials/bearer.js';
import { sendError } from '../../../platform/httpErrors.js';
import type { Log } from '../../../platform/log.js';
import type { Metrics } from './metrics.js';

/** The path Prometheus scrapes. */
export const METRICS_PATH = '/metrics';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The metrics route, or an empty router (and a log line saying metrics are off) without a token. */
export function metricsRoute(metrics: Metrics | null, token: string | null, log: Log): Router {
  const router = Router();
  if (!metrics || !token) {
    log.info('metrics off: METRICS_TOKEN is not set, so /metrics is not served');
    return router;
  }
  log.info({ path: METRICS_PATH }, 'metrics on: Prometheus scrapes /metrics with Authorization: Bearer $METRICS_TOKEN');
  router.get(METRICS_PATH, async (req, res) => {
    const given = bearerOf(req);
    if (!given || !sameSecret(given, token)) {
      res.set('www-authenticate', 'Bearer realm="metrics"');
      return sendError(res, 401, 'unauthorized', 'Metrics need Authorization: Bearer <METRICS_TOKEN>.');
    }
    res.set('cache-control', 'no-store').type(metrics.registry.contentType).send(await metrics.text());
  });
  return router;
}
