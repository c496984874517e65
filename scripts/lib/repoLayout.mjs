// @ts-check
// Where things are in this repository, computed in this one place: the root, and the LiveKit
// server binary (`livekit-server` on PATH, else the project's own build in the git-ignored
// .cache/). The install scripts use it, and the testkit re-exports it for TypeScript (types in
// repoLayout.d.mts). Node built-ins only: it runs before any npm package exists.
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in <root>/scripts/lib/). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The LiveKit server version the project is pinned to. */
export const LIVEKIT_VERSION = '1.13.5';
/** Where the project-local LiveKit binary is built. */
export const LIVEKIT_BIN_DIR = join(REPO_ROOT, '.cache', 'livekit', 'bin');
/** The project-local LiveKit binary. */
export const LIVEKIT_BIN = join(LIVEKIT_BIN_DIR, 'livekit-server');

/**
 * True when `path` exists and may be run.
 * @param {string} path
 */
function isExecutableSync(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The LiveKit binary already on this machine: `livekit-server` on PATH, else the project's build.
 * @returns {{ path: string, onPath: boolean } | undefined}
 */
export function installedLiveKitBinary() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutableSync(join(dir, 'livekit-server'))) return { path: join(dir, 'livekit-server'), onPath: true };
  }
  return isExecutableSync(LIVEKIT_BIN) ? { path: LIVEKIT_BIN, onPath: false } : undefined;
}

/**
 * The LiveKit binary to run, or an error that says how to get one.
 * @returns {string}
 */
export function findLiveKitBinary() {
  const found = installedLiveKitBinary();
  if (found) return found.path;
  throw new Error(
    `LiveKit server binary not found (no livekit-server on PATH, no ${LIVEKIT_BIN}). ` +
      'Run `node scripts/ensure-livekit.mjs` once (outside any network namespace) to build it.',
  );
}
