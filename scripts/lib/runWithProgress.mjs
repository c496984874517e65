// @ts-check
// Runs an installer (go install, apt-get) and passes each line it prints on to `log`, so a long
// install shows progress; when it fails, the error carries its last lines.
import { spawn } from 'node:child_process';

const TAIL_LINES = 30;

/**
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {(line: string) => void} log
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<void>}
 */
export function runWithProgress(cmd, args, log, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {string[]} */
    const tail = [];
    /** @param {string} line */
    const say = (line) => {
      if (!line.trim()) return;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      log(`  ${line}`);
    };
    /** @param {import('node:stream').Readable} stream */
    const forward = (stream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (/** @type {string} */ chunk) => {
        const lines = (rest + chunk).split(/\r?\n/);
        rest = lines.pop() ?? '';
        lines.forEach(say);
      });
      stream.on('end', () => say(rest));
    };
    forward(/** @type {import('node:stream').Readable} */ (child.stdout));
    forward(/** @type {import('node:stream').Readable} */ (child.stderr));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(undefined) : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail.join('\n')}`)),
    );
  });
}
