// @ts-check
// Content hashes for install decisions: what was installed or built is recorded with the hash of
// the inputs it came from, so a checkout that only rewrites files (new times, same bytes) changes
// nothing, and a real change is always seen. Node built-ins only: runs before npm packages exist.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * SHA-256 over the given files and folders (recursively, in a stable order), covering each
 * file's path relative to `base` and its bytes. Missing entries count as "missing".
 * @param {string} base
 * @param {readonly string[]} paths
 * @returns {string}
 */
export function hashOf(base, paths) {
  const hash = createHash('sha256');
  /** @param {string} path */
  const add = (path) => {
    if (!existsSync(path)) {
      hash.update(`missing:${relative(base, path)}\n`);
      return;
    }
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(`file:${relative(base, path)}\n`);
    hash.update(readFileSync(path));
    hash.update('\n');
  };
  for (const path of paths) add(path);
  return hash.digest('hex');
}

/**
 * The hash recorded in `stampFile`, or undefined when there is none.
 * @param {string} stampFile
 * @returns {string | undefined}
 */
export function recordedHash(stampFile) {
  try {
    return readFileSync(stampFile, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Record `hash` in `stampFile`.
 * @param {string} stampFile
 * @param {string} hash
 */
export function recordHash(stampFile, hash) {
  writeFileSync(stampFile, `${hash}\n`);
}
