// @ts-check
// Builds the browser client when client/dist is missing or was built from other sources. The
// decision uses a content hash of the inputs recorded with the build, never file times.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hashOf, recordHash, recordedHash } from './contentHash.mjs';

/** Everything the client build reads, relative to the repository root. */
const INPUTS = ['client/src', 'client/index.html', 'client/vite.config.ts', 'client/package.json', 'client/public', 'shared/src', 'package-lock.json'];

/** @param {string} root */
const stampOf = (root) => join(root, 'client', 'dist', '.lw-build.sha256');

/**
 * The hash of the client build's inputs.
 * @param {string} root
 */
export function clientInputsHash(root) {
  return hashOf(root, INPUTS.map((p) => join(root, p)));
}

/**
 * Build client/ with Vite unless client/dist was built from exactly these inputs.
 * @param {string} root
 * @param {(line: string) => void} [log]
 * @returns {boolean} whether it built
 */
export function ensureClientBuild(root, log = (line) => console.error(line)) {
  const hash = clientInputsHash(root);
  if (existsSync(join(root, 'client', 'dist', 'index.html')) && recordedHash(stampOf(root)) === hash) return false;
  log('Building the browser client…');
  // NODE_ENV from the caller (vitest sets "test") would make Vite bundle React's development build.
  const result = spawnSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('The client build failed; see the output above.');
  recordHash(stampOf(root), hash);
  return true;
}
