// @ts-check
// What `npm test` and `npm run bench` both need before they run: npm packages, the LiveKit
// server, the Mailpit mail catcher and Debian's Chromium, each installed only when missing. Node built-ins only at the
// top: the npm packages may not be there yet.
import { ensureNpmDependencies } from './npmDeps.mjs';

/**
 * Install what is missing; returns the helpers the callers use next.
 * @param {string} root
 * @param {(line: string) => void} log
 */
export async function prepareMachine(root, log) {
  await ensureNpmDependencies(root, log);
  const { ensureLiveKit } = await import('../ensure-livekit.mjs');
  const { ensureChromium } = await import('../ensure-chromium.mjs');
  const { ensureClientBuild } = await import('./clientBuild.mjs');
  const { runInLoopbackNamespace } = await import('../netns.mjs');
  await ensureLiveKit({ log });
  process.env.MAILPIT_BINARY ??= await (await import('../ensure-mailpit.mjs')).ensureMailpit({ log });
  await ensureChromium({ log });
  await (await import('../ensure-system-packages.mjs')).ensureSystemPackages({ log });
  return { ensureClientBuild, runInLoopbackNamespace };
}
