// The pre-event checks of the machine: free disk space for the data folder (the database, its WAL
// and the backups grow during the event), the clock against LiveKit's (tokens are checked with
// LiveKit's clock), and the TLS certificate of the public URL.
import { statfsSync } from 'node:fs';
import { connect, type PeerCertificate } from 'node:tls';
import { problemInWords } from '../problemInWords.js';
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
const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;

/** Free space where the data folder lives. */
export function checkDisk(dataDir: string, stat: (dir: string) => { bavail: number; bsize: number } = statfsSync): CheckResult {
  const title = 'Disk space of the data folder';
  let free: number;
  try {
    const s = stat(dataDir);
    free = Number(s.bavail) * Number(s.bsize);
  } catch (err) {
    return fail('disk', title, `${dataDir} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (free < DISK_FAIL_BYTES) return fail('disk', title, `only ${mb(free)} free in ${dataDir}: the database and its backups need room (free some, or lower BACKUP_KEEP).`);
  if (free < DISK_WARN_BYTES) return warn('disk', title, `${mb(free)} free in ${dataDir}: enough for a small event; watch it during a long one.`);
  return pass('disk', title, `${mb(free)} free in ${dataDir}.`);
}

/** Our clock against the Date header of LiveKit's HTTP answer (one-second resolution, so half the round trip and a second are allowed). */
export async function checkClock(livekitHttpUrl: string, now: () => number = Date.now): Promise<CheckResult> {
  const title = 'Clock';
  try {
    const sent = now();
    const res = await fetch(livekitHttpUrl, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    const received = now();
    await res.body?.cancel();
    const date = res.headers.get('date');
    if (!date) return warn('clock', title, 'LiveKit answered without a Date header: the clock was not compared.');
    // The Date header is truncated to the second: compare with the middle of that second.
    const skew = Date.parse(date) + 500 - (sent + received) / 2;
    const words = `${Math.abs(skew) < 1000 ? 'less than a second' : `${(Math.abs(skew) / 1000).toFixed(1)} s`} ${skew > 0 ? 'behind' : 'ahead of'} LiveKit's`;
    if (Math.abs(skew) >= CLOCK_FAIL_MS) return fail('clock', title, `this server's clock is ${words}: LiveKit would refuse its tokens. Turn on time synchronisation (NTP) on both machines.`);
    if (Math.abs(skew) >= CLOCK_WARN_MS) return warn('clock', title, `this server's clock is ${words}: countdowns may be off by that much. Turn on time synchronisation (NTP).`);
    return pass('clock', title, `${words.replace(/ (behind|ahead of) LiveKit's$/, '')} apart from LiveKit's.`);
  } catch (err) {
    return fail('clock', title, `${problemInWords('LiveKit', err)}: the clock could not be compared.`);
  }
}

/** The public URL's certificate: trusted, for this name, and not about to expire. */
export async function checkCertificate(publicUrl: string, now: () => number = Date.now): Promise<CheckResult> {
  const title = 'TLS certificate of the public URL';
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') {
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return local
      ? pass('tls', title, `${publicUrl} is plain http on this machine: nothing to check (browsers on other machines need https).`)
      : warn('tls', title, `${publicUrl} is plain http: browsers on other machines allow camera and microphone only over https.`);
  }
  try {
    const cert = await peerCertificate(url.hostname, Number(url.port || 443));
    const daysLeft = Math.floor((Date.parse(cert.valid_to) - now()) / DAY_MS);
    if (daysLeft < 0) return fail('tls', title, `the certificate of ${url.host} expired on ${cert.valid_to}.`);
    if (daysLeft < CERT_WARN_DAYS) return warn('tls', title, `the certificate of ${url.host} expires in ${daysLeft} day(s) (${cert.valid_to}); renew it before the event.`);
    return pass('tls', title, `trusted, valid for ${url.host} for ${daysLeft} more days (until ${cert.valid_to}).`);
  } catch (err) {
    const reason = (err as { code?: string }).code;
    if (reason && /CERT|SELF_SIGNED|UNABLE_TO|ERR_TLS/.test(reason)) return fail('tls', title, `browsers would not trust the certificate of ${url.host} (${reason}).`);
    return fail('tls', title, `${problemInWords(url.host, err)}.`);
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
