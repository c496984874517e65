// Many events on one server. The design, in five lines:
// - An event is exactly what one server served before: one composition (createApp, app.ts) with
//   its own live agenda, people, links, timers, retention, backups and SQLite file
//   (DATA_DIR/<event id>.sqlite). The EventHost is a registry that builds those on demand and
//   keeps them by event id; nothing is shared between two compositions but the process, the
//   LiveKit server (rooms are named from the event id) and the session secret (credentials name
//   their event, `aud`, and are refused by any other: people/credentials/credentials.ts).
// - Addresses: the event `x` is served under /e/x/… (its pages, /e/x/api/…, its Socket.IO at
//   /e/x/socket.io); hostServer.ts strips the prefix and hands the request to that composition's
//   own HTTP server object (never listening), so each event's routes and Socket.IO server are the
//   ones a single-event server has. The default event (`--event FILE`) is also served at / as
//   before, so its links and every tool that speaks to / keep working.
// - The catalogue (catalogue.ts, DATA_DIR/deployment.db) records which events exist, from what,
//   and which are archived; organisers (organiserCredentials.ts) create, duplicate, archive and
//   delete them (organiserRoutes.ts). Active events are opened at start, so their deadlines,
//   autopilot and retention run; archived ones when first asked for.
// - Archived: the page and links still work (certificates, data downloads), registration is closed.
// - Deleting an event's data (archived events only) closes its composition and removes its
//   database file and backups: nothing of another event is touched.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eventConfigSchema, eventTiming, type EventConfig, type HostedEventStatus, type HostedEventSummary, type HostedStaffLink } from '@live-workshop/shared';
import type { Database } from 'better-sqlite3';
import type { App } from '../app.js';
import { listBackups } from '../features/operations/backups.js';
import { openDatabase } from '../platform/db/db.js';
import { fieldErrorsOf } from '../platform/httpErrors.js';
import type { Clock } from '../platform/clock.js';
import type { Log } from '../platform/log.js';
import type { Catalogue, HostedEventRecord, HostedEventSource } from './catalogue.js';

/** Where one event lives in the deployment: what its composition is built with. */
export interface EventPlace {
  /** The event's own base URL (`PUBLIC_URL` for the default event, `PUBLIC_URL/e/<id>` for the others): its links start here. */
  readonly publicUrl: string;
  /** Its SQLite file, opened (and migrated) by the host, which closes it when the event's data is deleted. */
  readonly db: Database;
  readonly dbPath: string;
  readonly isDefault: boolean;
  /** Why registration is closed by the organisers (archived), or null. */
  readonly closedByOrganiser: () => string | null;
}

/** Builds one event's composition (createApp with the deployment's ports and settings). */
export type EventAppFactory = (event: EventConfig, place: EventPlace) => App;

/** Why the host refused an organiser's request, in words (mapped to HTTP by the routes). */
export type HostRefusal = { readonly ok: false; readonly reason: 'not_found' | 'conflict' | 'invalid'; readonly message: string; readonly fieldErrors?: Record<string, string> };

/** Words for an archived event's registration. */
export const ARCHIVED_WORDS = 'This event has been archived by its organisers; registration is closed.';

export interface EventHostDeps {
  readonly catalogue: Catalogue;
  readonly build: EventAppFactory;
  /** The event of `--event FILE`: served at / too. */
  readonly defaultEvent: EventConfig;
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly log: Log;
}

/** The registry of the deployment's events and their running compositions. */
export class EventHost {
  private readonly open = new Map<string, { app: App; db: Database }>();
  private readonly archived = new Set<string>();
  readonly defaultId: string;

  constructor(private readonly deps: EventHostDeps) {
    this.defaultId = deps.defaultEvent.id;
  }

  /** Record the default event and open every active event. */
  start(): void {
    const { catalogue, defaultEvent, clock } = this.deps;
    catalogue.recordDefault(defaultEvent, clock.now());
    for (const record of catalogue.events()) {
      if (record.archivedAt !== null) this.archived.add(record.id);
      else this.appOf(record.id);
    }
  }

  /** The default event's composition. */
  get defaultApp(): App {
    return this.appOf(this.defaultId)!;
  }

  /** An event's composition, built on first use; null when the deployment has no such event. */
  appOf(id: string): App | null {
    const running = this.open.get(id);
    if (running) return running.app;
    const record = this.deps.catalogue.event(id);
    if (!record) return null;
    const isDefault = id === this.defaultId;
    const dbPath = this.dbPathOf(id);
    const db = openDatabase(dbPath);
    let app: App;
    try {
      app = this.deps.build(isDefault ? this.deps.defaultEvent : record.config, {
        publicUrl: this.urlOf(id), db, dbPath, isDefault,
        closedByOrganiser: () => (this.archived.has(id) ? ARCHIVED_WORDS : null),
      });
    } catch (err) {
      db.close();
      throw err;
    }
    this.open.set(id, { app, db });
    this.deps.log.info({ eventId: id, open: this.open.size }, 'event opened');
    return app;
  }

  /** The compositions running now. */
  openApps(): App[] {
    return [...this.open.values()].map((o) => o.app);
  }

  /** The compositions running now, by event id. */
  openEntries(): { id: string; app: App }[] {
    return [...this.open.entries()].map(([id, o]) => ({ id, app: o.app }));
  }

  /** The event page of an event. */
  urlOf(id: string): string {
    return id === this.defaultId ? this.deps.publicUrl : `${this.deps.publicUrl}/e/${id}`;
  }

  /** Every event, newest date first, as the organiser home lists them. */
  list(): HostedEventSummary[] {
    return this.deps.catalogue.events().map((r) => this.summaryOf(r)).sort((a, b) => `${b.date} ${b.start}`.localeCompare(`${a.date} ${a.start}`));
  }

  /** Add an event (validated already, or validated here) and open it; its staff's links come back. */
  async create(input: unknown, source: HostedEventSource, organiserId: string): Promise<{ ok: true; event: HostedEventSummary; links: HostedStaffLink[] } | HostRefusal> {
    const parsed = eventConfigSchema.safeParse(input);
    if (!parsed.success) return { ok: false, reason: 'invalid', message: 'The event has problems; see each field.', fieldErrors: fieldErrorsOf(parsed.error) };
    const event = parsed.data;
    // LiveKit room names are `<event id>--<room>`: an id with `--` could read as another event's room.
    if (event.id.includes('--')) return { ok: false, reason: 'invalid', message: 'The event id cannot contain "--".', fieldErrors: { id: 'no "--" in an event id (it separates the event from the room in LiveKit room names)' } };
    // Data of an event the catalogue does not know (a deployment database removed by hand) is never taken over by a newcomer.
    if (!this.deps.catalogue.event(event.id) && existsSync(this.dbPathOf(event.id))) {
      return { ok: false, reason: 'conflict', message: `The data folder still holds the data of an event "${event.id}"; give the new one another id.`, fieldErrors: { id: 'taken by earlier data in the data folder' } };
    }
    if (!this.deps.catalogue.add({ id: event.id, config: event, source, createdAt: this.deps.clock.now(), createdBy: organiserId })) {
      return { ok: false, reason: 'conflict', message: `There is already an event "${event.id}"; give the new one another id.`, fieldErrors: { id: 'taken by another event' } };
    }
    let app: App;
    try {
      app = this.appOf(event.id)!;
    } catch (err) {
      // An event that cannot be opened is not kept: the catalogue lists only events that run.
      this.deps.catalogue.remove(event.id);
      throw err;
    }
    this.deps.log.info({ eventId: event.id, source, organiserId }, 'event created');
    return { ok: true, event: this.summaryOf(this.deps.catalogue.event(event.id)!), links: await this.linksOf(app) };
  }

  /** A copy of an event as it is now (its latest edits; a rehearsal's date, no longer marked as one), under a new id. */
  async duplicate(id: string, copy: { id: string; date?: string | undefined }, organiserId: string) {
    const app = this.appOf(id);
    if (!app) return notFound(id);
    const { rehearsalOf: _rehearsalOf, ...current } = app.agenda.state.event;
    const event = { ...current, id: copy.id, ...(copy.date ? { date: copy.date } : {}) };
    return this.create(event, 'duplicate', organiserId);
  }

  /** Stop taking registrations for an event; its page, links and data stay. */
  archive(id: string): { ok: true; event: HostedEventSummary } | HostRefusal {
    if (!this.deps.catalogue.event(id)) return notFound(id);
    if (id === this.defaultId) return { ok: false, reason: 'conflict', message: 'This is the deployment\'s default event (served at /); start the server with another --event before archiving it.' };
    this.deps.catalogue.archive(id, this.deps.clock.now());
    this.archived.add(id);
    return { ok: true, event: this.summaryOf(this.deps.catalogue.event(id)!) };
  }

  /** Delete everything of one archived event: its composition, database and backups. */
  async deleteData(id: string): Promise<{ ok: true } | HostRefusal> {
    const record = this.deps.catalogue.event(id);
    if (!record) return notFound(id);
    if (record.archivedAt === null) return { ok: false, reason: 'conflict', message: 'Archive the event first: only an archived event\'s data can be deleted.' };
    const running = this.open.get(id);
    this.open.delete(id);
    if (running) await closeOpenEvent(running);
    const dbPath = this.dbPathOf(id);
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(file, { force: true });
    const backups = join(this.deps.dataDir, 'backups');
    for (const f of listBackups(backups, id)) rmSync(join(backups, f), { force: true });
    this.deps.catalogue.remove(id);
    this.archived.delete(id);
    this.deps.log.info({ eventId: id }, 'event data deleted');
    return { ok: true };
  }

  /** Fresh personal links of an event's staff (moderators first). */
  async links(id: string): Promise<{ ok: true; links: HostedStaffLink[] } | HostRefusal> {
    const app = this.appOf(id);
    return app ? { ok: true, links: await this.linksOf(app) } : notFound(id);
  }

  async close(): Promise<void> {
    const running = [...this.open.values()];
    this.open.clear();
    await Promise.all(running.map(closeOpenEvent));
  }

  private async linksOf(app: App): Promise<HostedStaffLink[]> {
    return (await app.staffLinks()).map(({ id, role, name, url }) => ({ id, role, name, url }));
  }

  private dbPathOf(id: string): string {
    return join(this.deps.dataDir, `${id}.sqlite`);
  }

  private summaryOf(record: HostedEventRecord): HostedEventSummary {
    const app = this.open.get(record.id)?.app;
    const event = app?.agenda.state.event ?? record.config;
    const now = this.deps.clock.now();
    const phase = app?.agenda.state.phase.kind ?? 'scheduled';
    const status: HostedEventStatus = phase === 'ended' ? 'past' : phase !== 'scheduled' ? 'live' : eventTiming(event, now) === 'over' ? 'past' : 'upcoming';
    return {
      id: record.id, title: event.title, date: event.date, start: event.start, end: event.end, timeZone: event.timeZone, status,
      archived: record.archivedAt !== null, isDefault: record.id === this.defaultId, url: this.urlOf(record.id),
      attendees: app ? app.people.list('attendee').filter((p) => p.removedAt === null).length : null,
    };
  }
}

/**
 * Close an event's composition, then its database: writes its closing sockets queued (attendance
 * is committed in groups, on the next turn of the event loop) land first.
 */
async function closeOpenEvent(open: { app: App; db: Database }): Promise<void> {
  await open.app.close();
  await new Promise((resolve) => setImmediate(resolve));
  open.db.close();
}

const notFound = (id: string): HostRefusal => ({ ok: false, reason: 'not_found', message: `No event "${id}" on this server.` });
