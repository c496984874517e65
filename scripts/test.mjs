// @ts-check
// `npm test`: install what is missing (npm packages, the LiveKit build, Debian's Chromium),
// type-check, then run every test inside a loopback-only network namespace.
import { spawnSync } from 'node:child_process';
import { prepareMachine } from './lib/prepareMachine.mjs';
import { REPO_ROOT } from './lib/repoLayout.mjs';

/** @param {string} line */
const log = (line) => console.error(`[test] ${line}`);
const started = Date.now();

const { ensureClientBuild, runInLoopbackNamespace } = await prepareMachine(REPO_ROOT, log);
ensureClientBuild(REPO_ROOT, log);

log('Type-checking…');
for (const project of ['scripts', 'shared', 'server', 'client', 'testkit', 'e2e', 'bench']) {
  const result = spawnSync('npx', ['tsc', '-p', project], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Two passes, inside a loopback-only network namespace: the fast suites in parallel, then the
// browser suites (end-to-end journey, benchmark smoke) one file at a time, so that two cores
// are not shared by several sets of Chromium pages at once.
const args = process.argv.slice(2);
const passes = args.length > 0
  ? [['vitest', 'run', ...args]]
  : [
      ['vitest', 'run', '--project', 'scripts', '--project', 'shared', '--project', 'testkit', '--project', 'client', '--project', 'server'],
      ['vitest', 'run', '--project', 'e2e', '--project', 'bench', '--maxWorkers=1'],
    ];
let code = 0;
for (const pass of passes) {
  log(`Running ${pass.slice(2).join(' ') || 'every test'} on loopback only…`);
  ({ code } = await runInLoopbackNamespace('npx', pass, { cwd: REPO_ROOT, log }));
  if (code !== 0) break;
}
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(code);
