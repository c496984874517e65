// `npm test`: install what is missing (npm packages, the LiveKit build, Debian's Chromium),
// type-check, then run every test inside a loopback-only network namespace.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNpmDependencies } from './lib/npmDeps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => console.error(`[test] ${line}`);
const started = Date.now();

ensureNpmDependencies(root, log);
const { ensureLiveKit } = await import('./ensure-livekit.mjs');
const { ensureChromium } = await import('./ensure-chromium.mjs');
const { ensureClientBuild } = await import('./lib/clientBuild.mjs');
const { runInLoopbackNamespace } = await import('./netns.mjs');
await ensureLiveKit({ log });
await ensureChromium({ log });
ensureClientBuild(root, log);

log('Type-checking…');
for (const project of ['shared', 'server', 'client', 'e2e']) {
  const result = spawnSync('npx', ['tsc', '-p', project], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

log('Running the tests on loopback only…');
const args = process.argv.slice(2);
const { code } = await runInLoopbackNamespace('npx', ['vitest', 'run', ...args], { cwd: root, log });
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(code);
