// The real workshop server as a child process, started the way `npm start` starts it.
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT, SERVER_ENTRY } from './repo.js';

/** The real server as a child process (node --import tsx server/src/index.ts). */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Personal links printed at start, by staff id order of the event file. */
  readonly links: { role: string; url: string }[];
  /** Everything the server printed so far (stdout then stderr), for artifacts. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Where and how the server process runs, when not directly on this machine's loopback. */
export interface ServerProcessOptions {
  /** A command that runs the server somewhere else, e.g. ['ip', 'netns', 'exec', 'venue']. */
  readonly prefix?: readonly string[];
  /** The URL the test reaches the server at (default http://127.0.0.1:PORT). */
  readonly url?: string;
}

/** Start the server and wait until it prints its links. */
export function startServerProcess(env: Record<string, string>, timeoutMs = 30_000, opts: ServerProcessOptions = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const [cmd, ...args] = [...(opts.prefix ?? []), process.execPath, '--import', 'tsx', SERVER_ENTRY];
    const child = spawn(cmd!, args, {
      cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start:\n${out}\n${err}`)); }, timeoutMs);
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('(listening on')) return;
      clearTimeout(timer);
      const links = [...out.matchAll(/^\s+(Moderator|Speaker)\s.*?(http\S+\/join\/\S+)$/gm)].map((m) => ({ role: m[1]!.toLowerCase(), url: m[2]! }));
      resolve({
        child, url: opts.url ?? `http://127.0.0.1:${env.PORT}`, links,
        output: () => `${out}${err ? `\n--- stderr ---\n${err}` : ''}`,
        kill: (signal = 'SIGTERM') => new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill(signal);
        }),
      });
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${out}\n${err}`)); });
  });
}
