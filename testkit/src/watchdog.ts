// Runs a helper binary (LiveKit, Mailpit) so that it dies with the process that started it: a tiny
// shell watchdog holds a pipe on fd 3, and when this process goes away without stopping it (even
// by SIGKILL), the pipe reaches EOF and the watchdog kills the helper's process group.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

/** `binary args` under the watchdog; `exec` keeps its pid the child's, and the child leads its own group. */
export function spawnWithWatchdog(binary: string, args: readonly string[], logFd: number, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const script = '{ cat <&3 >/dev/null 2>&1; kill -KILL 0 2>/dev/null; } & exec "$@" 3<&-';
  const child = spawn('sh', ['-c', script, 'sh', binary, ...args], { detached: true, stdio: ['ignore', logFd, logFd, 'pipe'], env });
  child.unref();
  (child.stdio[3] as { unref?: () => void } | null)?.unref?.();
  return child;
}

/** Signal the whole process group a watchdog-run helper leads (the helper and its watchdog). */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** A helper started by `startWatched`: its pid, whether it has exited, and its exit. */
export interface WatchedProcess {
  readonly pid: number;
  hasExited(): boolean;
  readonly exited: Promise<void>;
}

/**
 * `spawnWithWatchdog` with its output appended to `logFile` (opened here, so the helper only
 * inherits the descriptor), SIGKILLed with its group if this process exits while it runs.
 */
export function startWatched(binary: string, args: readonly string[], logFile: string, env?: NodeJS.ProcessEnv): WatchedProcess {
  const logFd = openSync(logFile, 'a');
  const child = spawnWithWatchdog(binary, args, logFd, env);
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${binary}`);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => {
    exited = true;
    process.off('exit', killOnExit);
    child.stdio[3]?.destroy();
  });
  return { pid, hasExited: () => exited, exited: exitedPromise };
}
