// Starts a real, private PostgreSQL (Debian's postgresql-15) for tests: a fresh cluster made by
// initdb in a temporary folder, listening on a free loopback port and on a Unix socket in that
// folder, trusted logins, no durability (fsync off: a test cluster is thrown away). PostgreSQL
// refuses to run as root, so as root the folder is handed to `nobody` and both programs run
// through `runuser`. Installed by scripts/ensure-system-packages.mjs, never by a test.
import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freeTcpPort } from '../freePort.js';
import { waitFor } from '../waitFor.js';
import { killGroup, startWatched } from '../watchdog.js';
import { logTail, PortTakenError, startWithRetries } from './engineProcess.js';

const run = promisify(execFile);

/** A PostgreSQL started by `startPostgres`. */
export interface RunningPostgres {
  /** Connection string for the superuser `postgres` to the `postgres` database over TCP, e.g. `postgres://postgres@127.0.0.1:PORT/postgres`. */
  url: string;
  port: number;
  /** The postmaster's process id (a new one after an outage). */
  readonly pid: number;
  /** The server's log (removed by `stop()`). */
  logFile: string;
  /** Smart shutdown (SIGTERM to the postmaster; fast after 2 s, SIGKILL after 5 s), then removes the folder. */
  stop(): Promise<void>;
  /** Make the database unavailable for `ms` (a fast shutdown: sessions cut, connections refused), then start it again in place. */
  outage(ms: number): Promise<void>;
}

export interface StartPostgresOptions {
  /** The folder of PostgreSQL's server programs; default: the newest /usr/lib/postgresql/N/bin. */
  binDir?: string;
  log?: (line: string) => void;
}

const READY_TIMEOUT_MS = 30_000;
/** How long a smart shutdown may wait for sessions to close before a fast one. */
const SMART_SHUTDOWN_MS = 2_000;
const KILL_AFTER_MS = 5_000;
/** The account the cluster runs as when the tests run as root. */
const UNPRIVILEGED_USER = 'nobody';

/** Starts PostgreSQL on a free loopback port and resolves once it accepts connections. */
export async function startPostgres(opts: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const binDir = opts.binDir ?? findPostgresBinDir();
  return startWithRetries('PostgreSQL', () => startOnce(binDir, opts), opts.log);
}

/** The newest PostgreSQL installed the Debian way (`/usr/lib/postgresql/<major>/bin`). */
export function findPostgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d) && existsSync(join(root, d, 'bin', 'postgres'))) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`PostgreSQL is not installed (no ${root}/<version>/bin/postgres): run node scripts/ensure-system-packages.mjs (outside the test namespace)`);
  return join(root, newest, 'bin');
}

async function startOnce(binDir: string, opts: StartPostgresOptions): Promise<RunningPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'lw-postgres-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const started = Date.now();
  // Either the program itself, or the same through runuser as an unprivileged account.
  const as = (program: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', UNPRIVILEGED_USER, '--', program, ...args]] : [program, args]);
  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', UNPRIVILEGED_USER]);
      const uid = Number(stdout.trim());
      await chown(dir, uid, uid);
    }
    await chmod(dir, 0o700);
    const [initdb, initArgs] = as(join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    await run(initdb, initArgs, { cwd: dir });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  opts.log?.(`PostgreSQL: cluster made in ${Date.now() - started} ms`);

  const port = await freeTcpPort();
  const [postgres, args] = as(join(binDir, 'postgres'), [
    '-D', dataDir, '-p', String(port), '-k', dir,
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
  ]);
  /** Start the server on the cluster's folder and port; resolves once it accepts connections. */
  const launch = async () => {
    // The log file is opened here (as root if so), so the server only inherits the descriptor.
    const watched = startWatched(postgres, args, logFile);
    try {
      await waitFor(async () => watched.hasExited() || (await isReady(binDir, port, dir)), { timeoutMs: READY_TIMEOUT_MS, intervalMs: 50, what: `PostgreSQL on port ${port}` });
      if (watched.hasExited()) throw new Error('PostgreSQL exited while starting');
    } catch (err) {
      killGroup(watched.pid, 'SIGKILL');
      await watched.exited;
      const tail = logTail(logFile);
      const message = `${err instanceof Error ? err.message : String(err)}\n--- PostgreSQL log (tail) ---\n${tail}`;
      throw /could not bind|address already in use/i.test(tail) ? new PortTakenError(message) : new Error(message);
    }
    return { watched, postmaster: (await postmasterPid(dataDir)) ?? watched.pid };
  };
  let running: Awaited<ReturnType<typeof launch>>;
  try {
    running = await launch();
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  opts.log?.(`PostgreSQL ready on 127.0.0.1:${port} in ${Date.now() - started} ms`);

  /** Shut the server down, keeping its folder. */
  const shutdown = async () => {
    const { watched, postmaster } = running;
    if (watched.hasExited()) return;
    // SIGTERM is PostgreSQL's "smart" shutdown: it waits for the sessions still closing (a pool's
    // end() does not wait for its sockets), so none is told FATAL 57P01 — an error event that
    // would reach a pool nobody listens to any more. Then "fast" (SIGINT), then SIGKILL.
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(postmaster, name);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    const fast = setTimeout(() => signal('SIGINT'), SMART_SHUTDOWN_MS);
    const kill = setTimeout(() => killGroup(watched.pid, 'SIGKILL'), KILL_AFTER_MS);
    await watched.exited;
    clearTimeout(fast);
    clearTimeout(kill);
  };

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await shutdown();
      await rm(dir, { recursive: true, force: true });
    })());
  const outage = async (ms: number) => {
    const { postmaster } = running;
    // An outage is abrupt (no waiting for sessions): every connection is cut at once, new ones are refused.
    try {
      process.kill(postmaster, 'SIGINT');
    } catch {
      // already gone
    }
    await running.watched.exited;
    await new Promise((resolve) => setTimeout(resolve, ms));
    running = await launch();
  };

  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, get pid() { return running.postmaster; }, logFile, stop, outage };
}

/** The postmaster's pid, from the first line of its `postmaster.pid`. */
async function postmasterPid(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** `pg_isready` over TCP: exit 0 means it accepts connections (1: starting up, 2: no answer). */
async function isReady(binDir: string, port: number, cwd: string): Promise<boolean> {
  try {
    await run(join(binDir, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-t', '1'], { cwd });
    return true;
  } catch {
    return false;
  }
}
