// The pre-event checks of the machine: free disk space for the data folder (the database, its WAL
// and the backups grow during the event), the clock against LiveKit's (tokens are checked with
// LiveKit's clock), and the TLS certificate of the public URL.
import { statfsSync } from 'node:fs';
import { connect, type PeerCertificate } from 'node:tls';
import { problemMessage } from '../problemInWords.js';
import { CHECK_TIMEOUT_MS } from '../readiness.js';
import { fail, pass, warn, type CheckResult } from './checkResult.js';

/** Below this much free space the check fails; below DISK_WARN_BYTES it warns. */
export const DISK_FAIL_BYTES = 200 * 1024 ** 2;
export const DISK_WARN_BYTES = 1024 ** 3;
/** Clock skew that warns, and that fails (LiveKit tokens carry nbf/exp in seconds). */
export const CLOCK_WARN_MS = 2_000;
export const CLOCK_FAIL_MS = 30_000;
/** A certificate expiring sooner than this warns. */
export const CERT_WARN_DAYS = 14;

const DAY_MS = 24 * 60 * 60_000;
/** Free space in whole megabytes (the message formats the number in the reader's locale). */
const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Free space where the data folder lives. */
export function checkDisk(dataDir: string, stat: (dir: string) => { bavail: number; bsize: number } = statfsSync): CheckResult {
  let free: number;
  try {
    const s = stat(dataDir);
    free = Number(s.bavail) * Number(s.bsize);
  } catch (err) {
    return fail('disk', 'unreadable', { dir: dataDir, reason: reasonOf(err) });
  }
  if (free < DISK_FAIL_BYTES) return fail('disk', 'low', { mb: mb(free), dir: dataDir });
  if (free < DISK_WARN_BYTES) return warn('disk', 'small', { mb: mb(free), dir: dataDir });
  return pass('disk', 'ok', { mb: mb(free), dir: dataDir });
}

/** Our clock against the Date header of LiveKit's HTTP answer (one-second resolution, so half the round trip and a second are allowed). */
export async function checkClock(livekitHttpUrl: string, now: () => number = Date.now): Promise<CheckResult> {
  try {
    const sent = now();
    const res = await fetch(livekitHttpUrl, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    const received = now();
    await res.body?.cancel();
    const date = res.headers.get('date');
    if (!date) return warn('clock', 'noDate');
    // The Date header is truncated to the second: compare with the middle of that second.
    const skew = Date.parse(date) + 500 - (sent + received) / 2;
    const apart = { seconds: Math.round(Math.abs(skew) / 100) / 10, direction: skew > 0 ? 'behind' : 'ahead' };
    if (Math.abs(skew) >= CLOCK_FAIL_MS) return fail('clock', 'refused', apart);
    if (Math.abs(skew) >= CLOCK_WARN_MS) return warn('clock', 'off', apart);
    return pass('clock', Math.abs(skew) < 1000 ? 'close' : 'apart', apart);
  } catch (err) {
    return fail('clock', 'unreachable', { problem: problemMessage('LiveKit', err) });
  }
}

/** The public URL's certificate: trusted, for this name, and not about to expire. */
export async function checkCertificate(publicUrl: string, now: () => number = Date.now): Promise<CheckResult> {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') {
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return local ? pass('tls', 'plainLocal', { url: publicUrl }) : warn('tls', 'plainRemote', { url: publicUrl });
  }
  try {
    const cert = await peerCertificate(url.hostname, Number(url.port || 443));
    const until = Date.parse(cert.valid_to);
    const days = Math.floor((until - now()) / DAY_MS);
    if (days < 0) return fail('tls', 'expired', { host: url.host, until });
    if (days < CERT_WARN_DAYS) return warn('tls', 'expiring', { host: url.host, days, until });
    return pass('tls', 'ok', { host: url.host, days, until });
  } catch (err) {
    const reason = (err as { code?: string }).code;
    if (reason && /CERT|SELF_SIGNED|UNABLE_TO|ERR_TLS/.test(reason)) return fail('tls', 'untrusted', { host: url.host, reason });
    return fail('tls', 'unreachable', { problem: problemMessage(url.host, err) });
  }
}

function peerCertificate(host: string, port: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, servername: host, timeout: CHECK_TIMEOUT_MS }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve(cert);
    });
    socket.once('timeout', () => socket.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    socket.once('error', reject);
  });
}
