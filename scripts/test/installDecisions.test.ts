// Install decisions use content hashes, never file times, and never start an install where it
// cannot succeed (inside a test namespace, or with the registry out of reach).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { clientInputsHash } from '../lib/clientBuild.mjs';
import { hashOf, recordHash } from '../lib/contentHash.mjs';
import { ensureNpmDependencies, NPM_STAMP, npmInstallState } from '../lib/npmDeps.mjs';

let root: string;
const lock = () => join(root, 'package-lock.json');
const inTheFuture = () => new Date(Date.now() + 3_600_000);

/** A checkout whose node_modules was installed by our scripts from the current lockfile. */
function installedCheckout(): void {
  root = mkdtempSync(join(tmpdir(), 'lw-install-'));
  writeFileSync(lock(), JSON.stringify({ name: 'x', lockfileVersion: 3, packages: { '': {} } }));
  mkdirSync(join(root, 'node_modules'));
  writeFileSync(join(root, 'node_modules', 'keep.txt'), 'installed');
  recordHash(join(root, NPM_STAMP), hashOf(root, [lock()]));
}

/** A port on loopback that refuses connections. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

beforeEach(installedCheckout);

describe('npm packages', () => {
  test('a lockfile rewritten with the same bytes (a checkout, new times) needs no install', () => {
    writeFileSync(lock(), readFileSync(lock()));
    utimesSync(lock(), inTheFuture(), inTheFuture());
    expect(npmInstallState(root)).toEqual({ needed: false });
  });

  test.each([
    ['a changed lockfile', () => writeFileSync(lock(), JSON.stringify({ name: 'x', lockfileVersion: 3, packages: { '': { dependencies: { a: '1' } } } }))],
    ['node_modules without our record (installed by hand)', () => writeFileSync(join(root, NPM_STAMP), '')],
  ])('%s needs an install', (_what, change) => {
    change();
    expect(npmInstallState(root)).toMatchObject({ needed: true });
  });

  test('inside a test namespace it stops at once with what to do, and node_modules stays', async () => {
    writeFileSync(lock(), '{"changed":true}');
    await expect(ensureNpmDependencies(root, () => undefined, { ...process.env, LW_NETNS: '1' })).rejects.toThrow(/network namespace.*Run `npm ci`/s);
    expect(existsSync(join(root, 'node_modules', 'keep.txt'))).toBe(true);
  });

  test('with the registry out of reach it stops at once, says so, and node_modules stays', async () => {
    writeFileSync(lock(), '{"changed":true}');
    const registry = `http://127.0.0.1:${await closedPort()}/`;
    const env = { ...process.env, LW_NETNS: '0', npm_config_registry: registry, npm_config_proxy: '', npm_config_https_proxy: '' };
    await expect(ensureNpmDependencies(root, () => undefined, env)).rejects.toThrow(new RegExp(`registry ${registry.replace(/[./]/g, '\\$&')} cannot be reached.*Nothing was changed`, 's'));
    expect(existsSync(join(root, 'node_modules', 'keep.txt'))).toBe(true);
  });
});

describe('the client build', () => {
  beforeEach(() => {
    for (const dir of ['client/src', 'shared/src']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'client/src/main.tsx'), 'export {}');
    writeFileSync(join(root, 'client/index.html'), '<!doctype html>');
  });

  test('is not redone for files that only got new times', () => {
    const before = clientInputsHash(root);
    utimesSync(join(root, 'client/src/main.tsx'), inTheFuture(), inTheFuture());
    expect(clientInputsHash(root)).toBe(before);
  });

  test.each([
    ['a source edited', () => writeFileSync(join(root, 'client/src/main.tsx'), 'export const x = 1')],
    ['a shared file added', () => writeFileSync(join(root, 'shared/src/new.ts'), 'export {}')],
    ['a file renamed', () => writeFileSync(join(root, 'client/src/other.tsx'), readFileSync(join(root, 'client/src/main.tsx')))],
  ])('is redone for %s', (_what, change) => {
    const before = clientInputsHash(root);
    change();
    expect(clientInputsHash(root)).not.toBe(before);
  });
});
