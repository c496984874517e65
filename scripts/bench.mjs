// @ts-check
// `npm run bench`: install what is missing (npm packages, the LiveKit build, Debian's Chromium,
// the client build for the bundle figure), then run the benchmark harness (bench/src/main.ts)
// inside a loopback-only network namespace. Arguments are passed on, e.g. `npm run bench -- --smoke`.
import { prepareMachine } from './lib/prepareMachine.mjs';
import { REPO_ROOT } from './lib/repoLayout.mjs';

/** @param {string} line */
const log = (line) => console.error(`[bench] ${line}`);

const { ensureClientBuild, runInLoopbackNamespace } = await prepareMachine(REPO_ROOT, log);
try {
  ensureClientBuild(REPO_ROOT, log);
} catch (err) {
  // The bundle size is one figure among many: without a build it is reported as not measured.
  log(`${err instanceof Error ? err.message : err} The attendee bundle size will be skipped.`);
}

log('Running the benchmark on loopback only…');
const { code } = await runInLoopbackNamespace(process.execPath, ['--import', 'tsx', 'bench/src/main.ts', ...process.argv.slice(2)], { cwd: REPO_ROOT, log });
process.exit(code);
