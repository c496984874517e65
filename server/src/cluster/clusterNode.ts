// One node of a cluster (DATABASE_URL set, and REDIS_URL for Socket.IO, sessions and rate limits):
// what main.ts opens before the app (the shared agenda from PostgreSQL, the Redis adapter and
// limits) and starts after it (following the other nodes' saves, holding the event's lease), and
// closes at shutdown. Without DATABASE_URL none of this runs: one node on the SQLite data file, as
// `npm start` always did.
import pg from 'pg';
import type { ServerOptions } from 'socket.io';
import type { EventConfig } from '@live-workshop/shared';
import { LiveAgenda } from '../live/agenda/liveAgenda.js';
import { PostgresAgendaStore } from '../live/agenda/postgresAgendaStore.js';
import type { Clock, Scheduler } from '../platform/clock.js';
import { migratePostgres } from '../platform/db/postgresMigrations.js';
import type { Log } from '../platform/log.js';
import { redisLimiters, type Limiters } from '../platform/rateLimits.js';
import { followSharedAgenda, type AgendaFollower } from './agendaFollower.js';
import { EventLeases } from './eventLease.js';
import { newNodeId, startEventOwnership, type EventOwnership } from './eventOwnership.js';
import { connectRedisAdapter, type RedisAdapter } from './redisAdapter.js';

/** How long a command waits for a pooled connection, or a query for its answer, before it is refused as unavailable. */
const CONNECT_TIMEOUT_MS = 2_000;
const QUERY_TIMEOUT_MS = 5_000;

export interface ClusterNode {
  readonly nodeId: string;
  readonly agenda: LiveAgenda;
  readonly ioAdapter: ServerOptions['adapter'] | undefined;
  /** The per-person and registration limits counted in Redis (REDIS_URL); undefined: each node counts in memory. */
  readonly limiters: Limiters | undefined;
  /** Follow the other nodes and ask for the event's lease; `ownershipChanged` re-plans what only the owner runs (the autopilot). */
  start(ownershipChanged: (owned: boolean) => void): void;
  /** Whether this node owns the event now. */
  owns(): boolean;
  close(): Promise<void>;
}

/** Connect to PostgreSQL (migrating it) and Redis, and open the shared agenda; a clear error when either cannot be reached. */
export async function openClusterNode(opts: {
  databaseUrl: string; redisUrl?: string | undefined; event: EventConfig; clock: Clock; scheduler: Scheduler; log: Log;
}): Promise<ClusterNode> {
  const { log } = opts;
  const nodeId = newNodeId();
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS });
  // An idle connection the database drops (a restart) must not end the process; the next query opens another.
  pool.on('error', (err) => log.warn({ err }, 'an idle PostgreSQL connection failed'));
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`PostgreSQL at ${redact(opts.databaseUrl)} cannot be used: ${err instanceof Error ? err.message : String(err)}`);
  }
  const store = new PostgresAgendaStore(pool, opts.event.id);
  const agenda = await LiveAgenda.openShared(opts.event, store, opts.clock, opts.scheduler, log);
  let redis: RedisAdapter | null = null;
  if (opts.redisUrl) {
    try {
      redis = await connectRedisAdapter(opts.redisUrl);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
  }
  let follower: AgendaFollower | null = null;
  let ownership: EventOwnership | null = null;
  log.info({ node: nodeId, redis: redis !== null }, 'cluster node: agenda in PostgreSQL');
  return {
    nodeId, agenda, ioAdapter: redis?.adapter, limiters: redis ? redisLimiters(redis.client, opts.event.id) : undefined,
    start(ownershipChanged) {
      follower = followSharedAgenda({ databaseUrl: opts.databaseUrl, eventId: opts.event.id, agenda, stamp: () => store.stamp(), log });
      ownership = startEventOwnership({ leases: new EventLeases(pool), eventId: opts.event.id, nodeId, agenda, log, changed: ownershipChanged });
    },
    owns: () => ownership?.owned() ?? false,
    async close() {
      await ownership?.stop();
      await follower?.stop();
      await redis?.close().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}

/** A connection URL without its password, for messages. */
const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
