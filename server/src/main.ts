// Boots the server: reads config and the event file, starts a local LiveKit (and, without SMTP_URL, a
// local Mailpit for the join-link mails) when none is configured,
// builds the app (app.ts, the composition root) and prints the links. The code lives by feature:
// platform/ (config, log, clock, db, HTTP helpers), live/ (agenda, realtime, assignments, event),
// livekit/, people/ (registration, credentials, staff, calendar), features/ (attendance, certificates, …).
import { join, resolve } from 'node:path';
import { createApp } from './app.js';
import { createDeployment } from './hosting/deployment.js';
import { DEFAULT_REGISTRATION_LIMITS } from './people/registration/registrationRoutes.js';
import { readConfig } from './platform/config.js';
import { loadEventFile } from './live/event/loadEventFile.js';
import { realLiveKit } from './livekit/realLiveKit.js';
import { createLog } from './platform/log.js';
import { systemClock, systemScheduler } from './platform/clock.js';
import { rehearsalBanner } from './live/lifecycle/rehearsal.js';

const log = createLog();
const config = readConfig(process.env, process.argv);
const event = loadEventFile(config.eventFile);

let livekitUrl = config.LIVEKIT_URL;
let stopLiveKit = async () => {};
let mediaNote = 'external LiveKit';
if (!livekitUrl) {
  // Dev tools load only here: a production boot (LIVEKIT_URL set) never imports them.
  const { startDevLiveKit } = await import('./devtools/devLiveKit.js');
  const lk = await startDevLiveKit({
    dataDir: config.DATA_DIR, apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET, nodeIp: config.LIVEKIT_NODE_IP,
    binaryPath: config.LIVEKIT_BINARY, webhookUrl: `http://127.0.0.1:${config.PORT}/livekit/webhook`, log: (line) => log.debug({ livekit: line }),
  });
  livekitUrl = lk.url;
  mediaNote = `media on ${lk.media.nodeIp}`;
  stopLiveKit = () => lk.stop();
  log.info({ url: lk.url, media: lk.media, logFile: lk.logFile }, 'local LiveKit server started');
}

// One LiveKit client for every event of the deployment (room names start with the event id).
const livekit = realLiveKit({ url: livekitUrl, apiUrl: config.LIVEKIT_API_URL, apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET });

// Join links are only ever mailed: without an SMTP server (development), a local Mailpit catches them.
let smtpUrl = config.SMTP_URL;
let inboxUrl: string | null = null;
let stopMail = async () => {};
if (!smtpUrl) {
  const { startDevMailpit } = await import('@live-workshop/testkit/mail');
  const mailpit = await startDevMailpit(config.MAILPIT_BINARY);
  ({ smtpUrl, inboxUrl } = mailpit);
  stopMail = () => mailpit.stop();
  log.info({ smtpUrl, inboxUrl }, 'local mail catcher started');
}

// One deployment serves many events (hosting/eventHost.ts): the event file's is the default, at /,
// and every event an organiser adds is served at /e/<event id>; each is one createApp composition.
// A cluster node (DATABASE_URL): the default event's agenda comes from PostgreSQL, broadcasts go
// through Redis (REDIS_URL). Other events of the deployment stay on this node's SQLite.
const scheduler = systemScheduler();
const cluster = config.DATABASE_URL
  ? await (await import('./cluster/clusterNode.js')).openClusterNode({ databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL, event, clock: systemClock, scheduler, log })
  : null;

const deployment = createDeployment({
  dataDir: resolve(config.DATA_DIR), defaultEvent: event, publicUrl: config.publicUrl, sessionSecret: config.SESSION_SECRET,
  webhook: { apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET }, clock: systemClock, log, organiserName: config.ORGANISER_NAME, metricsToken: config.METRICS_TOKEN,
  build: (eventConfig, place) => createApp({
    clock: systemClock,
    scheduler: place.isDefault ? scheduler : systemScheduler(),
    livekit,
    db: place.db,
    log,
    event: eventConfig,
    settings: {
      publicUrl: place.publicUrl, sessionSecret: config.SESSION_SECRET, allowedOrigins: config.allowedOrigins,
      webhook: { apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET }, clientDist: config.CLIENT_DIST,
      registrationLimits: { ...DEFAULT_REGISTRATION_LIMITS, perAddress: config.REGISTRATIONS_PER_ADDRESS, perEmail: config.REGISTRATIONS_PER_EMAIL },
      trustProxy: config.TRUST_PROXY, smtpUrl, mailFrom: config.MAIL_FROM, rehearsal: config.rehearsal,
      backups: { dir: join(config.DATA_DIR, 'backups'), intervalMs: config.BACKUP_INTERVAL_MINUTES * 60_000, keep: config.BACKUP_KEEP },
      // Every event has metrics (labelled with its id): its own at /e/<id>/metrics, all of them at the deployment's /metrics.
      metricsToken: config.METRICS_TOKEN,
      acceptUnscopedCredentials: place.isDefault, closedByOrganiser: place.closedByOrganiser,
      preEventCheck: {
        livekitHttpUrl: config.LIVEKIT_API_URL ?? livekitUrl.replace(/^ws/, 'http'), livekitConfigFile: config.LIVEKIT_CONFIG_FILE ?? null, dataDir: config.DATA_DIR,
      },
    },
    ...(cluster && place.isDefault ? { cluster: { agenda: cluster.agenda, ioAdapter: cluster.ioAdapter, limiters: cluster.limiters } } : {}),
  }),
});
const app = deployment.host.defaultApp;
const port = await deployment.listen(config.PORT, config.HOST);
cluster?.start(() => app.around.autopilot.arm());
for (const each of deployment.host.openApps()) await each.reconcilePresence().catch((err: unknown) => log.warn({ err }, 'presence reconcile failed'));

const links = await app.staffLinks();
const say = (line = '') => process.stdout.write(`${line}\n`);
say();
say(`  Live Workshop — ${event.title}`);
if (app.agenda.restoreProblem) say(`  ${app.agenda.restoreProblem}`);
if (app.eventFile.notice) say(app.eventFile.notice);
for (const line of rehearsalBanner(app.agenda.state, systemClock.now())) say(line);
say(`  Event page and registration:  ${config.publicUrl}/`);
if (inboxUrl) say(`  Mail inbox (join links go here):  ${inboxUrl.replace('127.0.0.1', 'localhost')}`);
const STAFF_LABELS = { moderator: 'Moderator', speaker: 'Speaker  ', captioner: 'Captioner' } as const;
for (const l of links) say(`  ${STAFF_LABELS[l.role]} ${l.name.padEnd(28)} ${l.url}`);
// Organisers run the deployment's events: the home lists them, creates, duplicates and archives them.
for (const o of await deployment.organiserLinks()) say(`  Organiser home (${o.name}):  ${o.url}`);
const others = deployment.host.openApps().length - 1;
if (others > 0) say(`  … and ${others} more event${others === 1 ? '' : 's'} at ${config.publicUrl}/e/<event id> (listed in the organiser home)`);
if (cluster) say(`  Cluster node ${cluster.nodeId}: agenda in PostgreSQL${config.REDIS_URL ? ', broadcasts, sessions and rate limits through Redis' : ''}`);
say(`  (listening on ${config.HOST}:${port}; LiveKit at ${livekitUrl}, ${mediaNote})`);
say();

// Ctrl-C in `npm start` reaches this process twice (from the terminal and passed on by the start
// script): the first signal shuts down, later ones wait for it instead of killing us half-way.
let shuttingDown: Promise<void> | null = null;
const shutdown = (signal: string) => (shuttingDown ??= (async () => {
  log.info({ signal }, 'shutting down');
  await deployment.close();
  await cluster?.close();
  await stopLiveKit();
  await stopMail();
  process.exit(0);
})());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
