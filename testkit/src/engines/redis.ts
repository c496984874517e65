// Starts a real, private Redis (Debian's redis-server) for tests: a free loopback port, its
// working folder a temporary one, nothing saved to disk (no RDB snapshots, no AOF). Installed by
// scripts/ensure-system-packages.mjs, never by a test.
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort } from '../freePort.js';
import { waitFor } from '../waitFor.js';
import { killGroup, startWatched } from '../watchdog.js';
import { logTail, PortTakenError, startWithRetries } from './engineProcess.js';

/** A Redis started by `startRedis`. */
export interface RunningRedis {
  /** `redis://127.0.0.1:PORT`. */
  url: string;
  port: number;
  /** The redis-server process id. */
  pid: number;
  /** The server's log (removed by `stop()`). */
  logFile: string;
  /** SIGTERM (SIGKILL after 3 s), then removes the folder. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;
const KILL_AFTER_MS = 3_000;

/** The `redis-server` on PATH, or null when it is not installed (callers that can do without Redis ask first). */
export function findRedisServer(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (!dir) continue;
    try {
      accessSync(join(dir, 'redis-server'), constants.X_OK);
      return join(dir, 'redis-server');
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** Starts Redis on a free loopback port (or `port`, to restart one in place) and resolves once it answers PING. */
export async function startRedis(opts: { log?: (line: string) => void; port?: number } = {}): Promise<RunningRedis> {
  const binary = findRedisServer();
  if (!binary) throw new Error('redis-server is not installed: run node scripts/ensure-system-packages.mjs (outside the test namespace)');
  // A fixed port is a restart in place (the same URL for its clients): no other port to retry on.
  if (opts.port !== undefined) return startOnce(binary, opts.log, opts.port);
  return startWithRetries('Redis', () => startOnce(binary, opts.log), opts.log);
}

async function startOnce(binary: string, log?: (line: string) => void, fixedPort?: number): Promise<RunningRedis> {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'lw-redis-'));
  const logFile = join(dir, 'redis.log');
  const port = fixedPort ?? await freeTcpPort();
  const watched = startWatched(binary, [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
    '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes',
  ], logFile);
  const { pid } = watched;
  const hasExited = watched.hasExited;
  const exitedPromise = watched.exited;

  try {
    await waitFor(async () => hasExited() || (await redisCommand(port, ['PING'])) === '+PONG', { timeoutMs: READY_TIMEOUT_MS, what: `Redis on port ${port}` });
    if (hasExited()) throw new Error('Redis exited while starting');
  } catch (err) {
    killGroup(pid, 'SIGKILL');
    await exitedPromise;
    const tail = logTail(logFile);
    await rm(dir, { recursive: true, force: true });
    const message = `${err instanceof Error ? err.message : String(err)}\n--- Redis log (tail) ---\n${tail}`;
    throw /address already in use/i.test(tail) ? new PortTakenError(message) : new Error(message);
  }
  log?.(`Redis ready on 127.0.0.1:${port} in ${Date.now() - started} ms`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (!hasExited()) {
        killGroup(pid, 'SIGTERM');
        const kill = setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_AFTER_MS);
        await exitedPromise;
        clearTimeout(kill);
      }
      await rm(dir, { recursive: true, force: true });
    })());
  return { url: `redis://127.0.0.1:${port}`, port, pid, logFile, stop };
}

/**
 * Sends one command in Redis's protocol (RESP) on a fresh connection and resolves with the first
 * reply line as sent (`+PONG`, `$3`, `-ERR …`). Enough for readiness checks and a smoke test; the
 * application uses a real client.
 */
export function redisCommand(port: number, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(2_000, () => socket.destroy(new Error('Redis did not answer within 2 s')));
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end >= 0) {
        socket.end();
        resolve(reply.slice(0, end));
      }
    });
    socket.once('connect', () => socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`));
  });
}
