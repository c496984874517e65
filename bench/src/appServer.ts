// Runs the project's server as a real child process (`node --import tsx server/src/main.ts`),
// the way it is deployed, and reads what it says: the moderator link and the cue log lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT, SERVER_ENTRY, startMailCatcher, type MailCatcher } from '@live-workshop/testkit';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface AppServerOptions {
  readonly port: number;
  readonly eventFile: string;
  readonly dataDir: string;
  readonly livekit: { readonly url: string; readonly apiKey: string; readonly apiSecret: string };
  /** Origins allowed to open a socket (the media clients' page). */
  readonly allowedOrigins: readonly string[];
  /** Write a V8 CPU profile of the server into this folder when it stops. */
  readonly cpuProfileDir?: string;
  /** Where the server's output goes. */
  readonly logFile: string;
  /** Open the inspector on this loopback port (idle unless asked; the bench uses it to collect garbage before memory readings). */
  readonly inspectPort?: number;
}

/** A cue as the server logged it. */
export interface CueLogLine {
  readonly version: number;
  /** `at` of the log line (ms since epoch), stamped by the server after its io.emit returned. */
  readonly at: number;
  /** pino's own `time` of the line. */
  readonly time: number;
}

/** A staff member's credential, from the links the server prints. */
export interface StaffCredential {
  readonly role: 'moderator' | 'speaker';
  readonly name: string;
  readonly credential: string;
}

/** The project's server, running. */
export class AppServer {
  private readonly cues = new Map<number, CueLogLine>();
  private readonly cueWaiters = new Map<number, (line: CueLogLine) => void>();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess, readonly url: string, readonly staff: readonly StaffCredential[],
    /** Where the server mails join links (over SMTP, in this process): registrations read them here. */
    readonly mail: MailCatcher,
    /** The organiser link's credential the server printed (the organiser API: many events). */
    readonly organiserCredential: string,
  ) {
    child.once('exit', () => {
      this.exited = true;
    });
  }

  static async start(opts: AppServerOptions): Promise<AppServer> {
    const args = [
      '--import', 'tsx',
      ...(opts.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProfileDir] : []),
      ...(opts.inspectPort ? [`--inspect=127.0.0.1:${opts.inspectPort}`] : []),
      SERVER_ENTRY, '--event', opts.eventFile,
    ];
    const mail = await startMailCatcher();
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'development',
        PORT: String(opts.port),
        HOST: '127.0.0.1',
        DATA_DIR: opts.dataDir,
        LOG_LEVEL: 'info',
        LIVEKIT_URL: opts.livekit.url,
        LIVEKIT_API_KEY: opts.livekit.apiKey,
        LIVEKIT_API_SECRET: opts.livekit.apiSecret,
        REGISTRATIONS_PER_ADDRESS: '1000000',
        SMTP_URL: mail.smtpUrl,
        ALLOWED_ORIGINS: [`http://127.0.0.1:${opts.port}`, `http://localhost:${opts.port}`, ...opts.allowedOrigins].join(','),
      },
    });
    const log = createWriteStream(opts.logFile);
    child.stderr!.pipe(log);
    let server: AppServer | null = null;
    const early: string[] = [];
    const ready = new Promise<AppServer>((resolve, reject) => {
      const staff: StaffCredential[] = [];
      let organiser = '';
      const timer = setTimeout(() => reject(new Error(`the server did not start within ${READY_TIMEOUT_MS} ms; see ${opts.logFile}`)), READY_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before it was ready; see ${opts.logFile}`));
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        log.write(`${line}\n`);
        if (server) return server.onLine(line);
        early.push(line);
        const link = /^\s*(Moderator|Speaker)\s+(.*?)\s+\S*\/join\/(\S+)/.exec(line);
        if (link) staff.push({ role: link[1] === 'Moderator' ? 'moderator' : 'speaker', name: link[2]!, credential: link[3]! });
        organiser ||= /^\s*Organiser home .*\/organiser\/(\S+)/.exec(line)?.[1] ?? '';
        if (line.includes('(listening on')) {
          clearTimeout(timer);
          if (!staff.some((s) => s.role === 'moderator')) return reject(new Error('the server printed no moderator link'));
          server = new AppServer(child, `http://127.0.0.1:${opts.port}`, staff, mail, organiser);
          for (const l of early) server.onLine(l);
          resolve(server);
        }
      });
    });
    return ready;
  }

  /** The first moderator's credential. */
  get moderatorCredential(): string {
    return this.staff.find((s) => s.role === 'moderator')!.credential;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  private onLine(line: string): void {
    if (!line.startsWith('{')) return;
    let entry: { msg?: string; version?: number; at?: number; time?: number };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return;
    }
    if (entry.msg !== 'cue' || typeof entry.version !== 'number' || typeof entry.at !== 'number') return;
    const cue = { version: entry.version, at: entry.at, time: entry.time ?? entry.at };
    this.cues.set(cue.version, cue);
    this.cueWaiters.get(cue.version)?.(cue);
    this.cueWaiters.delete(cue.version);
  }

  /** The cue log line of an agenda version, once the server has written it. */
  cueLogged(version: number, timeoutMs = 30_000): Promise<CueLogLine> {
    const seen = this.cues.get(version);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no cue log line for version ${version}`)), timeoutMs);
      this.cueWaiters.set(version, (line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  }

  /** SIGINT (the server's own graceful shutdown, which also writes a CPU profile), then SIGKILL if it hangs. */
  async stop(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGINT');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await this.mail.close();
  }
}
