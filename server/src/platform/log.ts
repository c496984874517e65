// Structured JSON logs (pino). Every line written while a request or a socket command is handled
// carries that request's context — the participant's pseudonymous id and a correlation id — from
// an AsyncLocalStorage (withLogContext); the event id is bound by the app (log.child). Email
// addresses never reach the output: any that slips into a message or an error is masked.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

export type Log = Logger;

/** Who and what a log line belongs to. */
export interface LogContext {
  /** The participant's pseudonymous id (never an email). */
  participantId?: string;
  /** One page's (or one HTTP request's) id, also reported by the client in its move reports. */
  correlationId?: string;
}

const context = new AsyncLocalStorage<LogContext>();

/** Run `work` with this context on every line logged inside it (including its async continuations). */
export function withLogContext<T>(ctx: LogContext, work: () => T): T {
  return context.run({ ...context.getStore(), ...ctx }, work);
}

/** Add to the context of the request being handled (e.g. the participant once their credential is verified). */
export function addToLogContext(ctx: LogContext): void {
  const store = context.getStore();
  if (store) Object.assign(store, ctx);
}

/** Something that looks like an email address, anywhere in a line. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** A log line with every email address masked (a bounce's error text names the recipient). */
export const maskEmails = (line: string): string => line.replace(EMAIL, '<email>');

/** Structured JSON logs; LOG_LEVEL=silent in tests. `destination`: where lines go (default stdout). */
export function createLog(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Log {
  const options: pino.LoggerOptions = {
    level, base: { app: 'live-workshop' },
    mixin: () => ({ ...context.getStore() }),
    hooks: { streamWrite: maskEmails },
  };
  return destination ? pino(options, destination) : pino(options);
}
