// `npm run restore -- --backup FILE --data-dir DIR [--force]`: brings a backup into a data folder
// (restoreBackup.ts). Relative paths are taken from where npm was run.
import { commandLine } from './commandLine.js';
import { restoreBackup, RestoreRefused } from './restoreBackup.js';

const { valueOf, has, pathOf } = commandLine();
const backup = valueOf('--backup');
const dataDir = valueOf('--data-dir');
if (!backup || !dataDir) {
  process.stderr.write('Usage: npm run restore -- --backup FILE --data-dir DIR [--force]\n');
  process.exit(2);
}
try {
  restoreBackup({ backup: pathOf(backup), dataDir: pathOf(dataDir), force: has('--force'), say: (line) => process.stdout.write(`${line}\n`) });
} catch (err) {
  if (!(err instanceof RestoreRefused)) throw err;
  process.stderr.write(`Not restored: ${err.message}\n`);
  process.exit(1);
}
