// @ts-check
// Finds (or builds once) Mailpit, the local mail catcher `npm start` and the browser tests send
// join links to: a `mailpit` on PATH, or v1.33.1 built with `go install` into the git-ignored .cache/.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findOnPath, isExecutable } from './lib/executables.mjs';
import { goAtLeast, goInstall } from './lib/goInstall.mjs';

/** The Mailpit version the project is pinned to. */
export const MAILPIT_VERSION = '1.33.1';
const GO_PACKAGE = `github.com/axllent/mailpit@v${MAILPIT_VERSION}`;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the project-local Mailpit binary is built. */
export const MAILPIT_BIN_DIR = join(root, '.cache', 'mailpit', 'bin');
/** The project-local Mailpit binary. */
export const MAILPIT_BIN = join(MAILPIT_BIN_DIR, 'mailpit');

// `go install` leaves the version out of the binary ("dev"), so the build records it beside it.
const VERSION_FILE = join(MAILPIT_BIN_DIR, 'mailpit.version');
async function builtVersion() {
  return (await readFile(VERSION_FILE, 'utf8').catch(() => '')).trim();
}

/**
 * The Mailpit binary to run: `mailpit` on PATH, else .cache/mailpit/bin/mailpit, built on first use.
 * @param {{ log?: (line: string) => void }} [opts]
 * @returns {Promise<string>}
 */
export async function ensureMailpit({ log = (line) => console.error(line) } = {}) {
  const onPath = await findOnPath('mailpit');
  if (onPath) return onPath;
  if ((await isExecutable(MAILPIT_BIN)) && (await builtVersion()) === MAILPIT_VERSION) return MAILPIT_BIN;
  if (process.env.LW_NETNS === '1') {
    throw new Error(
      `Mailpit v${MAILPIT_VERSION} must be built, but this process runs inside a network namespace that cannot reach ` +
        'the Go module proxy. Run `node scripts/ensure-mailpit.mjs` (or `npm start` / `npm test`) outside it first.',
    );
  }
  const go = await goAtLeast([1, 24], `Mailpit v${MAILPIT_VERSION} (the local mail catcher) cannot be built`);
  await mkdir(MAILPIT_BIN_DIR, { recursive: true });
  log(`building the mail catcher Mailpit v${MAILPIT_VERSION} (first run only, ~1 min)…`);
  const started = Date.now();
  await goInstall(go, GO_PACKAGE, MAILPIT_BIN_DIR, log);
  await writeFile(VERSION_FILE, `${MAILPIT_VERSION}\n`);
  log(`built Mailpit in ${Math.round((Date.now() - started) / 1000)} s`);
  return MAILPIT_BIN;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureMailpit().then(
    (path) => console.log(path),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
