// @ts-check
// Runs a command inside a private network namespace whose only interface is loopback,
// so nothing it starts (LiveKit, Chromium, the app server) can reach beyond 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { pathToFileURL } from 'node:url';

// `sh -c` brings loopback up inside the new namespace, then becomes the command ("$@").
const UP_AND_EXEC = ['sh', '-c', 'ip link set lo up && exec "$@"', 'sh'];
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Chooses how to enter a loopback-only namespace: `unshare -n` as root, `unshare -rn`
 * (a user namespace) otherwise. Returns the prefix arguments, or undefined if neither works.
 * @returns {string[] | undefined}
 */
export function loopbackNamespacePrefix() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const candidates = isRoot ? [['unshare', '-n'], ['unshare', '-rn']] : [['unshare', '-rn']];
  for (const prefix of candidates) {
    const probe = spawnSync(/** @type {string} */ (prefix[0]), [...prefix.slice(1), ...UP_AND_EXEC, 'true'], { stdio: 'ignore' });
    if (probe.status === 0) return prefix;
  }
  return undefined;
}

/**
 * Runs `cmd args` in a new network namespace with only loopback up, with LW_NETNS=1 set.
 * When no namespace can be created it warns and runs the command directly, unless
 * LW_REQUIRE_NETNS=1 (or opts.require) makes that an error. Already inside one
 * (LW_NETNS=1), it runs the command directly. Resolves with the child's exit code;
 * a child killed by a signal resolves with 128 + signal number. Signals sent to this
 * process are forwarded to the child.
 * @param {string} cmd
 * @param {string[]} [args]
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, require?: boolean, log?: (line: string) => void }} [opts]
 * @returns {Promise<{ code: number, signal: NodeJS.Signals | null, isolated: boolean }>}
 */
export function runInLoopbackNamespace(cmd, args = [], opts = {}) {
  const baseEnv = opts.env ?? process.env;
  const log = opts.log ?? ((line) => console.error(line));
  const mustIsolate = opts.require ?? baseEnv.LW_REQUIRE_NETNS === '1';

  let argv;
  let isolated = true;
  if (baseEnv.LW_NETNS === '1') {
    argv = [cmd, ...args];
  } else {
    const prefix = loopbackNamespacePrefix();
    if (prefix) {
      argv = [...prefix, ...UP_AND_EXEC, cmd, ...args];
    } else if (mustIsolate) {
      return Promise.reject(
        new Error(
          'cannot create a loopback-only network namespace (unshare -n / unshare -rn failed) and LW_REQUIRE_NETNS=1. ' +
            'Run as root, enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1), ' +
            'or unset LW_REQUIRE_NETNS to run without isolation.',
        ),
      );
    } else {
      isolated = false;
      log(
        'warning: cannot create a loopback-only network namespace (unshare -n / unshare -rn failed); ' +
          'running WITHOUT network isolation. Set LW_REQUIRE_NETNS=1 to make this an error.',
      );
      argv = [cmd, ...args];
    }
  }

  const env = isolated ? { ...baseEnv, LW_NETNS: '1' } : { ...baseEnv };
  return new Promise((resolve, reject) => {
    const child = spawn(/** @type {string} */ (argv[0]), argv.slice(1), { env, cwd: opts.cwd, stdio: 'inherit' });
    /** @param {NodeJS.Signals} signal */
    const forward = (signal) => child.kill(signal);
    for (const s of FORWARDED_SIGNALS) process.on(s, forward);
    const cleanup = () => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
    };
    child.on('error', (err) => {
      cleanup();
      reject(err);
    });
    child.on('exit', (code, signal) => {
      cleanup();
      const signalNumber = signal ? (constants.signals[signal] ?? 0) : 0;
      resolve({ code: code ?? 128 + signalNumber, signal, isolated });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sep = process.argv.indexOf('--');
  const [cmd, ...args] = sep >= 0 ? process.argv.slice(sep + 1) : process.argv.slice(2);
  if (!cmd) {
    console.error('usage: node scripts/netns.mjs -- <command> [args...]');
    process.exit(2);
  }
  runInLoopbackNamespace(cmd, args).then(
    ({ code, signal }) => {
      // Die of the same signal so callers (shells, CI) see what really happened.
      if (signal) process.kill(process.pid, signal);
      else process.exit(code);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
