import { resolve } from 'node:path';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { loadEventFile } from './event/loadEventFile.js';
import { realLiveKit } from './livekit/realLiveKit.js';
import { createLog } from './log.js';
import { systemClock, systemScheduler } from './ports/clock.js';
import { openDatabase } from './store/db.js';
import { rehearsalBanner } from './lifecycle/rehearsal.js';

const log = createLog();
const config = readConfig(process.env, process.argv);
const event = loadEventFile(config.eventFile);

let livekitUrl = config.LIVEKIT_URL;
let stopLiveKit = async () => {};
let mediaNote = 'external LiveKit';
if (!livekitUrl) {
  // Development only (production requires LIVEKIT_URL), so the production boot never loads devtools.
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

const app = createApp({
  clock: systemClock,
  scheduler: systemScheduler(),
  livekit: realLiveKit({ url: livekitUrl, apiUrl: config.LIVEKIT_API_URL, apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET }),
  db: openDatabase(resolve(config.DATA_DIR, `${event.id}.sqlite`)),
  log,
  event,
  settings: {
    publicUrl: config.publicUrl, sessionSecret: config.SESSION_SECRET, allowedOrigins: config.allowedOrigins,
    webhook: { apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET }, clientDist: config.CLIENT_DIST,
    registrationsPerIpPerMinute: config.REGISTRATIONS_PER_IP_PER_MINUTE, trustProxy: config.TRUST_PROXY,
    smtpUrl: config.SMTP_URL ?? null, mailFrom: config.MAIL_FROM, rehearsal: config.rehearsal,
  },
});
const port = await app.listen(config.PORT, config.HOST);
await app.reconcilePresence().catch((err: unknown) => log.warn({ err }, 'presence reconcile failed'));

const links = await app.staffLinks();
const say = (line = '') => process.stdout.write(`${line}\n`);
say();
say(`  Live Workshop — ${event.title}`);
if (app.agenda.restoreProblem) say(`  ${app.agenda.restoreProblem}`);
if (app.eventFile.notice) say(app.eventFile.notice);
for (const line of rehearsalBanner(app.agenda.state, systemClock.now())) say(line);
say(`  Event page and registration:  ${config.publicUrl}/`);
for (const l of links) say(`  ${l.role === 'moderator' ? 'Moderator' : 'Speaker  '} ${l.name.padEnd(28)} ${l.url}`);
say(`  (listening on ${config.HOST}:${port}; LiveKit at ${livekitUrl}, ${mediaNote})`);
say();

// Ctrl-C in `npm start` reaches this process twice (from the terminal and passed on by the start
// script): the first signal shuts down, later ones wait for it instead of killing us half-way.
let shuttingDown: Promise<void> | null = null;
const shutdown = (signal: string) => (shuttingDown ??= (async () => {
  log.info({ signal }, 'shutting down');
  await app.close();
  await stopLiveKit();
  process.exit(0);
})());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
