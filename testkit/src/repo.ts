// The repository's layout, from the one place that computes it: scripts/lib/repoLayout.mjs (Node
// built-ins only, because the install scripts need it before any npm package exists). The testkit
// is the only TypeScript code that reaches into scripts/; e2e and bench import these from here.
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/lib/repoLayout.mjs';

export { findLiveKitBinary, LIVEKIT_VERSION, REPO_ROOT } from '../../scripts/lib/repoLayout.mjs';

/** The workshop server's entry point (what `npm start` runs). */
export const SERVER_ENTRY = join(REPO_ROOT, 'server', 'src', 'main.ts');
/** The built browser client the server serves (`npm run build -w client`). */
export const CLIENT_DIST = join(REPO_ROOT, 'client', 'dist');
