// Memory and CPU of another process, read from /proc (Linux only).
import { readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ); 100 on every Linux this runs on. */
const TICKS_PER_S = 100;

/** Resident set size of a process, in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** CPU time a process has used so far (user + system), in ms (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_S;
}

/** CPU use of a process over a window: ms of CPU and percent of one core. */
export async function cpuOver(pid: number, windowMs: number): Promise<{ cpu_ms: number; cpu_pct: number }> {
  const before = cpuMs(pid);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const used = cpuMs(pid) - before;
  return { cpu_ms: used, cpu_pct: Math.round((100 * used) / (performance.now() - started)) };
}

/** Machine-wide CPU counters (first line of /proc/stat), in ticks: busy and total over all cores. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Percent of all cores busy between two machineCpu() readings. */
export function busyPct(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  const total = after.total - before.total;
  return total > 0 ? Math.round((100 * (after.busy - before.busy)) / total) : 0;
}
