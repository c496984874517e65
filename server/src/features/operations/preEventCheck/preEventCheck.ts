// The pre-event check (`npm run check -- --event FILE`, and the moderator console's "Run the
// pre-event check"): every check at once, each with a plain-language pass / warn / fail.
import type { LiveKitPort } from '../../../livekit/livekitPort.js';
import { checkCertificate, checkClock, checkDisk } from './hostChecks.js';
import { checkEventFile, checkLiveKit, checkMail, checkTurnFallback } from './serviceChecks.js';
import { pass, type CheckResult } from './checkResult.js';
import type { Words } from '../../../platform/i18n.js';

/** What the checks look at. */
export interface PreEventCheckSettings {
  /** The event file to validate; null: the event the server runs (validated when it was loaded). */
  readonly eventFile: string | null;
  readonly runningEventTitle?: string;
  readonly livekit: LiveKitPort;
  /** LiveKit's HTTP address (its Date header is the clock's reference). */
  readonly livekitHttpUrl: string;
  /** LiveKit's config file (its rtc and turn settings), if known. */
  readonly livekitConfigFile: string | null;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Where the test mail goes; null: only the connection is checked. */
  readonly mailTo: string | null;
  readonly dataDir: string;
  readonly publicUrl: string;
  /** The reader's language, for the test mail (the results are translated where they are read). */
  readonly words: Words;
}

/** Run every check (the slow ones at the same time), in a fixed order. */
export async function runPreEventCheck(s: PreEventCheckSettings): Promise<CheckResult[]> {
  const event = s.eventFile
    ? checkEventFile(s.eventFile)
    : pass('event', 'running', { title: s.runningEventTitle ?? '' });
  const [livekit, mail, clock, tls] = await Promise.all([
    checkLiveKit(s.livekit), checkMail(s.smtpUrl, s.mailFrom, s.mailTo, s.words), checkClock(s.livekitHttpUrl), checkCertificate(s.publicUrl),
  ]);
  return [event, livekit, checkTurnFallback(s.livekitConfigFile), mail, checkDisk(s.dataDir), clock, tls];
}
