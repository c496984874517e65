// @ts-check
// Finding programs: shared by the scripts that install what the project needs.
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * True when `path` exists and may be run.
 * @param {string} path
 */
export async function isExecutable(path) {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The full path of `name` on PATH, or undefined.
 * @param {string} name
 * @returns {Promise<string | undefined>}
 */
export async function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && (await isExecutable(join(dir, name)))) return join(dir, name);
  }
  return undefined;
}
