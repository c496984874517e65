import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Limiter } from '../../platform/rateLimits.js';
import type { z } from 'zod';
import { failure, type Result } from '@live-workshop/shared';
import { withLogContext, type Log } from '../../platform/log.js';
import type { RoomSocket } from './transport.js';

/** Per-socket request budget: a flooding client slows only itself. */
export const REQUESTS_PER_SECOND = 20;

/**
 * The per-connection limiter, keyed by socket id: in memory even in a cluster (a connection lives on
 * one node). Limits per person come from the app's Limiters (platform/rateLimits.ts).
 */
export function createRequestLimiter(points = REQUESTS_PER_SECOND, durationSeconds = 1): RateLimiterMemory {
  return new RateLimiterMemory({ points, duration: durationSeconds });
}

/** Help requests one person may send per minute: enough to add a detail, not to drown the moderators' list. */
export const HELP_REQUESTS_PER_MINUTE = 3;

type Handler<S extends z.ZodType, T> = (payload: z.infer<S>, socket: RoomSocket) => Promise<Result<T>> | Result<T>;

/** A request as a connection receives it: the arguments (the last may be the ack callback). */
export type RequestHandler = (socket: RoomSocket, args: unknown[]) => Promise<void>;

/**
 * The one wrapper every socket request goes through: rate limit, validate the payload
 * with its schema, run the handler, and always answer with a Result; unknown errors
 * become `internal` and are logged, never forwarded.
 */
export function handle<S extends z.ZodType, T>(
  deps: { log: Log; limiter: Limiter }, name: string, schema: S, handler: Handler<S, T>,
): RequestHandler {
  return (socket, args) => withLogContext({ participantId: socket.claims.participantId, correlationId: socket.correlationId }, async () => {
    const ack = args.at(-1);
    const respond = typeof ack === 'function' ? (ack as (r: Result<T>) => void) : () => {};
    try {
      await deps.limiter.consume(socket.id);
    } catch {
      respond(failure('rate_limited', 'Too many requests; slow down.'));
      return;
    }
    const payload = typeof ack === 'function' ? args.slice(0, -1) : args;
    if (payload.length > 1) {
      respond(failure('invalid_payload', `${name} takes one payload.`));
      return;
    }
    const parsed = schema.safeParse(payload[0]);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      respond(failure('invalid_payload', `Invalid ${name}: ${first ? `${first.path.join('.') || 'payload'}: ${first.message}` : 'bad payload'}.`));
      return;
    }
    try {
      respond(await handler(parsed.data, socket));
    } catch (err) {
      deps.log.error({ err, event: name, participantId: socket.claims.participantId }, 'handler failed');
      respond(failure('internal', 'Something went wrong on the server; it has been logged.'));
    }
  });
}
