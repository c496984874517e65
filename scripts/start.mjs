// @ts-check
// `npm start`: install what is missing, build what is stale, then run the workshop server
// (which starts a local LiveKit server unless LIVEKIT_URL points at one).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureNpmDependencies } from './lib/npmDeps.mjs';
import { REPO_ROOT } from './lib/repoLayout.mjs';

/** @param {string} line */
const log = (line) => console.error(`[start] ${line}`);

try {
  await ensureNpmDependencies(REPO_ROOT, log);
  const { ensureClientBuild } = await import('./lib/clientBuild.mjs');
  ensureClientBuild(REPO_ROOT, log);
  if (!process.env.LIVEKIT_URL) {
    const { ensureLiveKit } = await import('./ensure-livekit.mjs');
    const livekit = await ensureLiveKit({ log });
    if (livekit.kind === 'binary') process.env.LIVEKIT_BINARY = livekit.path;
  }
  // Without an SMTP server the workshop mails join links to a local Mailpit (server/src/main.ts): build it
  // here, once, like LiveKit (a fresh clone has none until then; `npm test` used to be what built it).
  if (!process.env.SMTP_URL) {
    const { ensureMailpit } = await import('./ensure-mailpit.mjs');
    process.env.MAILPIT_BINARY ??= await ensureMailpit({ log });
  }
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
