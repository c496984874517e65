// Runs Mailpit, the local mail catcher `npm start` and the browser tests send join links to, on
// loopback; and reads its inbox over Mailpit's HTTP API. Nothing it does leaves the machine: the
// release check and reverse-DNS lookups are off.
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { freeTcpPort, isTcpPortFree } from '../freePort.js';
import { waitFor } from '../waitFor.js';
import { killGroup, spawnWithWatchdog } from '../watchdog.js';
import type { Mail, MailReader } from './mailReader.js';

/** A Mailpit started by `startMailpit`. */
export interface RunningMailpit {
  /** SMTP for the app's mailer, `smtp://127.0.0.1:PORT`. */
  readonly smtpUrl: string;
  /** The web inbox (and API) people open, `http://127.0.0.1:PORT`. */
  readonly inboxUrl: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface StartMailpitOptions {
  /** Fixed ports (npm start keeps the inbox URL stable); free loopback ports when absent. */
  readonly smtpPort?: number;
  readonly httpPort?: number;
  /** Defaults to MAILPIT_BINARY, then the project's `.cache/mailpit/bin/mailpit`. */
  readonly binaryPath?: string;
}

const READY_TIMEOUT_MS = 15_000;
const READY_POLL_MS = 50;
const KILL_AFTER_MS = 3_000;
const PROJECT_BINARY = fileURLToPath(new URL('../../../.cache/mailpit/bin/mailpit', import.meta.url));

/** Starts Mailpit on loopback and resolves once its API answers. */
export async function startMailpit(opts: StartMailpitOptions = {}): Promise<RunningMailpit> {
  const binary = opts.binaryPath ?? process.env.MAILPIT_BINARY ?? PROJECT_BINARY;
  const smtpPort = opts.smtpPort ?? (await freeTcpPort());
  const httpPort = opts.httpPort ?? (await freeTcpPort());
  const dir = await mkdtemp(join(tmpdir(), 'lw-mailpit-'));
  const logFile = join(dir, 'mailpit.log');
  const out = openSync(logFile, 'a');
  // Under the watchdog: a server killed without stopping it (SIGKILL, a crash) leaves no Mailpit holding the ports.
  const child: ChildProcess = spawnWithWatchdog(binary, [
    '--smtp', `127.0.0.1:${smtpPort}`, '--listen', `127.0.0.1:${httpPort}`, '--database', join(dir, 'mailpit.db'),
    '--smtp-auth-accept-any', '--smtp-auth-allow-insecure', '--smtp-disable-rdns', '--disable-version-check', '--quiet',
  ], out);
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const inboxUrl = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`Mailpit (${binary}) exited at start:\n${log}`);
    }
    if (await answers(`${inboxUrl}/api/v1/info`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Mailpit did not answer on ${inboxUrl} within ${READY_TIMEOUT_MS} ms`);
    }
    await new Promise((r) => setTimeout(r, READY_POLL_MS));
  }
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, inboxUrl, pid: child.pid ?? -1, stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

const summarySchema = z.object({ ID: z.string(), Subject: z.string(), To: z.array(z.object({ Address: z.string() })) });
const listSchema = z.object({ messages: z.array(summarySchema) });
const messageSchema = z.object({ ID: z.string(), Subject: z.string(), Text: z.string() });

/** The mails sent to `address`, oldest first, read over Mailpit's API at `inboxUrl`. */
export async function mailsTo(inboxUrl: string, address: string): Promise<Mail[]> {
  const query = encodeURIComponent(`to:"${address}"`);
  const list = listSchema.parse(await (await fetch(`${inboxUrl}/api/v1/search?query=${query}`)).json());
  const wanted = list.messages.filter((m) => m.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()));
  // Mailpit lists the newest first.
  return Promise.all(wanted.reverse().map(async (m) => {
    const full = messageSchema.parse(await (await fetch(`${inboxUrl}/api/v1/message/${m.ID}`)).json());
    return { to: m.To.map((t) => t.Address.toLowerCase()), subject: full.Subject, text: full.Text };
  }));
}

/** A Mailpit inbox as a MailReader (its API has no "wait", so arriving mail is polled for). */
export function mailpitReader(inboxUrl: string): MailReader {
  return {
    count: async (address) => (await mailsTo(inboxUrl, address)).length,
    next: (address, already) => waitFor(async () => (await mailsTo(inboxUrl, address))[already], { what: `mail ${already + 1} to ${address}` }),
  };
}

/** Mailpit's own default ports (SMTP, web inbox), used by `npm start` when they are free. */
export const DEV_MAIL_PORTS = { smtpPort: 1025, httpPort: 8025 } as const;

/** The mail catcher `npm start` runs when no SMTP_URL is set: on Mailpit's usual ports when free. */
export async function startDevMailpit(binaryPath: string | undefined): Promise<RunningMailpit> {
  const usual = (await isTcpPortFree(DEV_MAIL_PORTS.smtpPort)) && (await isTcpPortFree(DEV_MAIL_PORTS.httpPort));
  return startMailpit({ ...(usual ? DEV_MAIL_PORTS : {}), ...(binaryPath ? { binaryPath } : {}) });
}
