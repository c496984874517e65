// The real workshop server as a child process, started the way `npm start` starts it.
import { spawn, type ChildProcess } from 'node:child_process';
import { startMailCatcher, type MailCatcher } from './mail/mailCatcher.js';
import { setMailReader } from './mail/mailReader.js';
import { REPO_ROOT, SERVER_ENTRY } from './repo.js';

/** The real server as a child process (node --import tsx server/src/index.ts). */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Personal links printed at start, by staff id order of the event file. */
  readonly links: { role: string; url: string }[];
  /** Where its join links arrive, when the test gave it the mail catcher (no SMTP_URL and no prefix). */
  readonly mail: MailCatcher | null;
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

/**
 * Start the server and wait until it prints its links. Unless `env` names an SMTP_URL (or the server
 * runs elsewhere), it mails join links to a catcher in this process, recorded as the server URL's
 * mail reader for `register`.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 30_000, opts: ServerProcessOptions = {}): Promise<ServerProcess> {
  const mail = env.SMTP_URL || opts.prefix ? null : await startMailCatcher();
  const url = opts.url ?? `http://127.0.0.1:${env.PORT}`;
  const started = startChild(mail ? { ...env, SMTP_URL: mail.smtpUrl } : env, url, mail, timeoutMs, opts);
  started.catch(() => mail?.close());
  if (mail) {
    setMailReader(url, mail);
    void started.then((server) => server.child.once('exit', () => void mail.close()), () => undefined);
  }
  return started;
}

function startChild(env: Record<string, string>, url: string, mail: MailCatcher | null, timeoutMs: number, opts: ServerProcessOptions): Promise<ServerProcess> {
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
      const links = [...out.matchAll(/^\s+(Moderator|Speaker|Captioner)\s.*?(http\S+\/join\/\S+)$/gm)].map((m) => ({ role: m[1]!.toLowerCase(), url: m[2]! }));
      resolve({
        child, url, links, mail,
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
