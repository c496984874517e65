// @ts-check
// Makes sure Debian's Chromium is installed at /usr/bin/chromium (installs it with apt-get when missing).
import { pathToFileURL } from 'node:url';
import { findOnPath, isExecutable } from './lib/executables.mjs';
import { runWithProgress as run } from './lib/runWithProgress.mjs';

/** Where Debian's chromium package puts the browser; e2e tests launch exactly this binary. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Returns the path of Debian's Chromium, installing the `chromium` package with apt-get
 * (after `apt-get update`) when it is missing. Needs root and apt-get for the install.
 * @param {{ log?: (line: string) => void }} [opts]
 * @returns {Promise<string>}
 */
export async function ensureChromium({ log = (line) => console.error(line) } = {}) {
  if (await isExecutable(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.env.LW_NETNS === '1') {
    throw new Error(`Chromium is missing (${CHROMIUM_PATH}); install it outside the test namespace: node scripts/ensure-chromium.mjs`);
  }
  const aptGet = await findOnPath('apt-get');
  if (!aptGet) {
    throw new Error(
      `Chromium is missing (${CHROMIUM_PATH}) and apt-get is not available to install it. ` +
        'Install Debian/Ubuntu\'s "chromium" package so that /usr/bin/chromium exists.',
    );
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      `Chromium is missing (${CHROMIUM_PATH}). Install it as root: sudo apt-get update && sudo apt-get install -y chromium`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log('installing Chromium with apt-get (first run only)…');
  await run(aptGet, ['update'], log, env);
  await run(aptGet, ['install', '-y', '--no-install-recommends', 'chromium'], log, env);
  if (!(await isExecutable(CHROMIUM_PATH))) {
    throw new Error(`apt-get installed "chromium" but ${CHROMIUM_PATH} is still missing`);
  }
  log(`Chromium installed at ${CHROMIUM_PATH}`);
  return CHROMIUM_PATH;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureChromium().then(
    (path) => console.log(path),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
