// The composition root: createApp(deps) wires the stores, the live agenda (live/), LiveKit
// (livekit/), people (people/) and the features around the event (features/) to HTTP and
// Socket.IO. Nothing here decides anything; each folder holds one feature top to bottom.
import express, { Router } from 'express';
import helmet from 'helmet';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ServerOptions } from 'socket.io';
import { agendaPosition, phaseKey, type EventConfig, type RehearsalMode } from '@live-workshop/shared';
import { createAroundTheEvent, type AroundTheEvent } from './features/aroundTheEvent.js';
import type { BackupSettings } from './features/operations/backups.js';
import { createOperations, type Operations } from './features/operations/operations.js';
import { correlationIds } from './features/operations/correlation.js';
import { countSocketPackets, createEventMetrics } from './features/operations/metrics/eventMetrics.js';
import { metricsRoute } from './features/operations/metrics/metricsRoute.js';
import type { Metrics } from './features/operations/metrics/metrics.js';
import { ActionLog, SqliteActionLogStore } from './live/agenda/actionLog.js';
import { SqliteAgendaStore } from './live/agenda/agendaStore.js';
import { followAdoptedStates } from './live/agenda/adoptedState.js';
import { createEffectRunner } from './live/agenda/effectRunner.js';
import { GhostSweeper } from './live/agenda/ghostSweeper.js';
import { LiveAgenda } from './live/agenda/liveAgenda.js';
import { Presence } from './live/agenda/presence.js';
import { Assignments, TOKEN_SWEEP_INTERVAL_MS } from './live/assignments/assignments.js';
import { MoveProgressBook } from './live/assignments/moveProgressBook.js';
import { ChatMembership } from './live/chat/chatMembership.js';
import { SqliteChatStore } from './live/chat/chatStore.js';
import { eventRoutes } from './live/event/eventRoutes.js';
import { applyEventFileChanges, CLUSTER_EVENT_FILE, type EventFileOutcome } from './live/lifecycle/eventFileChanges.js';
import { rehearseIfDue } from './live/lifecycle/rehearsal.js';
import { EventLifecycleService } from './live/lifecycle/eventLifecycleService.js';
import { lifecycleRoutes } from './live/lifecycle/lifecycleRoutes.js';
import { createPresenting } from './live/presenting/createPresenting.js';
import { slidesRoutes } from './live/presenting/slidesRoutes.js';
import { connections } from './live/realtime/connection.js';
import { pollRoutes } from './live/polls/pollRoutes.js';
import { transcriptRoutes } from './live/captions/transcriptRoutes.js';
import { questionRoutes } from './live/qa/questionRoutes.js';
import { createLiveSegment } from './live/segment/liveSegment.js';
import { createRoomNotes } from './live/notes/roomNotes.js';
import { roomNotesRoutes } from './live/notes/roomNotesRoutes.js';
import { createRequestLimiter, HELP_REQUESTS_PER_MINUTE } from './live/realtime/handle.js';
import { RosterPublisher, rosterOf } from './live/realtime/roster.js';
import { Sessions } from './live/realtime/sessions.js';
import type { SessionEnder } from './live/realtime/transport.js';
import { createSocketIoTransport, type IoServer } from './live/realtime/socketIoTransport.js';
import type { LiveKitPort } from './livekit/livekitPort.js';
import { webhookRoutes } from './livekit/webhookRoutes.js';
import { Credentials } from './people/credentials/credentials.js';
import { FacilitatorInvites } from './people/facilitators/facilitatorInvites.js';
import { facilitatorRoutes } from './people/facilitators/facilitatorRoutes.js';
import { SqlitePeopleStore, type PeopleStore } from './people/peopleStore.js';
import { registrationRoutes, type RegistrationLimits } from './people/registration/registrationRoutes.js';
import { Registration } from './people/registration/registrationService.js';
import { admitStaff, staffLinks, type StaffLink } from './people/staff/staff.js';
import type { Clock, Scheduler, TimerHandle } from './platform/clock.js';
import { SqliteMetaStore } from './platform/db/metaStore.js';
import { jsonErrorHandler } from './platform/httpErrors.js';
import type { Log } from './platform/log.js';
import { memoryLimiters, type Limiters } from './platform/rateLimits.js';
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
  /** What the console's pre-event check looks at (default: LiveKit's URL over http, no LiveKit config, the backups' parent folder). */
  readonly preEventCheck?: { readonly livekitHttpUrl?: string; readonly livekitConfigFile?: string | null; readonly dataDir?: string };
  /** The bearer token Prometheus scrapes /metrics with (METRICS_TOKEN); unset: no metrics. */
  readonly metricsToken?: string | undefined;
  /**
   * Whether credentials that name no event (issued before events were named) are still accepted;
   * default true. A deployment's hosted events say false: only their own credentials get in.
   */
  readonly acceptUnscopedCredentials?: boolean;
  /** Why registration is closed whatever the agenda says (an archived event), or null; default: never. */
  readonly closedByOrganiser?: () => string | null;
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
  /**
   * A node of a cluster (DATABASE_URL): the agenda the nodes share, opened by the caller
   * (LiveAgenda.openShared), and Socket.IO's adapter and the rate limits across nodes (REDIS_URL).
   * Unset: one node on the SQLite data file, its limits in memory.
   */
  readonly cluster?: { readonly agenda: LiveAgenda; readonly ioAdapter?: ServerOptions['adapter']; readonly limiters?: Limiters };
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
  /** This event's Prometheus metrics (labelled with its id), or null without METRICS_TOKEN. */
  readonly metrics: Metrics | null;
  /** The event cancelled or moved, and the mails that tell everyone. */
  readonly lifecycle: EventLifecycleService;
  listen(port: number, host?: string): Promise<number>;
  /** Personal links for the moderators and speakers of the event file. */
  staffLinks(): Promise<StaffLink[]>;
  /** Ask LiveKit who is where, correct the presence view, and remove people from rooms they left the plan of. */
  reconcilePresence(): Promise<{ identity: string; room: string }[]>;
  close(): Promise<void>;
}

/** How often freed registration places are offered to the waiting list, whatever freed them. */
const WAITING_LIST_SWEEP_INTERVAL_MS = 60_000;

/** How often presence is reconciled with LiveKit (covers LiveKit restarts and lost webhooks). */
const PRESENCE_SWEEP_INTERVAL_MS = 10_000;

/** The composition root: wires stores, engine, LiveKit, HTTP and Socket.IO. */
export function createApp(deps: AppDeps): App {
  const { clock, settings } = deps;
  // Every line the app logs names its event (and, inside a request, the participant and correlation id).
  const log = deps.log.child({ eventId: deps.event.id });
  const people = new SqlitePeopleStore(deps.db);
  const chat = new SqliteChatStore(deps.db);
  const agendaStore = new SqliteAgendaStore(deps.db);
  const agenda = deps.cluster?.agenda ?? new LiveAgenda(deps.event, agendaStore, clock, deps.scheduler, log);
  const eventFile = agenda.isShared ? { ...CLUSTER_EVENT_FILE } : applyEventFileChanges(agenda, deps.event, new SqliteMetaStore(deps.db), log);
  void rehearseIfDue(agenda, settings.rehearsal ?? 'off', clock.now(), log);
  const credentials = new Credentials(settings.sessionSecret, people, clock, { eventId: deps.event.id, acceptUnscoped: settings.acceptUnscopedCredentials ?? true });
  const presence = new Presence(agenda.state.event.id, agendaPosition(agenda.state.phase));
  // Reaches the other nodes' connections through the transport, built further down.
  let sessionEnder: SessionEnder | null = null;
  const sessions = new Sessions(() => sessionEnder);
  const metrics = settings.metricsToken ? createEventMetrics({ sessions, presence, state: () => agenda.state, clock }) : null;
  const limiter = createRequestLimiter(settings.requestsPerSecond);
  const limits = deps.cluster?.limiters ?? memoryLimiters;
  // The live segment sends through the transport, which is built once the routes are mounted.
  const liveSegment = createLiveSegment({ db: deps.db, transport: () => transport, state: () => agenda.state, clock, scheduler: deps.scheduler, log, limiter, limits });
  const roomNotes = createRoomNotes({ db: deps.db, transport: () => transport, state: () => agenda.state, clock, log, limiter });
  const around = createAroundTheEvent({
    db: deps.db, agenda, agendaStore, chat, people, credentials, presence, sessions, clock, scheduler: deps.scheduler, log,
    publicUrl: settings.publicUrl, smtpUrl: settings.smtpUrl, mailFrom: settings.mailFrom, liveSegmentData: liveSegment.personalData,
    // The lifecycle is built after the routes' owners; its sequence is read when a calendar file is asked for.
    calendarSequence: () => lifecycle.sequence(),
  });

  const web = express();
  web.disable('x-powered-by');
  web.use(correlationIds());
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
    checks: {
      livekitHttpUrl: settings.preEventCheck?.livekitHttpUrl ?? deps.livekit.url.replace(/^ws/, 'http'),
      livekitConfigFile: settings.preEventCheck?.livekitConfigFile ?? null,
      dataDir: settings.preEventCheck?.dataDir ?? (settings.backups ? dirname(settings.backups.dir) : tmpdir()),
      publicUrl: settings.publicUrl, mailFrom: settings.mailFrom ?? `no-reply@${new URL(settings.publicUrl).hostname}`,
      eventTitle: () => agenda.state.event.title,
    },
  });
  web.use(operations.router);
  web.use(metricsRoute(metrics, settings.metricsToken ?? null, log));
  web.use(webhookRoutes({ ...settings.webhook, presences: () => [presence], log, now: () => clock.now() }));
  const lifecycle = new EventLifecycleService({
    agenda, meta: new SqliteMetaStore(deps.db), people, credentials, mailer: around.mailer, clock, publicUrl: settings.publicUrl, log,
    mailFrom: settings.mailFrom ?? `no-reply@${new URL(settings.publicUrl).hostname}`,
  });
  const registration = new Registration({
    agenda, people, credentials, clock, publicUrl: settings.publicUrl, mailer: around.mailer, log, registered: (kind) => metrics?.registered(kind), lifecycle,
    closedByOrganiser: settings.closedByOrganiser,
  });
  web.use(eventRoutes({ agenda, clock, placesLeft: () => registration.placesLeft(), closedBecause: () => registration.closedBecause(), lifecycle }));
  web.use(lifecycleRoutes({ lifecycle, credentials }));
  web.use(registrationRoutes({ registration, credentials, event: () => agenda.state.event, limits: settings.registrationLimits, limiters: limits }));
  web.use(around.router);
  // Filled once the transport exists (slides changes are broadcast), mounted here before the catch-all.
  const presentingRoutes = Router();
  web.use(presentingRoutes);
  web.use(questionRoutes({ board: liveSegment.questions, credentials, state: () => agenda.state }));
  web.use(pollRoutes({ board: liveSegment.polls, credentials, state: () => agenda.state }));
  web.use(transcriptRoutes({ store: liveSegment.captionStore, credentials, state: () => agenda.state }));
  web.use(roomNotesRoutes({ board: roomNotes.board, credentials, state: () => agenda.state }));
  web.use(facilitatorRoutes({ invites: new FacilitatorInvites({ agenda, people, credentials, sessions, clock, publicUrl: settings.publicUrl }), credentials }));
  web.use(staticClient(settings.clientDist));
  web.use((_req, res) => res.status(404).json({ code: 'not_found', message: 'No such page.' }));
  web.use(jsonErrorHandler(log));

  const http = createServer(web);
  const { io, transport, serve, sessionEnder: ender } = createSocketIoTransport(http, { credentials, allowedOrigins: settings.allowedOrigins, log, admit: (id) => registration.admit(id), adapter: deps.cluster?.ioAdapter });
  sessionEnder = ender;
  const presenting = createPresenting({ db: deps.db, sessions, transport, clock, state: () => agenda.state });
  const actionLog = new ActionLog(new SqliteActionLogStore(deps.db), transport, () => agenda.state);
  actionLog.follow(agenda);
  presentingRoutes.use(slidesRoutes({ slides: presenting.slides, credentials }));
  const chatMembership = new ChatMembership({ sessions, state: () => agenda.state });
  if (metrics) countSocketPackets(io, metrics);
  const assignments = new Assignments({
    livekit: deps.livekit, clock, sessions, log, state: () => agenda.state,
    cueAssigned: ({ elapsedMs, moved }) => {
      metrics?.cueAssigned(elapsedMs);
      metrics?.moves('delivered', moved);
    },
  });
  const moveProgress = new MoveProgressBook();
  const moveProgressOf = (id: string) => moveProgress.of(id);
  const roster = new RosterPublisher(transport, () => rosterOf(agenda.state, presence, sessions, moveProgressOf), clock, deps.scheduler, { transport, state: () => agenda.state });
  presence.onChange((identity) => {
    roster.changed();
    around.presenceChanged(identity);
  });
  const ghosts = new GhostSweeper({ livekit: deps.livekit, presence, clock, log, state: () => agenda.state });
  const followAdopted = followAdoptedStates({ assignments, chat: chatMembership, roster, sessions, presence, log });
  const runEffects = createEffectRunner({ transport, chat: chatMembership, assignments, livekit: deps.livekit, sessions, people, roster, ghosts, clock, log });
  agenda.start(around.wrapEffects((effects, before, after) => {
    runEffects(effects, before, after);
    roomNotes.agendaMoved(before, after);
    // Pre-joined connections to the phase that starts now count from here on (shared/src/preJoin.ts).
    if (before.phase !== after.phase) presence.agendaMoved(agendaPosition(after.phase));
    // Staff an event edit adds are admitted after this step has finished (not inside it).
    if (effects.some((e) => e.type === 'eventChanged')) queueMicrotask(() => void admitStaff(agenda, people, clock));
    // A removal or a larger registration cap frees places for the waiting list.
    if (effects.some((e) => e.type === 'removed' || e.type === 'eventChanged')) queueMicrotask(() => registration.fillFreedPlaces());
  }));
  agenda.onAdopted((before, after) => {
    followAdopted(before, after);
    around.agendaAdopted(before, after);
  });
  void admitStaff(agenda, people, clock);
  around.start();
  operations.start();

  const chatLimiter = limits('chat', settings.chatPerSecond ?? 3, 1);
  const helpLimiter = limits('help', HELP_REQUESTS_PER_MINUTE, 60);
  serve(connections({
    transport, agenda, assignments, livekit: deps.livekit, chat, clock, log, limiter, chatLimiter, helpLimiter, limits, sessions, presence, roster, chatMembership,
    watchers: [around.connectionWatcher], presenting, liveSegment, roomNotes, moveProgressOf, actionLog,
    // Clients report how each move goes: the log is where operators and the benchmark read them,
    // the roster where moderators see who is still on the way.
    moveReports: (report) => {
      log.info(report, 'move reported');
      if (report.outcome !== 'started') metrics?.moves(report.outcome ?? 'connected', 1, report.cueToConnectedMs, report.preJoined);
      if (moveProgress.record(report.participantId, report, report.at, phaseKey(agenda.state.phase))) roster.changed();
    },
    observer: metrics ?? undefined,
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
  every(PRESENCE_SWEEP_INTERVAL_MS, 'presence reconcile', async () => metrics?.ghostsRemoved((await ghosts.sweep()).length));
  // Deleting the data of someone who never joined frees a place without an agenda step.
  every(WAITING_LIST_SWEEP_INTERVAL_MS, 'waiting list', async () => registration.fillFreedPlaces());

  return {
    http, io, agenda, people, credentials, presence, around, eventFile, operations, lifecycle, metrics,
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
