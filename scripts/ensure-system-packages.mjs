// @ts-check
// Makes sure the Debian packages the tests use are installed: caddy (the TLS front of the
// multi-host HTTPS test), libnss3-tools (certutil, to make a browser trust the test CA), nftables
// (nft, the firewall rules of test hosts), and the engines of the scale-out store tests:
// postgresql-15 and redis-server (started by testkit on free loopback ports). Installs the missing ones with apt-get, as root, outside any
// test namespace; tests never install anything.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { findOnPath, isExecutable } from './lib/executables.mjs';

/** Each package and the program that shows it is installed. */
export const SYSTEM_PACKAGES = /** @type {const} */ ([
  { pkg: 'caddy', program: 'caddy' },
  { pkg: 'libnss3-tools', program: 'certutil' },
  { pkg: 'nftables', program: 'nft' },
  // Debian keeps PostgreSQL's server programs off PATH, in a folder per major version.
  { pkg: 'postgresql-15', program: '/usr/lib/postgresql/15/bin/postgres' },
  { pkg: 'redis-server', program: 'redis-server' },
]);

/**
 * Whether `program` (a name on PATH, or an absolute path) can be run.
 * @param {string} program
 */
async function isInstalled(program) {
  return program.startsWith('/') ? isExecutable(program) : (await findOnPath(program)) !== undefined;
}

/**
 * Runs a command with its output shown as it comes (apt-get's progress); rejects on failure.
 * @param {string} cmd
 * @param {string[]} args
 * @returns {Promise<void>}
 */
function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))));
  });
}

/**
 * Installs whichever of `packages` (default SYSTEM_PACKAGES) is missing (apt-get update first).
 * Needs root and apt-get when something is missing; refuses inside a test namespace (LW_NETNS=1).
 * @param {{ log?: (line: string) => void, packages?: readonly { pkg: string, program: string }[] }} [opts]
 * @returns {Promise<void>}
 */
export async function ensureSystemPackages({ log = (line) => console.error(line), packages = SYSTEM_PACKAGES } = {}) {
  /** @type {string[]} */
  const missing = [];
  for (const { pkg, program } of packages) if (!(await isInstalled(program))) missing.push(pkg);
  if (missing.length === 0) return;
  const what = `missing Debian packages: ${missing.join(', ')}`;
  if (process.env.LW_NETNS === '1') {
    throw new Error(`${what}; install them outside the test namespace: node scripts/ensure-system-packages.mjs`);
  }
  const aptGet = await findOnPath('apt-get');
  if (!aptGet) throw new Error(`${what}, and apt-get is not available: install them with your system's package manager`);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`${what}. Install them as root: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing ${missing.join(', ')} with apt-get (first run only)…`);
  await run(aptGet, ['update']);
  await run(aptGet, ['install', '-y', '--no-install-recommends', ...missing]);
  const still = [];
  for (const { pkg, program } of packages) if (missing.includes(pkg) && !(await isInstalled(program))) still.push(`${pkg} (${program})`);
  if (still.length > 0) throw new Error(`apt-get installed them but these programs are still missing: ${still.join(', ')}`);
  log(`installed ${missing.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureSystemPackages().then(
    () => console.log(SYSTEM_PACKAGES.map((p) => p.pkg).join(' ') + ': installed'),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
