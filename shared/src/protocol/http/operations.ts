/** POST /api/moderator/checks: the pre-event check from the console (`npm run check` on the command line). */
import type { Message } from '../../i18n/message.js';

/** How one check went: pass, warn (the event can run, but look at this) or fail (fix it first). */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** One check's outcome, in words the reader's language gives (its title is `check.title.<id>`). */
export interface CheckResult {
  /** Stable name of the check. */
  readonly id: 'event' | 'livekit' | 'turn' | 'mail' | 'disk' | 'clock' | 'tls';
  readonly status: CheckStatus;
  /** What was found, and what to do when it is not a pass. */
  readonly detail: Message;
}

/** What the console sends: where the test mail goes (none: only the mail server's connection is checked). */
export interface PreEventCheckRequest {
  readonly mailTo?: string;
}

/** What the server answers. */
export interface PreEventCheckReport {
  readonly results: readonly CheckResult[];
  readonly checkedAt: number;
}
