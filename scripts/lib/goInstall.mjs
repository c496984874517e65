// @ts-check
// `go install` of a pinned Go program into a project-local folder, with go's own progress lines
// ("go: downloading …") passed on: shared by the scripts that build LiveKit and the mail catcher.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findOnPath } from './executables.mjs';
import { runWithProgress } from './runWithProgress.mjs';

const execFileAsync = promisify(execFile);

/**
 * The `go` command, when it is at least `min` ([major, minor]); otherwise an error saying `what` needs it.
 * @param {[number, number]} min
 * @param {string} what
 */
export async function goAtLeast(min, what) {
  const go = await findOnPath('go');
  const missing = `${what}: install Go >= ${min.join('.')} (https://go.dev/dl/)`;
  if (!go) throw new Error(missing);
  const { stdout } = await execFileAsync(go, ['version']);
  const m = /go(\d+)\.(\d+)/.exec(stdout);
  const [major, minor] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (major < min[0] || (major === min[0] && minor < min[1])) throw new Error(`${missing} (found: ${stdout.trim()})`);
  return go;
}

/**
 * Runs `go install pkg` with GOBIN=binDir, forwarding go's progress to `log`.
 * @param {string} go
 * @param {string} pkg  e.g. github.com/axllent/mailpit@v1.33.1
 * @param {string} binDir
 * @param {(line: string) => void} log
 * @returns {Promise<void>}
 */
export function goInstall(go, pkg, binDir, log) {
  return runWithProgress(go, ['install', pkg], log, { ...process.env, GOBIN: binDir });
}
