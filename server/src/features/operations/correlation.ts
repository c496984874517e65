// Correlation ids of HTTP requests: the client's `x-correlation-id` (its page's id, the same one its
// socket and move reports carry) or a new one, echoed in the answer and on every log line of the request.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { correlationIdSchema } from '@live-workshop/shared';
import { withLogContext } from '../../platform/log.js';

/** The header a client sends its correlation id in, and the server answers it in. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** Runs each request with its correlation id in the log context. */
export function correlationIds(): RequestHandler {
  return (req, res, next) => {
    const claimed = correlationIdSchema.safeParse(req.get(CORRELATION_HEADER));
    const correlationId = claimed.success ? claimed.data : `r-${randomUUID()}`;
    res.set(CORRELATION_HEADER, correlationId);
    withLogContext({ correlationId }, () => next());
  };
}
