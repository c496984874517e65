// @ts-check
// What `npm run monitoring:shot` needs besides the bench's own tools: Debian's `prometheus` (apt,
// as root, outside any namespace) and Grafana, which Debian does not package: Grafana's own release
// tarball, unpacked into the git-ignored .cache/grafana/ (tried once per run; where it cannot be
// downloaded, the reason is returned and the shot renders the dashboard's panels itself).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findOnPath } from './lib/executables.mjs';
import { REPO_ROOT } from './lib/repoLayout.mjs';
import { ensureSystemPackages } from './ensure-system-packages.mjs';

/** The Grafana release matching docker-compose.yml's image. */
export const GRAFANA_VERSION = '12.1.0';
export const GRAFANA_HOME = join(REPO_ROOT, '.cache', 'grafana');
const GRAFANA_BIN = join(GRAFANA_HOME, 'bin', 'grafana');
const GRAFANA_TARBALL = `https://dl.grafana.com/oss/release/grafana-${GRAFANA_VERSION}.linux-amd64.tar.gz`;
const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * @param {string} cmd
 * @param {string[]} args
 * @returns {Promise<void>}
 */
function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code})`))));
  });
}

/**
 * Grafana's binary in .cache/grafana, downloading its release tarball when missing.
 * @param {(line: string) => void} log
 * @returns {Promise<{ grafana: string | null, problem: string | null }>}
 */
export async function ensureGrafana(log) {
  if (existsSync(GRAFANA_BIN)) return { grafana: GRAFANA_BIN, problem: null };
  log(`fetching Grafana ${GRAFANA_VERSION} from ${GRAFANA_TARBALL}…`);
  let body;
  try {
    const res = await fetch(GRAFANA_TARBALL, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    const cause = /** @type {{ cause?: { code?: string, message?: string } }} */ (err).cause;
    const reason = cause?.code ? `${cause.code} ${cause.message ?? ''}`.trim() : err instanceof Error ? err.message : String(err);
    return { grafana: null, problem: `fetch ${GRAFANA_TARBALL} failed: ${reason}` };
  }
  rmSync(GRAFANA_HOME, { recursive: true, force: true });
  mkdirSync(GRAFANA_HOME, { recursive: true });
  const tarball = join(GRAFANA_HOME, 'grafana.tar.gz');
  writeFileSync(tarball, body);
  await run('tar', ['-xzf', tarball, '-C', GRAFANA_HOME, '--strip-components=1']);
  rmSync(tarball);
  return existsSync(GRAFANA_BIN) ? { grafana: GRAFANA_BIN, problem: null } : { grafana: null, problem: `the tarball holds no bin/grafana` };
}

/**
 * Prometheus (apt) and, if it can be had, Grafana.
 * @param {{ log?: (line: string) => void }} [opts]
 */
export async function ensureMonitoring({ log = (line) => console.error(line) } = {}) {
  await ensureSystemPackages({ log, packages: [{ pkg: 'prometheus', program: 'prometheus' }] });
  const prometheus = await findOnPath('prometheus');
  if (!prometheus) throw new Error('prometheus is not on PATH after installing it');
  return { prometheus, ...(await ensureGrafana(log)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureMonitoring().then((found) => console.log(JSON.stringify(found)), (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
