// Boots the server: reads config and the event file, starts a local LiveKit (and, without SMTP_URL, a
// local Mailpit for the join-link mails) when none is configured,
// builds the app (app.ts, the composition root) and prints the links. The code lives by feature:
// platform/ (config, log, clock, db, HTTP helpers), live/ (agenda, realtime, assignments, event),
// livekit/, people/ (registration, credentials, staff, calendar), features/ (attendance, certificates, …).
import { join, resolve } from 'node:path';
import { createApp } from './app.js';
import { DEFAULT_REGISTRATION_LIMITS } from './people/registration/registrationRoutes.js';
import { readConfig } from './platform/config.js';
import { loadEventFile } from './live/event/loadEventFile.js';
import { realLiveKit } from './livekit/realLiveKit.js';
import { createLog } from './platform/log.js';
import { systemClock, systemScheduler } from './platform/clock.js';
import { openDatabase } from './platform/db/db.js';
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

// A cluster node (DATABASE_URL): the agenda comes from PostgreSQL, broadcasts go through Redis (REDIS_URL).
const scheduler = systemScheduler();
const cluster = config.DATABASE_URL
  ? await (await import('./cluster/clusterNode.js')).openClusterNode({ databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL, event, clock: systemClock, scheduler, log })
  : null;

const app = createApp({
  clock: systemClock,
  scheduler,
  livekit: realLiveKit({ url: livekitUrl, apiUrl: config.LIVEKIT_API_URL, apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET }),
  db: openDatabase(resolve(config.DATA_DIR, `${event.id}.sqlite`)),
  log,
  event,
  settings: {
    publicUrl: config.publicUrl, sessionSecret: config.SESSION_SECRET, allowedOrigins: config.allowedOrigins,
    webhook: { apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET }, clientDist: config.CLIENT_DIST,
    registrationLimits: { ...DEFAULT_REGISTRATION_LIMITS, perAddress: config.REGISTRATIONS_PER_ADDRESS, perEmail: config.REGISTRATIONS_PER_EMAIL },
    trustProxy: config.TRUST_PROXY, smtpUrl, mailFrom: config.MAIL_FROM, rehearsal: config.rehearsal,
    backups: { dir: join(config.DATA_DIR, 'backups'), intervalMs: config.BACKUP_INTERVAL_MINUTES * 60_000, keep: config.BACKUP_KEEP },
    metricsToken: config.METRICS_TOKEN,
    preEventCheck: {
      livekitHttpUrl: config.LIVEKIT_API_URL ?? livekitUrl.replace(/^ws/, 'http'), livekitConfigFile: config.LIVEKIT_CONFIG_FILE ?? null, dataDir: config.DATA_DIR,
    },
  },
  ...(cluster ? { cluster: { agenda: cluster.agenda, ioAdapter: cluster.ioAdapter } } : {}),
});
const port = await app.listen(config.PORT, config.HOST);
cluster?.start(() => app.around.autopilot.arm());
await app.reconcilePresence().catch((err: unknown) => log.warn({ err }, 'presence reconcile failed'));

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
if (cluster) say(`  Cluster node ${cluster.nodeId}: agenda in PostgreSQL${config.REDIS_URL ? ', broadcasts through Redis' : ''}`);
say(`  (listening on ${config.HOST}:${port}; LiveKit at ${livekitUrl}, ${mediaNote})`);
say();

// Ctrl-C in `npm start` reaches this process twice (from the terminal and passed on by the start
// script): the first signal shuts down, later ones wait for it instead of killing us half-way.
let shuttingDown: Promise<void> | null = null;
const shutdown = (signal: string) => (shuttingDown ??= (async () => {
  log.info({ signal }, 'shutting down');
  await app.close();
  await cluster?.close();
  await stopLiveKit();
  await stopMail();
  process.exit(0);
})());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
