// A deployment of several events for tests: the real host server on an ephemeral port, each event
// the real app (buildTestApp) with the same in-memory LiveKit and one mail catcher.
import { afterEach } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventConfig } from '@live-workshop/shared';
import { setMailReader, startMailCatcher, type MailCatcher } from '@live-workshop/testkit';
import { createDeployment, type Deployment } from '../src/hosting/deployment.js';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { systemClock } from '../src/platform/clock.js';
import { createLog } from '../src/platform/log.js';
import { buildTestApp, seedEventFor, TEST_SESSION_SECRET, type TestAppOptions } from './harness.js';

export interface TestDeployment {
  readonly deployment: Deployment;
  /** The deployment's address (the default event's too); event `x` is at `${url}/e/x`. */
  readonly url: string;
  readonly dataDir: string;
  readonly mail: MailCatcher;
  readonly livekit: MemoryLiveKit;
  /** The first organiser's credential. */
  readonly organiser: string;
  /** Ask the organiser API as the first organiser (or with another credential). */
  organiserApi(path: string, init?: { method?: string; body?: unknown; credential?: string | null }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Start a deployment whose default event is the seed workshop (or `defaultEvent`), in a fresh data folder. */
export async function startTestDeployment(options: TestAppOptions & { defaultEvent?: EventConfig; dataDir?: string } = {}): Promise<TestDeployment> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lw-deployment-'));
  const clock = options.clock ?? systemClock;
  const livekit = (options.livekit as MemoryLiveKit | undefined) ?? new MemoryLiveKit();
  const mail = await startMailCatcher();
  const deployment = createDeployment({
    dataDir, defaultEvent: options.defaultEvent ?? seedEventFor(clock.now()), publicUrl: 'http://localhost:3000', sessionSecret: TEST_SESSION_SECRET,
    webhook: options.webhook ?? { apiKey: 'devkey', apiSecret: 'secret' }, clock, log: options.log ?? createLog(process.env.TEST_LOG_LEVEL ?? 'silent'), metricsToken: options.metricsToken,
    build: (event, place) => buildTestApp({ ...options, livekit }, {
      dbPath: place.dbPath, db: place.db, smtpUrl: mail.smtpUrl, event, publicUrl: place.publicUrl,
      acceptUnscopedCredentials: place.isDefault, closedByOrganiser: place.closedByOrganiser,
    }),
  });
  const port = await deployment.listen(0);
  const url = `http://127.0.0.1:${port}`;
  setMailReader(url, mail);
  const organiser = (await deployment.organiserLinks())[0]!.url.split('/organiser/')[1]!;
  return {
    deployment, url, dataDir, mail, livekit, organiser,
    async organiserApi(path, init = {}) {
      const credential = init.credential === undefined ? organiser : init.credential;
      const res = await fetch(`${url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { ...(credential ? { authorization: `Bearer ${credential}` } : {}), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      await deployment.close();
      setMailReader(url, null);
      await mail.close();
    },
  };
}

/** The credential in a staff link (`…/join/<credential>`). */
export const credentialOfLink = (links: readonly { id: string; url: string }[], id: string): string => links.find((l) => l.id === id)!.url.split('/join/')[1]!;

/**
 * For a test file of deployments: cleanups run after each test (newest first), and `deployment()`
 * starts one that is closed with them. Call once at the top of the file.
 */
export function perTestDeployments(): { cleanups: (() => Promise<void> | void)[]; deployment: () => Promise<TestDeployment> } {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const deployment = async () => {
    const t = await startTestDeployment();
    cleanups.push(() => t.close());
    return t;
  };
  return { cleanups, deployment };
}
