// The composition root: createApp(deps) wires the stores, the live agenda (live/), LiveKit
// (livekit/), people (people/) and the features around the event (features/) to HTTP and
// Socket.IO. Nothing here decides anything; each folder holds one feature top to bottom.
import express from 'express';
import helmet from 'helmet';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import type { EventConfig, RehearsalMode } from '@live-workshop/shared';
import { createAroundTheEvent, type AroundTheEvent } from './features/aroundTheEvent.js';
import type { BackupSettings } from './features/operations/backups.js';
import { createOperations, type Operations } from './features/operations/operations.js';
import { SqliteAgendaStore } from './live/agenda/agendaStore.js';
import { createEffectRunner } from './live/agenda/effectRunner.js';
import { GhostSweeper } from './live/agenda/ghostSweeper.js';
import { LiveAgenda } from './live/agenda/liveAgenda.js';
import { Presence } from './live/agenda/presence.js';
import { Assignments, TOKEN_SWEEP_INTERVAL_MS } from './live/assignments/assignments.js';
import { ChatMembership } from './live/chat/chatMembership.js';
import { SqliteChatStore } from './live/chat/chatStore.js';
import { eventRoutes } from './live/event/eventRoutes.js';
import { applyEventFileChanges, type EventFileOutcome } from './live/lifecycle/eventFileChanges.js';
import { rehearseIfDue } from './live/lifecycle/rehearsal.js';
import { connections } from './live/realtime/connection.js';
import { pollRoutes } from './live/polls/pollRoutes.js';
import { transcriptRoutes } from './live/captions/transcriptRoutes.js';
import { questionRoutes } from './live/qa/questionRoutes.js';
import { createLiveSegment } from './live/segment/liveSegment.js';
import { createRequestLimiter, HELP_REQUESTS_PER_MINUTE } from './live/realtime/handle.js';
import { RosterPublisher, rosterOf } from './live/realtime/roster.js';
import { Sessions } from './live/realtime/sessions.js';
import { createSocketIoTransport, type IoServer } from './live/realtime/socketIoTransport.js';
import type { LiveKitPort } from './livekit/livekitPort.js';
import { webhookRoutes } from './livekit/webhookRoutes.js';
import { Credentials } from './people/credentials/credentials.js';
import { SqlitePeopleStore, type PeopleStore } from './people/peopleStore.js';
import { registrationRoutes, type RegistrationLimits } from './people/registration/registrationRoutes.js';
import { Registration } from './people/registration/registrationService.js';
import { admitStaff, staffLinks, type StaffLink } from './people/staff/staff.js';
import type { Clock, Scheduler, TimerHandle } from './platform/clock.js';
import { SqliteMetaStore } from './platform/db/metaStore.js';
import { jsonErrorHandler } from './platform/httpErrors.js';
import type { Log } from './platform/log.js';
import { staticClient } from './platform/staticClient.js';

/** Settings that differ between deployments. */
export interface AppSettings {
  /** Base URL people open, used in join links. */
  readonly publicUrl: string;
  readonly sessionSecret: string;
  /** LiveKit API key and secret that sign webhooks. */
  readonly webhook: { readonly apiKey: string; readonly apiSecret: string };
  readonly allowedOrigins: readonly string[];
  readonly clientDist: string | null;
  /** How many registrations one address, and one email, may send (see RegistrationLimits). */
  readonly registrationLimits: RegistrationLimits;
  /** Express's "trust proxy" (TRUST_PROXY): a hop count or address names; unset behind no proxy. */
  readonly trustProxy?: string | undefined;
  /** Socket requests each connection may make per second (default REQUESTS_PER_SECOND). */
  readonly requestsPerSecond?: number;
  /** Chat messages each person may send per second. */
  readonly chatPerSecond?: number;
  /** SMTP server for mailing join links (nodemailer URL): the only way a join link reaches an attendee. */
  readonly smtpUrl: string;
  readonly mailFrom?: string;
  /** Whether a past event that never ran is rehearsed from now at start-up (default `off`). */
  readonly rehearsal?: RehearsalMode;
  /** Online backups of the database (DATA_DIR/backups); unset: none. */
  readonly backups?: BackupSettings;
}

/** Everything the app needs from outside; real or in-memory. */
export interface AppDeps {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly livekit: LiveKitPort;
  readonly db: Database;
  readonly log: Log;
  readonly event: EventConfig;
  readonly settings: AppSettings;
}

/** The running application. */
export interface App {
  readonly http: HttpServer;
  readonly io: IoServer;
  readonly agenda: LiveAgenda;
  readonly people: PeopleStore;
  readonly credentials: Credentials;
  readonly presence: Presence;
  /** What happened to the event file at boot, and what the console should say about it. */
  readonly eventFile: { outcome: EventFileOutcome; notice: string | null };
  /** Registration extras, autopilot, attendance, certificates and privacy. */
  readonly around: AroundTheEvent;
  /** Health, readiness and backups. */
  readonly operations: Operations;
  listen(port: number, host?: string): Promise<number>;
  /** Personal links for the moderators and speakers of the event file. */
  staffLinks(): Promise<StaffLink[]>;
  /** Ask LiveKit who is where, correct the presence view, and remove people from rooms they left the plan of. */
  reconcilePresence(): Promise<{ identity: string; room: string }[]>;
  close(): Promise<void>;
}

/** How often presence is reconciled with LiveKit (covers LiveKit restarts and lost webhooks). */
const PRESENCE_SWEEP_INTERVAL_MS = 10_000;

/** The composition root: wires stores, engine, LiveKit, HTTP and Socket.IO. */
export function createApp(deps: AppDeps): App {
  const { clock, log, settings } = deps;
  const people = new SqlitePeopleStore(deps.db);
  const chat = new SqliteChatStore(deps.db);
  const agendaStore = new SqliteAgendaStore(deps.db);
  const agenda = new LiveAgenda(deps.event, agendaStore, clock, deps.scheduler, log);
  const eventFile = applyEventFileChanges(agenda, deps.event, new SqliteMetaStore(deps.db), log);
  rehearseIfDue(agenda, settings.rehearsal ?? 'off', clock.now(), log);
  const credentials = new Credentials(settings.sessionSecret, people, clock);
  const presence = new Presence(agenda.state.event.id);
  const sessions = new Sessions();
  const limiter = createRequestLimiter(settings.requestsPerSecond);
  // The live segment sends through the transport, which is built once the routes are mounted.
  const liveSegment = createLiveSegment({ db: deps.db, transport: () => transport, state: () => agenda.state, clock, scheduler: deps.scheduler, log, limiter });
  const around = createAroundTheEvent({
    db: deps.db, agenda, agendaStore, chat, people, credentials, presence, sessions, clock, scheduler: deps.scheduler, log,
    publicUrl: settings.publicUrl, smtpUrl: settings.smtpUrl, mailFrom: settings.mailFrom, liveSegmentData: liveSegment.personalData,
  });

  const web = express();
  web.disable('x-powered-by');
  // Behind a TLS front every request comes from the proxy; trusting it gives rate limits the person's address.
  if (settings.trustProxy) web.set('trust proxy', /^\d+$/.test(settings.trustProxy) ? Number(settings.trustProxy) : settings.trustProxy);
  web.use(helmet({
    contentSecurityPolicy: {
      directives: {
        'connect-src': ["'self'", 'ws:', 'wss:', deps.livekit.url.replace(/^ws/, 'http')],
        'media-src': ["'self'", 'blob:'],
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
  }));
  const operations = createOperations({
    db: deps.db, livekit: deps.livekit, credentials, clock, scheduler: deps.scheduler, log, eventId: () => agenda.state.event.id,
    smtpUrl: settings.smtpUrl, backups: settings.backups ?? null,
  });
  web.use(operations.router);
  web.use(webhookRoutes({ ...settings.webhook, presence, log, now: () => clock.now() }));
  web.use(eventRoutes({ agenda, clock }));
  const registration = new Registration({ agenda, people, credentials, clock, publicUrl: settings.publicUrl, mailer: around.mailer, log });
  web.use(registrationRoutes({ registration, credentials, event: () => agenda.state.event, limits: settings.registrationLimits }));
  web.use(around.router);
  web.use(questionRoutes({ board: liveSegment.questions, credentials, state: () => agenda.state }));
  web.use(pollRoutes({ board: liveSegment.polls, credentials, state: () => agenda.state }));
  web.use(transcriptRoutes({ store: liveSegment.captionStore, credentials, state: () => agenda.state }));
  web.use(staticClient(settings.clientDist));
  web.use((_req, res) => res.status(404).json({ code: 'not_found', message: 'No such page.' }));
  web.use(jsonErrorHandler(log));

  const http = createServer(web);
  const { io, transport, serve } = createSocketIoTransport(http, { credentials, allowedOrigins: settings.allowedOrigins, log, admit: (id) => registration.admit(id) });
  const chatMembership = new ChatMembership({ sessions, state: () => agenda.state });
  const assignments = new Assignments({ livekit: deps.livekit, clock, sessions, log, state: () => agenda.state });
  const roster = new RosterPublisher(transport, () => rosterOf(agenda.state, presence, sessions), clock, deps.scheduler);
  presence.onChange((identity) => {
    roster.changed();
    around.presenceChanged(identity);
  });
  const ghosts = new GhostSweeper({ livekit: deps.livekit, presence, clock, log, state: () => agenda.state });
  const runEffects = createEffectRunner({ transport, chat: chatMembership, assignments, livekit: deps.livekit, sessions, people, roster, ghosts, clock, log });
  agenda.start(around.wrapEffects((effects, before, after) => {
    runEffects(effects, before, after);
    // Staff an event edit adds are admitted after this step has finished (not inside it).
    if (effects.some((e) => e.type === 'eventChanged')) queueMicrotask(() => admitStaff(agenda, people, clock));
  }));
  admitStaff(agenda, people, clock);
  around.start();
  operations.start();

  const chatLimiter = createRequestLimiter(settings.chatPerSecond ?? 3);
  const helpLimiter = createRequestLimiter(HELP_REQUESTS_PER_MINUTE, 60);
  serve(connections({
    transport, agenda, assignments, livekit: deps.livekit, chat, clock, log, limiter, chatLimiter, helpLimiter, sessions, presence, roster, chatMembership,
    watchers: [around.connectionWatcher], liveSegment,
    // Clients report how each move went; the log is where operators and the benchmark read them.
    moveReports: (report) => log.info(report, 'move reported'),
  }));

  // Each periodic job keeps its own pending handle, so close() cancels exactly what is armed.
  const timers = new Map<string, TimerHandle>();
  let closed = false;
  const every = (intervalMs: number, what: string, work: () => Promise<unknown>) => {
    const arm = () => {
      timers.set(what, deps.scheduler.at(clock.now() + intervalMs, () => {
        timers.delete(what);
        if (closed) return;
        void work().catch((err: unknown) => log.warn({ err }, `${what} failed`));
        arm();
      }));
    };
    arm();
  };
  every(TOKEN_SWEEP_INTERVAL_MS, 'token refresh', () => assignments.refreshAging());
  every(PRESENCE_SWEEP_INTERVAL_MS, 'presence reconcile', () => ghosts.sweep());

  return {
    http, io, agenda, people, credentials, presence, around, eventFile, operations,
    listen: (port, host = '127.0.0.1') => new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
    }),
    staffLinks: () => staffLinks(agenda.state.event, credentials, settings.publicUrl),
    reconcilePresence: () => ghosts.sweep(),
    async close() {
      closed = true;
      for (const t of timers.values()) t.cancel();
      timers.clear();
      around.stop();
      liveSegment.close();
      const operationsStopped = operations.stop();
      agenda.stop();
      roster.close();
      io.close();
      await new Promise<void>((resolve) => (http.listening ? http.close(() => resolve()) : resolve()));
      http.closeAllConnections?.();
      await operationsStopped;
    },
  };
}
