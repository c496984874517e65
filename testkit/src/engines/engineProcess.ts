// What the engine starters (PostgreSQL, Redis) share: retrying when a free port was taken in
// between, and the tail of a server's log for an error message.
import { readFileSync } from 'node:fs';

/** The engine could not bind the port it was given (another process took it after it was picked). */
export class PortTakenError extends Error {}

const START_ATTEMPTS = 3;
const LOG_TAIL_LINES = 30;

/** Runs `start` again (up to 3 times) while it fails with PortTakenError. */
export async function startWithRetries<T>(engine: string, start: () => Promise<T>, log?: (line: string) => void): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await start();
    } catch (err) {
      lastError = err;
      if (!(err instanceof PortTakenError)) throw err;
      log?.(`${engine}: its port was taken (attempt ${attempt}/${START_ATTEMPTS}), retrying`);
    }
  }
  throw lastError;
}

/** The last lines of a log file, or a note that it cannot be read. */
export function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
  } catch {
    return '(no log)';
  }
}
