// Two real app-node processes (`node --import tsx server/src/main.ts`, as `npm start` runs it) on
// one PostgreSQL, one Redis and one LiveKit, all started here on loopback, and signalling
// attendees (real Socket.IO clients) spread over both nodes through failover proxies: half prefer
// node A, half node B, and each reconnects to the other when its node is gone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EVENTS } from '@live-workshop/shared';
import {
  freeTcpPort, readEventFile, register, startFailoverProxy, startLiveKitServer, startPostgres, startRedis, startServerProcess, TestClient,
  type FailoverProxy, type RunningLiveKit, type RunningPostgres, type RunningRedis, type ServerProcess,
} from '@live-workshop/testkit';
import { SEED_EVENT_FILE } from './harness.js';

/** One attendee: who, through which proxy, and their client. */
export interface ClusterAttendee {
  readonly id: string;
  readonly credential: string;
  readonly prefers: 'a' | 'b';
  readonly client: TestClient;
}

export interface Cluster {
  readonly postgres: RunningPostgres;
  /** The Redis of the moment (a new process after `restartRedis`). */
  readonly redis: RunningRedis;
  /** Stop Redis and start it again on the same port, empty (it keeps nothing on disk). */
  restartRedis(): Promise<void>;
  readonly livekit: RunningLiveKit;
  readonly nodes: { a: ServerProcess; b: ServerProcess };
  readonly proxies: { a: FailoverProxy; b: FailoverProxy };
  readonly db: pg.Pool;
  /** The app node holding the event's lease, by its process id in the lease's holder name; null when none does. */
  owner(): Promise<'a' | 'b' | null>;
  /** Moderators (the event file's first two), one preferring each node. */
  moderators(): Promise<[TestClient, TestClient]>;
  /** Register `count` attendees through node A's form and mail, and connect them alternately through both proxies. */
  attendees(count: number): Promise<ClusterAttendee[]>;
  close(): Promise<void>;
}

/** The seed workshop with short breakouts (so their deadline comes during the test) and a warning before the end. */
function shortBreakoutsEvent(dir: string, breakoutMinutes: number, warningSeconds: number): string {
  const event = readEventFile(SEED_EVENT_FILE);
  const edited = {
    ...event, breakoutWarningSeconds: warningSeconds,
    agenda: event.agenda.map((item) => (item.kind === 'breakouts' ? { ...item, durationMinutes: breakoutMinutes } : item)),
  };
  const file = join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(edited));
  return file;
}

/** Start the engines and both nodes (A first, so it creates the shared agenda and plans the rehearsal). */
export async function startCluster(opts: { breakoutMinutes?: number; warningSeconds?: number; env?: Record<string, string> } = {}): Promise<Cluster> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const clients: TestClient[] = [];
  try {
    const [postgres, firstRedis] = await Promise.all([startPostgres(), startRedis()]);
    let redis = firstRedis;
    cleanups.push(() => postgres.stop(), () => redis.stop());
    const [portA, portB] = [await freeTcpPort(), await freeTcpPort()];
    const livekit = await startLiveKitServer({ webhookUrl: `http://127.0.0.1:${portA}/livekit/webhook` });
    cleanups.push(() => livekit.stop());
    const dir = mkdtempSync(join(tmpdir(), 'lw-cluster-'));
    const env = {
      DATABASE_URL: postgres.url, REDIS_URL: redis.url,
      LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret,
      SESSION_SECRET: 'cluster-test-session-secret-000', CLIENT_DIST: '/nonexistent', BACKUP_INTERVAL_MINUTES: '0',
      // People and registrations are still in the SQLite data file: the two nodes on this host share it.
      DATA_DIR: join(dir, 'data'), EVENT_FILE: shortBreakoutsEvent(dir, opts.breakoutMinutes ?? 1, opts.warningSeconds ?? 20),
      ...opts.env,
    };
    const a = await startServerProcess({ ...env, PORT: String(portA) }, 60_000);
    cleanups.push(() => a.kill('SIGKILL'));
    const b = await startServerProcess({ ...env, PORT: String(portB) }, 60_000);
    cleanups.push(() => b.kill('SIGKILL'));
    const proxies = { a: await startFailoverProxy([portA, portB]), b: await startFailoverProxy([portB, portA]) };
    cleanups.push(() => proxies.a.close(), () => proxies.b.close());
    // Bounded like the nodes' own pool: a connect made while PostgreSQL shuts down or starts up fails
    // instead of waiting for ever (the outage test's hang was elsewhere: an unanswered command).
    const db = new pg.Pool({ connectionString: postgres.url, max: 2, connectionTimeoutMillis: 2_000, query_timeout: 5_000 });
    // The outage test cuts its idle connections too.
    db.on('error', () => undefined);
    cleanups.push(() => db.end());
    const nodes = { a, b };
    const connect = async (prefers: 'a' | 'b', credential: string) => {
      const client = new TestClient(proxies[prefers].url, credential, undefined, { reconnection: true });
      clients.push(client);
      await client.connected();
      await client.next(EVENTS.agendaChanged, () => true, 20_000);
      return client;
    };
    const credentialOf = (url: string) => url.split('/join/')[1]!;
    return {
      postgres, livekit, nodes, proxies, db,
      get redis() {
        return redis;
      },
      async restartRedis() {
        await redis.stop();
        redis = await startRedis({ port: redis.port });
      },
      async owner() {
        const { rows } = await db.query<{ holder: string }>('SELECT holder FROM event_leases WHERE expires_at >= now()');
        const pid = rows[0]?.holder.split(':')[1];
        if (!pid) return null;
        return pid === String(a.child.pid) ? 'a' : pid === String(b.child.pid) ? 'b' : null;
      },
      async moderators() {
        const links = a.links.filter((l) => l.role === 'moderator');
        return [await connect('a', credentialOf(links[0]!.url)), await connect('b', credentialOf(links[1]!.url))];
      },
      async attendees(count) {
        const preferences = ['skills', 'trust', 'global', 'uncharted'];
        const made: ClusterAttendee[] = [];
        // A few registrations at a time: each is a form post, a mail and a confirmation.
        for (let start = 0; start < count; start += 10) {
          const batch = await Promise.all(Array.from({ length: Math.min(10, count - start) }, async (_, k) => {
            const i = start + k;
            const { body } = await register(a.url, { name: `Attendee ${i}`, email: `attendee${i}@example.org`, preferences: [preferences[i % 4]!] });
            const prefers = i % 2 === 0 ? 'a' as const : 'b' as const;
            return { id: body.participantId, credential: body.credential, prefers, client: await connect(prefers, body.credential) };
          }));
          made.push(...batch);
        }
        return made;
      },
      async close() {
        for (const c of clients) c.close();
        for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      },
    };
  } catch (err) {
    for (const c of clients) c.close();
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    throw err;
  }
}
