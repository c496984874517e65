// A deployment: the catalogue, the EventHost over it, organiser accounts and the one HTTP server.
// main.ts boots one; tests build one with in-memory ports.
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { EventConfig } from '@live-workshop/shared';
import type { Clock } from '../platform/clock.js';
import type { Log } from '../platform/log.js';
import { Catalogue, openCatalogueDatabase } from './catalogue.js';
import { EventHost, type EventAppFactory } from './eventHost.js';
import { createHostServer } from './hostServer.js';
import { OrganiserCredentials } from './organiserCredentials.js';

/** The first organiser account's id (created at the first start when there is none). */
export const FIRST_ORGANISER_ID = 'organiser';

export interface DeploymentDeps {
  readonly dataDir: string;
  readonly defaultEvent: EventConfig;
  readonly build: EventAppFactory;
  readonly publicUrl: string;
  readonly sessionSecret: string;
  readonly webhook: { readonly apiKey: string; readonly apiSecret: string };
  readonly clock: Clock;
  readonly log: Log;
  /** The bearer token Prometheus scrapes the deployment's /metrics with (METRICS_TOKEN): every event's metrics, labelled by event. Unset: none. */
  readonly metricsToken?: string | undefined;
  /** The first organiser's name (ORGANISER_NAME); default "Organiser". */
  readonly organiserName?: string | undefined;
}

export interface Deployment {
  readonly host: EventHost;
  readonly http: HttpServer;
  readonly organiserCredentials: OrganiserCredentials;
  listen(port: number, host?: string): Promise<number>;
  /** A fresh link to the organiser home for each organiser (printed at every start, like staff links). */
  organiserLinks(): Promise<{ id: string; name: string; url: string }[]>;
  close(): Promise<void>;
}

/** Open the deployment database, make sure an organiser exists, open the events, and build the server. */
export function createDeployment(deps: DeploymentDeps): Deployment {
  const catalogue = new Catalogue(openCatalogueDatabase(join(deps.dataDir, 'deployment.db')));
  if (catalogue.organisers().length === 0) catalogue.addOrganiser(FIRST_ORGANISER_ID, deps.organiserName ?? 'Organiser', deps.clock.now());
  const host = new EventHost({ catalogue, build: deps.build, defaultEvent: deps.defaultEvent, publicUrl: deps.publicUrl, dataDir: deps.dataDir, clock: deps.clock, log: deps.log });
  host.start();
  const organiserCredentials = new OrganiserCredentials(deps.sessionSecret, catalogue, deps.clock);
  const http = createHostServer(host, { credentials: organiserCredentials, catalogue, publicUrl: deps.publicUrl, metricsToken: deps.metricsToken ?? null, webhook: deps.webhook, clock: deps.clock, log: deps.log });
  return {
    host, http, organiserCredentials,
    listen: (port, address = '127.0.0.1') => new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, address, () => resolve((http.address() as AddressInfo).port));
    }),
    organiserLinks: () => Promise.all(catalogue.organisers().map(async (o) => ({ id: o.id, name: o.name, url: `${deps.publicUrl}/organiser/${await organiserCredentials.issue(o.id)}` }))),
    async close() {
      await host.close();
      await new Promise<void>((resolve) => (http.listening ? http.close(() => resolve()) : resolve()));
      http.closeAllConnections?.();
      catalogue.close();
    },
  };
}
