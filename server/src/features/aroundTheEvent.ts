import { Router } from 'express';
import type { AgendaState } from '@live-workshop/shared';
import type { Database } from 'better-sqlite3';
import type { AgendaStore } from '../live/agenda/agendaStore.js';
import type { EffectListener, LiveAgenda } from '../live/agenda/liveAgenda.js';
import type { ChatStore } from '../live/chat/chatStore.js';
import { transactionOf } from '../platform/db/db.js';
import { SqliteMetaStore } from '../platform/db/metaStore.js';
import type { Presence } from '../live/agenda/presence.js';
import { AttendanceRecorder } from './attendance/attendanceRecorder.js';
import { attendanceRoutes } from './attendance/attendanceRoutes.js';
import { AttendanceService } from './attendance/attendanceService.js';
import { SqliteAttendanceStore } from './attendance/attendanceStore.js';
import type { Credentials } from '../people/credentials/credentials.js';
import { Autopilot } from './autopilot/autopilot.js';
import { autopilotRoutes } from './autopilot/autopilotRoutes.js';
import { certificateRoutes } from './certificates/certificateRoutes.js';
import { CertificateService } from './certificates/certificateService.js';
import { SqliteCertificateStore } from './certificates/certificateStore.js';
import { SigningKeys } from './certificates/signingKey.js';
import { SqliteSigningKeyStore } from './certificates/signingKeyStore.js';
import { eventEditRoutes } from './eventSetup/eventEditRoutes.js';
import { EventSetupService } from './eventSetup/eventSetupService.js';
import type { Log } from '../platform/log.js';
import type { Clock, Scheduler } from '../platform/clock.js';
import { PersonalData } from './privacy/personalData.js';
import { privacyRoutes } from './privacy/privacyRoutes.js';
import { Retention } from './privacy/retention.js';
import type { Sessions } from '../live/realtime/sessions.js';
import type { ConnectionWatcher } from '../live/realtime/connection.js';
import { createJoinLinkMailer, type JoinLinkMailer } from '../people/registration/joinLinkMail.js';
import { moderatorPeopleRoutes } from '../people/registration/moderatorPeopleRoutes.js';
import { registrationInfoRoutes } from '../people/registration/registrationInfoRoutes.js';
import type { PeopleStore } from '../people/peopleStore.js';
import { AgendaObservers } from '../live/lifecycle/agendaObservers.js';
import type { LiveSegmentPersonalData } from '../live/segment/liveSegment.js';

/** What the modules around the live event need from the composition root. */
export interface AroundTheEventDeps {
  readonly db: Database;
  readonly agenda: LiveAgenda;
  readonly agendaStore: AgendaStore;
  readonly chat: ChatStore;
  readonly people: PeopleStore;
  readonly credentials: Credentials;
  readonly presence: Presence;
  readonly sessions: Sessions;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly log: Log;
  readonly publicUrl: string;
  /** SMTP server for join-link mails (nodemailer URL): the only way a join link reaches an attendee. */
  readonly smtpUrl: string;
  readonly mailFrom?: string;
  /** The live segment's part of a person's data (questions, votes, captions). */
  readonly liveSegmentData?: LiveSegmentPersonalData;
  /** The calendar entry's SEQUENCE now (one higher per change of plan). */
  readonly calendarSequence?: () => number;
}

/** Registration extras, event set-up, autopilot, attendance, certificates and privacy, wired together. */
export interface AroundTheEvent {
  /** Every HTTP route of these modules; mount before the client's catch-all. */
  readonly router: Router;
  readonly mailer: JoinLinkMailer;
  readonly attendance: AttendanceService;
  readonly certificates: CertificateService;
  readonly autopilot: Autopilot;
  readonly personalData: PersonalData;
  /** The agenda's effect runner, followed by these modules' observers. */
  wrapEffects(runner: EffectListener): EffectListener;
  /** A node of a cluster adopted the agenda another node saved: re-plan the autopilot and retention (attendance was recorded there). */
  agendaAdopted(before: AgendaState, after: AgendaState): void;
  /** Presence (LiveKit) changed for one identity. */
  presenceChanged(identity: string): void;
  /** Attendance follows connections opening and closing. */
  readonly connectionWatcher: ConnectionWatcher;
  /** Start timers (autopilot, retention) and close what a previous run left open; after staff are admitted. */
  start(): void;
  stop(): void;
}

/** Build the modules around the live event. */
export function createAroundTheEvent(deps: AroundTheEventDeps): AroundTheEvent {
  const { db, agenda, clock, scheduler, log, credentials, publicUrl } = deps;
  const state = () => agenda.state;
  const observers = new AgendaObservers(log);
  const attendanceStore = new SqliteAttendanceStore(db);
  const recorder = new AttendanceRecorder({ store: attendanceStore, presence: deps.presence, clock, state });
  const attendance = new AttendanceService({ store: attendanceStore, people: deps.people, clock, state });
  const keys = new SigningKeys(new SqliteSigningKeyStore(db), clock);
  const certificateStore = new SqliteCertificateStore(db);
  const certificates = new CertificateService({ keys, store: certificateStore, people: deps.people, attendance, state, clock, publicUrl });
  const personalData = new PersonalData({
    agenda, agendaStore: deps.agendaStore, people: deps.people, chat: deps.chat, transaction: transactionOf(db), attendanceStore, attendance, recorder, certificates: certificateStore, sessions: deps.sessions, log,
    ...(deps.liveSegmentData ? { liveSegment: deps.liveSegmentData } : {}) });
  const meta = new SqliteMetaStore(db);
  const retention: Retention = new Retention({
    meta, state, clock, scheduler, log,
    purge: () => {
      personalData.purgeAttendees();
      retention.purged();
    },
  });
  const autopilot = new Autopilot({ agenda, meta, clock, scheduler, log });
  const mailer = createJoinLinkMailer(deps.smtpUrl, deps.mailFrom ?? `no-reply@${new URL(publicUrl).hostname}`, log);

  observers.subscribe((before, after) => {
    recorder.agendaChanged(before, after);
    if (before.version !== after.version) autopilot.arm();
    if (before.phase.kind !== after.phase.kind) retention.arm();
  });

  const router = Router();
  router.use(
    registrationInfoRoutes({ state, credentials, clock, publicUrl, languageOf: (id) => deps.people.get(id)?.language ?? null, ...(deps.calendarSequence ? { calendarSequence: deps.calendarSequence } : {}) }),
    moderatorPeopleRoutes({ state, people: deps.people, credentials, sessions: deps.sessions, clock, publicUrl }),
    eventEditRoutes({ eventSetup: new EventSetupService(agenda), credentials }),
    autopilotRoutes({ autopilot, credentials }),
    attendanceRoutes({ attendance, credentials, state }),
    certificateRoutes({ certificates, keys, credentials, state, publicUrl }),
    privacyRoutes({ personalData, retention, credentials, state }),
  );

  return {
    router, mailer, attendance, certificates, autopilot, personalData,
    wrapEffects: (runner) => observers.wrap(runner),
    agendaAdopted: (before, after) => {
      if (before.version !== after.version) autopilot.arm();
      if (before.phase.kind !== after.phase.kind) retention.arm();
    },
    presenceChanged: (identity) => recorder.presenceChanged(identity),
    connectionWatcher: { opened: (id) => recorder.socketOpened(id), closed: (id) => recorder.socketClosed(id) },
    start() {
      recorder.start();
      autopilot.arm();
      retention.arm();
    },
    stop() {
      autopilot.stop();
      retention.stop();
      attendanceStore.flush();
      mailer.close();
    },
  };
}
