// Installs the npm dependencies when they are missing or older than the lockfile.
// Uses only Node built-ins: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Run `npm ci` when node_modules is missing or stale; prints progress. */
export function ensureNpmDependencies(root, log = (line) => console.error(line)) {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return false;
  log('Installing npm dependencies (first run only)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci failed; see the output above.');
  return true;
}
