import pino, { type Logger } from 'pino';

export type Log = Logger;

/** Structured JSON logs; LOG_LEVEL=silent in tests. */
export function createLog(level = process.env.LOG_LEVEL ?? 'info'): Log {
  return pino({ level, base: { app: 'live-workshop' } });
}
