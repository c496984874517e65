// `npm run restore -- --backup FILE --data-dir DIR [--force]`: brings a backup into a data folder
// (restoreBackup.ts). Relative paths are taken from where npm was run.
import { resolve } from 'node:path';
import { restoreBackup, RestoreRefused } from './restoreBackup.js';

const args = process.argv.slice(2);
const valueOf = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const from = process.env.INIT_CWD ?? process.cwd();
const backup = valueOf('--backup');
const dataDir = valueOf('--data-dir');
if (!backup || !dataDir) {
  process.stderr.write('Usage: npm run restore -- --backup FILE --data-dir DIR [--force]\n');
  process.exit(2);
}
try {
  restoreBackup({ backup: resolve(from, backup), dataDir: resolve(from, dataDir), force: args.includes('--force'), say: (line) => process.stdout.write(`${line}\n`) });
} catch (err) {
  if (!(err instanceof RestoreRefused)) throw err;
  process.stderr.write(`Not restored: ${err.message}\n`);
  process.exit(1);
}
