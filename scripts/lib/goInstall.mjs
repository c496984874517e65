// @ts-check
// `go install` of a pinned Go program into a project-local folder, with go's own progress lines
// ("go: downloading …") passed on: shared by the scripts that build LiveKit and the mail catcher.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { findOnPath } from './executables.mjs';

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
  return new Promise((resolve, reject) => {
    const child = spawn(go, ['install', pkg], { env: { ...process.env, GOBIN: binDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {string[]} */
    const tail = [];
    /** @param {import('node:stream').Readable} stream */
    const forward = (stream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (/** @type {string} */ chunk) => {
        const lines = (rest + chunk).split(/\r?\n/);
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.trim()) continue;
          tail.push(line);
          if (tail.length > 30) tail.shift();
          log(`  ${line}`);
        }
      });
    };
    forward(child.stdout);
    forward(child.stderr);
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(undefined) : reject(new Error(`go install ${pkg} failed (${signal ?? `exit ${code}`}):\n${tail.join('\n')}`)),
    );
  });
}
