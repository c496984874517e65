// Builds the browser client when client/dist is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Build client/ with Vite unless the build is newer than every source file. */
export function ensureClientBuild(root, log = (line) => console.error(line)) {
  const built = join(root, 'client', 'dist', 'index.html');
  const sources = [join(root, 'client', 'src'), join(root, 'shared', 'src')];
  const inputs = Math.max(...sources.map(newestMtime), statSync(join(root, 'client', 'index.html')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= inputs) return false;
  log('Building the browser client…');
  const result = spawnSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The client build failed; see the output above.');
  return true;
}
