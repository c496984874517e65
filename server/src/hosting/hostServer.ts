// The deployment's one HTTP server: /e/<id>/… goes to that event's composition (the prefix
// stripped, so the event sees the paths a single-event server has), the organisers' API and
// LiveKit's webhook are the deployment's own, and everything else is the default event's.
import express from 'express';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { correlationIds } from '../features/operations/correlation.js';
import { webhookRoutes } from '../livekit/webhookRoutes.js';
import type { Clock } from '../platform/clock.js';
import { jsonErrorHandler } from '../platform/httpErrors.js';
import type { Log } from '../platform/log.js';
import type { App } from '../app.js';
import type { EventHost } from './eventHost.js';
import type { Catalogue } from './catalogue.js';
import { deploymentMetricsRoute } from './deploymentMetrics.js';
import { organiserAccountRoutes } from './organiserAccountRoutes.js';
import { organiserRoutes } from './organiserRoutes.js';
import type { OrganiserCredentials } from './organiserCredentials.js';

/** `/e/<event id>` at the start of a path (the id as the event file's slug rule allows it). */
const EVENT_PREFIX = /^\/e\/([a-z0-9][a-z0-9-]{0,47})(?=[/?]|$)/;

/** Paths the deployment answers itself, before any event (/metrics: every event's, labelled; deploymentMetrics.ts). */
const HOST_PATHS = /^\/(api\/organiser(?=[/?]|$)|livekit\/webhook(?=[/?]|$)|metrics(?=[/?]|$))/;

/** Which composition a request is for, with the path that composition sees; null: no such event. */
function route(host: EventHost, url: string): { app: App; url: string } | 'host' | null {
  const prefixed = EVENT_PREFIX.exec(url);
  if (prefixed) {
    const app = host.appOf(prefixed[1]!);
    const rest = url.slice(prefixed[0].length);
    return app ? { app, url: rest.startsWith('/') ? rest : `/${rest}` } : null;
  }
  if (HOST_PATHS.test(url)) return 'host';
  return { app: host.defaultApp, url };
}

export function createHostServer(host: EventHost, deps: {
  credentials: OrganiserCredentials; catalogue: Catalogue; publicUrl: string; metricsToken: string | null; webhook: { apiKey: string; apiSecret: string }; clock: Clock; log: Log;
}): HttpServer {
  const web = express();
  web.disable('x-powered-by');
  web.use(correlationIds());
  web.use(webhookRoutes({ ...deps.webhook, presences: () => host.openApps().map((a) => a.presence), log: deps.log, now: () => deps.clock.now() }));
  web.use(deploymentMetricsRoute(host, deps.metricsToken));
  web.use(organiserRoutes({ host, credentials: deps.credentials }));
  web.use(organiserAccountRoutes({ catalogue: deps.catalogue, credentials: deps.credentials, publicUrl: deps.publicUrl, clock: deps.clock, log: deps.log }));
  web.use((_req, res) => res.status(404).json({ code: 'not_found', message: 'No such page.' }));
  web.use(jsonErrorHandler(deps.log));

  const http = createServer((req, res) => {
    const target = route(host, req.url ?? '/');
    if (target === 'host') return void web(req, res);
    if (!target) return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'not_found', message: 'No such event on this server.' }));
    req.url = target.url;
    target.app.http.emit('request', req, res);
  });
  // Socket.IO's WebSocket upgrades go to the event's own Socket.IO server the same way.
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = route(host, req.url ?? '/');
    if (!target || target === 'host') return void socket.destroy();
    req.url = target.url;
    target.app.http.emit('upgrade', req, socket, head);
  });
  return http;
}
