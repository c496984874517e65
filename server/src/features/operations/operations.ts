// Operations: what the event's technician and the deployment's probes use to keep it running —
// health and readiness (readiness.ts), online backups of the database (backups.ts) and their
// restore (restoreBackup.ts, `npm run restore`), the pre-event check (preEventCheck/, also
// `npm run check`) and the metrics (metrics/). docs/runbook.md says when to use which.
import type { Router } from 'express';
import type { Database } from 'better-sqlite3';
import type { LiveKitPort } from '../../livekit/livekitPort.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import type { Clock, Scheduler } from '../../platform/clock.js';
import type { Log } from '../../platform/log.js';
import { BackupService, type BackupSettings } from './backups.js';
import { createMailProbe } from './mailProbe.js';
import { operationsRoutes } from './operationsRoutes.js';
import { ReadinessService } from './readiness.js';
import { runPreEventCheck, type PreEventCheckSettings } from './preEventCheck/preEventCheck.js';

export interface OperationsDeps {
  readonly db: Database;
  readonly livekit: LiveKitPort;
  readonly credentials: Credentials;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly log: Log;
  readonly eventId: () => string;
  readonly smtpUrl: string;
  /** Null: no backups (e.g. an in-memory database). */
  readonly backups: BackupSettings | null;
  /** What the console's pre-event check looks at besides LiveKit and mail. */
  readonly checks: Pick<PreEventCheckSettings, 'livekitHttpUrl' | 'livekitConfigFile' | 'dataDir' | 'publicUrl' | 'mailFrom'> & { readonly eventTitle: () => string };
}

/** Health, readiness and backups, wired. */
export interface Operations {
  readonly router: Router;
  readonly readiness: ReadinessService;
  readonly backups: BackupService | null;
  start(): void;
  /** Stop the schedule and wait for a backup under way. */
  stop(): Promise<void>;
}

export function createOperations(deps: OperationsDeps): Operations {
  const { db, clock, scheduler, log } = deps;
  const readiness = new ReadinessService({ db, livekit: deps.livekit, mail: createMailProbe(deps.smtpUrl), clock, scheduler, log });
  const backups = deps.backups ? new BackupService({ db, eventId: deps.eventId, settings: deps.backups, clock, scheduler, log }) : null;
  return {
    router: operationsRoutes({
      readiness, backups, credentials: deps.credentials, log,
      preEventCheck: (mailTo, words) => runPreEventCheck({
        ...deps.checks, eventFile: null, runningEventTitle: deps.checks.eventTitle(), livekit: deps.livekit, smtpUrl: deps.smtpUrl, mailTo, words,
      }),
    }),
    readiness, backups,
    start: () => backups?.start(),
    async stop() {
      backups?.stop();
      await backups?.whenIdle();
      readiness.close();
    },
  };
}
