// The deployment's TLS front (server/deploy/Caddyfile, run by Debian's caddy) inside a test
// host, and what a browser on another host needs to trust its local CA.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, waitFor } from '@live-workshop/testkit';
import type { NetNs } from './netns.js';

/** The file docker-compose.yml mounts into its caddy service. */
export const CADDYFILE = join(REPO_ROOT, 'server/deploy/Caddyfile');

/** A running Caddy: where its local CA's root and its certificates are, and how to stop it. */
export interface TlsFront {
  /** The local CA's root certificate (PEM): what browsers and Node must trust. */
  readonly rootCert: string;
  readonly logFile: string;
  /** Certificate chain and key files Caddy keeps for a site name (here: an IP address). */
  certificateFiles(name: string): { cert: string; key: string };
  log(): string;
  stop(): Promise<void>;
}

/**
 * Run Caddy with the repository's Caddyfile in `ns`; `sites` are its environment placeholders
 * (APP_SITE, …). Its data and config live in a fresh temp folder (XDG_DATA_HOME,
 * XDG_CONFIG_HOME). Resolves once it holds a certificate for every name in `names`.
 */
export async function startTlsFront(ns: NetNs, sites: Record<string, string>, names: readonly string[]): Promise<TlsFront> {
  const dir = mkdtempSync(join(tmpdir(), 'lw-caddy-'));
  const dataHome = join(dir, 'data');
  mkdirSync(dataHome);
  mkdirSync(join(dir, 'config'));
  const logFile = join(dir, 'caddy.log');
  const fd = openSync(logFile, 'a');
  const child: ChildProcess = ns.spawn('caddy', ['run', '--config', CADDYFILE, '--adapter', 'caddyfile'], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, XDG_DATA_HOME: dataHome, XDG_CONFIG_HOME: join(dir, 'config'), ...sites },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const storage = join(dataHome, 'caddy');
  const certificateFiles = (name: string) => ({
    cert: join(storage, 'certificates/local', name, `${name}.crt`),
    key: join(storage, 'certificates/local', name, `${name}.key`),
  });
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const rootCert = join(storage, 'pki/authorities/local/root.crt');
  await waitFor(() => {
    if (child.exitCode !== null) throw new Error(`caddy exited (${child.exitCode}):\n${log()}`);
    return existsSync(rootCert) && names.every((n) => existsSync(certificateFiles(n).cert) && existsSync(certificateFiles(n).key));
  }, { timeoutMs: 30_000, intervalMs: 100, what: `Caddy's certificates for ${names.join(', ')}` }).catch((e: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${e.message}\n--- caddy log ---\n${log()}`);
  });
  return {
    rootCert, logFile, certificateFiles, log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A HOME folder whose NSS database (`.pki/nssdb`, what Chromium on Linux reads) trusts `rootCert`
 * for TLS servers, as a person who installed the organiser's CA would have. certutil comes from
 * Debian's libnss3-tools (scripts/ensure-system-packages.mjs).
 */
export function homeTrusting(rootCert: string): string {
  const home = mkdtempSync(join(tmpdir(), 'lw-home-'));
  const db = `sql:${join(home, '.pki/nssdb')}`;
  mkdirSync(join(home, '.pki/nssdb'), { recursive: true });
  for (const args of [['-d', db, '-N', '--empty-password'], ['-d', db, '-A', '-t', 'C,,', '-n', 'lw-test', '-i', rootCert]]) {
    const r = spawnSync('certutil', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`certutil ${args.join(' ')} failed: ${r.error?.message ?? ''}${r.stderr}`);
  }
  return home;
}
