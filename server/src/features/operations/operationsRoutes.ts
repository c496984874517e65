// Operations over HTTP: /healthz (the process answers), /readyz (the event can run: database,
// LiveKit, mail; 503 with reasons otherwise) for load balancers and compose health checks, a
// moderator's on-demand backup and the console's pre-event check. Routes parse and map; readiness.ts and backups.ts decide.
import { json, Router } from 'express';
import { preEventCheckBody, type CheckResult, type PreEventCheckReport } from '@live-workshop/shared';
import { requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { parseOr400, sendError } from '../../platform/httpErrors.js';
import type { Log } from '../../platform/log.js';
import { readerLanguage, wordsFor, type Words } from '../../platform/i18n.js';
import type { BackupService } from './backups.js';
import type { ReadinessService } from './readiness.js';

export interface OperationsRouteDeps {
  readonly readiness: ReadinessService;
  /** Null when backups are off (no backup folder configured). */
  readonly backups: BackupService | null;
  readonly credentials: Credentials;
  readonly log: Log;
  /** Run the pre-event check, mailing a test message (in the reader's words) to `mailTo` when given. */
  readonly preEventCheck: (mailTo: string | null, words: Words) => Promise<CheckResult[]>;
}

/** Health, readiness and on-demand backups. */
export function operationsRoutes(deps: OperationsRouteDeps): Router {
  const router = Router();
  const noStore = { 'cache-control': 'no-store' };
  router.get('/healthz', (_req, res) => res.set(noStore).json({ status: 'ok' }));
  router.get('/readyz', async (_req, res) => {
    const { ready, checks } = await deps.readiness.check();
    res.set(noStore).status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });
  router.post('/api/moderator/backups', requireSession(deps.credentials, { moderator: true }), async (_req, res) => {
    if (!deps.backups) return sendError(res, 409, 'not_allowed_now', 'Backups are off on this server (it has no data folder).');
    try {
      const { file } = await deps.backups.take();
      res.status(201).json({ file });
    } catch (err) {
      deps.log.error({ err }, 'backup on demand failed');
      sendError(res, 500, 'internal', 'The backup could not be written; the server log says why.');
    }
  });
  router.post('/api/moderator/checks', requireSession(deps.credentials, { moderator: true }), json({ limit: '4kb' }), async (req, res) => {
    const body = parseOr400(preEventCheckBody, req.body ?? {}, res);
    if (!body) return;
    const results = await deps.preEventCheck(body.mailTo ?? null, wordsFor(readerLanguage(req)));
    for (const r of results) if (r.status !== 'pass') deps.log.warn({ check: r.id, status: r.status }, 'pre-event check: not a pass');
    res.set('cache-control', 'no-store').json({ results, checkedAt: Date.now() } satisfies PreEventCheckReport);
  });
  return router;
}
