// Runs a helper binary (LiveKit, Mailpit) so that it dies with the process that started it: a tiny
// shell watchdog holds a pipe on fd 3, and when this process goes away without stopping it (even
// by SIGKILL), the pipe reaches EOF and the watchdog kills the helper's process group.
import { spawn, type ChildProcess } from 'node:child_process';

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
