// @ts-check
// Finds (or builds once) the LiveKit server the project runs against: an external one from
// LIVEKIT_URL, a `livekit-server` on PATH, or v1.13.5 built into the git-ignored .cache/.
import { execFile } from 'node:child_process';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { findOnPath, isExecutable } from './lib/executables.mjs';
import { goAtLeast, goInstall } from './lib/goInstall.mjs';
import { installedLiveKitBinary, LIVEKIT_BIN, LIVEKIT_BIN_DIR, LIVEKIT_VERSION } from './lib/repoLayout.mjs';

const execFileAsync = promisify(execFile);

const GO_PACKAGE = `github.com/livekit/livekit-server/cmd/server@v${LIVEKIT_VERSION}`;
/** @type {[number, number]} */
const MIN_GO = [1, 26];

/** @param {string} binary */
async function versionOf(binary) {
  try {
    const { stdout } = await execFileAsync(binary, ['--version'], { timeout: 10_000 });
    return /version\s+(\S+)/.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Locates the LiveKit server to use, building it on first use.
 * Order: LIVEKIT_URL (+ LIVEKIT_API_KEY, LIVEKIT_API_SECRET) → `livekit-server` on PATH →
 * .cache/livekit/bin/livekit-server → `go install` v1.13.5 into .cache/livekit/bin.
 * @param {{ log?: (line: string) => void }} [opts]
 * @returns {Promise<{ kind: 'external', url: string, apiKey: string, apiSecret: string } | { kind: 'binary', path: string }>}
 */
export async function ensureLiveKit({ log = (line) => console.error(line) } = {}) {
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = process.env;
  if (url) {
    if (!apiKey || !apiSecret) {
      throw new Error('LIVEKIT_URL is set, so LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set too');
    }
    return { kind: 'external', url, apiKey, apiSecret };
  }

  const installed = installedLiveKitBinary();
  if (installed?.onPath) {
    const version = await versionOf(installed.path);
    if (version !== LIVEKIT_VERSION) {
      log(`using ${installed.path} (version ${version ?? 'unknown'}; the project is tested with ${LIVEKIT_VERSION})`);
    }
  }
  if (installed) return { kind: 'binary', path: installed.path };

  // `go install` names the binary after its package directory (`server`); a build
  // interrupted before the rename, or made by hand, is reused when its version matches.
  const built = join(LIVEKIT_BIN_DIR, 'server');
  if (!((await isExecutable(built)) && (await versionOf(built)) === LIVEKIT_VERSION)) {
    if (process.env.LW_NETNS === '1') {
      throw new Error(
        `LiveKit server v${LIVEKIT_VERSION} must be built, but this process runs inside a network namespace that cannot ` +
          'reach the Go module proxy. Run `node scripts/ensure-livekit.mjs` (or `npm start` / `npm test`) outside it first.',
      );
    }
    const go = await goAtLeast(MIN_GO,
      `LiveKit server v${LIVEKIT_VERSION} is not available and cannot be built (or install livekit-server on PATH, ` +
        'or point at a running LiveKit with LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET)');
    await mkdir(LIVEKIT_BIN_DIR, { recursive: true });
    log(`building LiveKit server v${LIVEKIT_VERSION} (first run only, ~2 min)…`);
    const started = Date.now();
    await goInstall(go, GO_PACKAGE, LIVEKIT_BIN_DIR, log);
    log(`built LiveKit server in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  await rename(built, LIVEKIT_BIN);
  return { kind: 'binary', path: LIVEKIT_BIN };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureLiveKit().then(
    (result) => console.log(JSON.stringify(result)),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
