// Scenario 4's last figures: the attendee page's JavaScript, as built (gzip) and as Chromium loads
// it for a registered attendee's join link (lazy chunks it needs included).
import { CLIENT_DIST } from '@live-workshop/testkit';
import { attendeeBundleSize, loadedAttendeeBundle } from '../bundleSize.js';
import { registerAttendees } from '../registrations.js';
import type { BenchResults } from '../results.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

const NOT_BUILT = { skipped: 'client/dist is not built (npm run build -w client)' } as const;

export async function measureBundles(run: BenchRun, { server, breakoutIds }: BenchStack): Promise<Pick<BenchResults, 'bundle' | 'loadedBundle'>> {
  const bundle = attendeeBundleSize(CLIENT_DIST);
  if (!bundle) return { bundle: NOT_BUILT, loadedBundle: NOT_BUILT };
  run.step('attendee page: measuring what it loads');
  const [probe] = await registerAttendees(server.url, server.mail, 1, { prefix: 'bundle-probe', breakoutOf: () => breakoutIds[0]! });
  const loadedBundle = await loadedAttendeeBundle(`${server.url}/join/${probe!.credential}`)
    .catch((err: unknown) => ({ skipped: `the join page did not load: ${err instanceof Error ? err.message : String(err)}` }));
  return { bundle, loadedBundle };
}
