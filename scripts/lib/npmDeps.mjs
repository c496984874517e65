// @ts-check
// Installs the npm dependencies when they are missing or were installed from another lockfile.
// The decision uses a content hash of package-lock.json recorded at install time, never file
// times. Node built-ins only: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hashOf, recordHash, recordedHash } from './contentHash.mjs';

/** Where the lockfile hash of the last successful `npm ci` is kept (inside node_modules). */
export const NPM_STAMP = join('node_modules', '.lw-lockfile.sha256');

/**
 * Whether `npm ci` is needed, and why.
 * @param {string} root
 * @returns {{ needed: false } | { needed: true, reason: string }}
 */
export function npmInstallState(root) {
  const lockHash = hashOf(root, [join(root, 'package-lock.json')]);
  if (!existsSync(join(root, 'node_modules'))) return { needed: true, reason: 'node_modules is missing' };
  const recorded = recordedHash(join(root, NPM_STAMP));
  if (recorded === undefined) return { needed: true, reason: 'node_modules was not installed by this project\'s scripts' };
  if (recorded !== lockHash) return { needed: true, reason: 'package-lock.json changed since the last install' };
  return { needed: false };
}

/**
 * Whether npm's registry answers within `timeoutMs` (a proxy configured for npm counts as yes:
 * npm, not this probe, knows how to use it).
 * @param {string} root
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ ok: true } | { ok: false, registry: string, error: string }>}
 */
export async function npmRegistryReachable(root, env, timeoutMs = 8_000) {
  /** @param {string} key */
  const npmConfig = (key) => spawnSync('npm', ['config', 'get', key], { cwd: root, env, encoding: 'utf8' }).stdout?.trim() ?? '';
  if (['proxy', 'https-proxy'].some((k) => !['', 'null', 'undefined'].includes(npmConfig(k)))) return { ok: true };
  const registry = npmConfig('registry') || 'https://registry.npmjs.org/';
  try {
    await fetch(registry, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return { ok: true };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
    return { ok: false, registry, error: `${err instanceof Error ? err.message : String(err)}${cause ? ` (${cause})` : ''}` };
  }
}

/**
 * Run `npm ci` when node_modules is missing or was installed from another lockfile; prints
 * progress. Never starts `npm ci` where the registry cannot be reached (a test's network
 * namespace, LW_NETNS=1, or a machine offline): there `npm ci` would delete node_modules and
 * hang, so it stops at once and says what to do.
 * @param {string} root
 * @param {(line: string) => void} [log]
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<boolean>} whether it installed
 */
export async function ensureNpmDependencies(root, log = (line) => console.error(line), env = process.env) {
  const state = npmInstallState(root);
  if (!state.needed) return false;
  if (env.LW_NETNS === '1') {
    throw new Error(
      `npm packages must be installed (${state.reason}), but this process runs inside a network namespace ` +
        'that cannot reach the npm registry. Run `npm ci` (or `npm start` / `npm test`) outside it first.',
    );
  }
  const reachable = await npmRegistryReachable(root, env);
  if (!reachable.ok) {
    throw new Error(
      `npm packages must be installed (${state.reason}), but the npm registry ${reachable.registry} cannot be reached: ` +
        `${reachable.error}. Nothing was changed. Connect this machine to the network (or set npm's registry or proxy) and run the command again.`,
    );
  }
  log(`Installing npm dependencies (${state.reason})…`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(
      'npm ci failed (see the output above). If the npm registry cannot be reached from here, ' +
        'install on a machine that can, or set npm\'s registry (npm config set registry <url>).',
    );
  }
  recordHash(join(root, NPM_STAMP), hashOf(root, [join(root, 'package-lock.json')]));
  return true;
}
