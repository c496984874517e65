// @ts-check
// `npm start`: install what is missing, build what is stale, then run the workshop server
// (which starts a local LiveKit server unless LIVEKIT_URL points at one).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureNpmDependencies } from './lib/npmDeps.mjs';
import { prepareStart } from './lib/startSteps.mjs';
import { REPO_ROOT } from './lib/repoLayout.mjs';

/** @param {string} line */
const log = (line) => console.error(`[start] ${line}`);

try {
  Object.assign(process.env, await prepareStart(process.env, {
    npmDependencies: () => ensureNpmDependencies(REPO_ROOT, log),
    clientBuild: async () => (await import('./lib/clientBuild.mjs')).ensureClientBuild(REPO_ROOT, log),
    liveKit: async () => (await import('./ensure-livekit.mjs')).ensureLiveKit({ log }),
    mailpit: async () => (await import('./ensure-mailpit.mjs')).ensureMailpit({ log }),
  }));
} catch (err) {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
log('Starting the workshop server…');
const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts'), ...process.argv.slice(2)], {
  cwd: REPO_ROOT, stdio: 'inherit', env: process.env,
});
// Ctrl-C reaches the whole foreground group (this process and the server) at once; a signal sent
// to this process alone is passed on. The server stops LiveKit, then exits; so does this process.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
