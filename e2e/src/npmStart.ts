// `npm start`, exactly as the README says, as a child process: inside a test host (a network
// namespace) and with a fresh data folder, but otherwise with the user's own command.
import type { ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '@live-workshop/testkit';
import type { NetNs } from './netns.js';

/** A running `npm start`. */
export interface NpmStart {
  readonly child: ChildProcess;
  /** The event page URL it printed. */
  readonly eventPage: string;
  /** The local mail catcher's inbox it printed (where join links arrive). */
  readonly inbox: string;
  /** The personal links it printed, in the order of the event file. */
  readonly links: readonly { role: 'moderator' | 'speaker' | 'captioner'; name: string; url: string }[];
  /** Everything printed so far (stdout, then stderr). */
  output(): string;
  /**
   * Ctrl-C: SIGINT to the whole process group, as a terminal sends it. Resolves with the exit
   * code (or signal) once `npm` itself has exited.
   */
  interrupt(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start `npm start` in `ns` (environment: this process's plus `env`); resolves once it prints its links. */
export function startNpmStart(ns: NetNs, env: Record<string, string>, timeoutMs = 180_000): Promise<NpmStart> {
  const child = ns.spawn('npm', ['start'], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const output = () => `${out}${err ? `\n--- stderr ---\n${err}` : ''}`;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const interrupt = async (ms = 30_000) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`npm start did not exit within ${ms} ms of SIGINT:\n${output()}`)), ms); });
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void interrupt(5_000).catch(() => process.kill(-child.pid!, 'SIGKILL'));
      reject(new Error(`npm start printed no links within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = () => {
      if (!out.includes('(listening on')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const eventPage = /Event page and registration:\s+(\S+)/.exec(out)?.[1];
      if (!eventPage) return reject(new Error(`no event page link in:\n${out}`));
      const inbox = /Mail inbox \(join links go here\):\s+(\S+)/.exec(out)?.[1];
      if (!inbox) return reject(new Error(`no mail inbox link in:\n${out}`));
      const links = [...out.matchAll(/^\s+(Moderator|Speaker|Captioner)\s+(.*?)\s+(http\S+\/join\/\S+)$/gm)].map((m) => ({
        role: m[1]!.toLowerCase() as 'moderator' | 'speaker' | 'captioner', name: m[2]!.trim(), url: m[3]!,
      }));
      resolve({ child, eventPage, inbox, links, output, interrupt });
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code ?? signal}) before printing its links:\n${output()}`));
    });
  });
}
