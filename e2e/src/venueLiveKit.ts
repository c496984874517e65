// LiveKit as the deployment runs it (server/deploy/livekit.yaml, settings from the environment
// the way docker-compose.yml passes them), inside a test host, with overrides a test names.
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { findLiveKitBinary, REPO_ROOT, waitFor } from '@live-workshop/testkit';
import type { NetNs } from './netns.js';

/** The file docker-compose.yml mounts into its livekit service. */
export const DEPLOY_LIVEKIT_YAML = join(REPO_ROOT, 'server/deploy/livekit.yaml');

type Yaml = Record<string, unknown>;

/** The deployment's LiveKit config with `overrides` merged in (objects key by key; `null` deletes a key). */
export function deployLiveKitConfig(overrides: Yaml): Yaml {
  return merge(parse(readFileSync(DEPLOY_LIVEKIT_YAML, 'utf8')) as Yaml, overrides);
}

function merge(base: Yaml, over: Yaml): Yaml {
  const out: Yaml = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete out[key];
    else if (isObject(value) && isObject(out[key])) out[key] = merge(out[key] as Yaml, value);
    else out[key] = value;
  }
  return out;
}

const isObject = (v: unknown): v is Yaml => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The environment docker-compose.yml gives LiveKit (see the comment at the top of livekit.yaml). */
export interface VenueLiveKitEnv {
  readonly LIVEKIT_KEYS: string;
  readonly LIVEKIT_WEBHOOK_API_KEY: string;
  readonly NODE_IP: string;
  readonly LIVEKIT_TURN_DOMAIN: string;
  readonly LIVEKIT_TURN_CERT: string;
  readonly LIVEKIT_TURN_KEY: string;
}

export interface VenueLiveKit {
  readonly configFile: string;
  readonly logFile: string;
  log(): string;
  stop(): Promise<void>;
}

/** Start the project's LiveKit binary in `ns` with `config`; resolves once `healthUrl` answers. */
export async function startVenueLiveKit(ns: NetNs, config: Yaml, env: VenueLiveKitEnv, healthUrl: string): Promise<VenueLiveKit> {
  const dir = mkdtempSync(join(tmpdir(), 'lw-venue-livekit-'));
  const configFile = join(dir, 'livekit.yaml');
  const logFile = join(dir, 'livekit.log');
  writeFileSync(configFile, stringify(config));
  const fd = openSync(logFile, 'a');
  const child: ChildProcess = ns.spawn(findLiveKitBinary(), ['--config', configFile], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...env }, stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`LiveKit exited (${child.exitCode})`);
      return (await fetch(healthUrl, { signal: AbortSignal.timeout(1_000) })).ok;
    }, { timeoutMs: 30_000, intervalMs: 200, what: `LiveKit to answer on ${healthUrl}` });
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n--- LiveKit log ---\n${log()}`);
  }
  return {
    configFile, logFile, log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // The first SIGTERM waits for participants to leave; the second forces the shutdown.
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGTERM'), 300);
      const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(force);
      clearTimeout(kill);
    },
  };
}
