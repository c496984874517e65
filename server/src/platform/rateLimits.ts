// The app's rate limits (rate-limiter-flexible): in this process for one node, in Redis for a
// cluster (REDIS_URL), so that a person's budget — or an address's registrations — is one count
// whichever node their requests reach. Limits keyed by a socket id stay in memory even in a
// cluster (createRequestLimiter): a connection lives on one node, so Redis would only add a round
// trip to every request.
import type { Store } from 'express-rate-limit';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** A budget of points per duration, counted by key (a participant id, an address). */
export type Limiter = RateLimiterAbstract;

/** Makes each named limit: `points` per `durationSeconds`. Names are unique within an event. */
export interface Limiters {
  (name: string, points: number, durationSeconds: number): Limiter;
  /** Whether the counts are shared by every node (Redis). */
  readonly shared: boolean;
}

/** One node: counts in this process. */
export const memoryLimiters: Limiters = Object.assign(
  (_name: string, points: number, durationSeconds: number): Limiter => new RateLimiterMemory({ points, duration: durationSeconds }),
  { shared: false },
);

/**
 * A cluster: counts in Redis under `lw:limits:<eventId>:<name>:`, shared by every node. When
 * Redis does not answer (restarted mid-event), each node counts in its own memory until it does
 * (the insurance limiter), instead of refusing everyone or waiting on a queued command.
 */
export function redisLimiters(client: unknown, eventId: string): Limiters {
  return Object.assign(
    (name: string, points: number, durationSeconds: number): Limiter => new RateLimiterRedis({
      storeClient: client, useRedisPackage: true, rejectIfRedisNotReady: true,
      keyPrefix: `lw:limits:${eventId}:${name}`, points, duration: durationSeconds,
      insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
    }),
    { shared: true },
  );
}

/**
 * express-rate-limit's counting (its window, its headers and messages) over one of these limiters,
 * so registrations are counted in Redis too in a cluster. `penalty` only counts (it never refuses):
 * express-rate-limit compares the total with its own limit.
 */
export function limiterStore(limiter: Limiter): Store {
  return {
    localKeys: false,
    async increment(key) {
      const counted = await limiter.penalty(key, 1);
      return { totalHits: counted.consumedPoints, resetTime: new Date(Date.now() + counted.msBeforeNext) };
    },
    async decrement(key) {
      await limiter.reward(key, 1);
    },
    async resetKey(key) {
      await limiter.delete(key);
    },
  };
}
