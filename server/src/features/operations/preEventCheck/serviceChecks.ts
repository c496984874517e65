// The pre-event checks of the services the event needs: the event file, LiveKit's API (with our key
// and secret), a way for media through networks that block UDP (LiveKit's ICE/TCP and TURN, from its
// config), and mail (a test message through the configured SMTP server).
import nodemailer from 'nodemailer';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { EventFileError, loadEventFile } from '../../../live/event/loadEventFile.js';
import type { LiveKitPort } from '../../../livekit/livekitPort.js';
import { problemInWords } from '../problemInWords.js';
import { CHECK_TIMEOUT_MS } from '../readiness.js';
import { fail, pass, warn, type CheckResult } from './checkResult.js';

const withTimeout = <T>(work: Promise<T>, what: string): Promise<T> => Promise.race([
  work,
  new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error(`${what} timed out`), { code: 'ETIMEDOUT' })), CHECK_TIMEOUT_MS).unref()),
]);

/** The event file parses and validates (errors name the line and field). */
export function checkEventFile(path: string): CheckResult {
  const title = 'Event file';
  try {
    const event = loadEventFile(path);
    return pass('event', title, `"${event.title}" on ${event.date}, ${event.agenda.length} agenda items, ${event.breakouts.length} breakout rooms.`);
  } catch (err) {
    return fail('event', title, err instanceof EventFileError || err instanceof Error ? err.message : String(err));
  }
}

/** LiveKit's room API answers our key and secret. */
export async function checkLiveKit(livekit: LiveKitPort): Promise<CheckResult> {
  const title = 'LiveKit reachable from the server';
  try {
    const rooms = await withTimeout(livekit.listRooms(), 'LiveKit');
    return pass('livekit', title, `its room API answers our key (${rooms.length} room(s) open).`);
  } catch (err) {
    return fail('livekit', title, `${problemInWords("LiveKit's room API", err)}. Check LIVEKIT_URL (or LIVEKIT_API_URL), LIVEKIT_API_KEY and LIVEKIT_API_SECRET.`);
  }
}

interface LiveKitRtcConfig {
  rtc?: { tcp_port?: number; udp_port?: number };
  turn?: { enabled?: boolean; tls_port?: number; udp_port?: number; domain?: string };
}

/** Media for networks that block UDP: LiveKit's ICE over TCP, and TURN (TLS on 443 is the strongest), from its config file. */
export function checkTurnFallback(configFile: string | null): CheckResult {
  const title = 'TURN / TCP fallback offered';
  if (!configFile) return warn('turn', title, 'not checked: no LiveKit config file given (LIVEKIT_CONFIG_FILE or --livekit-config, e.g. server/deploy/livekit.yaml).');
  let config: LiveKitRtcConfig;
  try {
    config = (parse(readFileSync(configFile, 'utf8')) ?? {}) as LiveKitRtcConfig;
  } catch (err) {
    return fail('turn', title, `the LiveKit config ${configFile} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const tcp = config.rtc?.tcp_port ?? 0;
  const turn = config.turn?.enabled === true;
  const turnTls = turn && (config.turn?.tls_port ?? 0) > 0;
  const offered = [tcp > 0 && `ICE over TCP on ${tcp}`, turnTls && `TURN over TLS on ${config.turn!.tls_port}`, turn && (config.turn?.udp_port ?? 0) > 0 && `TURN over UDP on ${config.turn!.udp_port}`].filter(Boolean).join(', ');
  if (turnTls && tcp > 0) return pass('turn', title, `${offered}.`);
  if (tcp > 0 || turn) return warn('turn', title, `${offered}, but no TURN over TLS: networks that let only HTTPS out get no media (turn.enabled and turn.tls_port in ${configFile}).`);
  return fail('turn', title, `neither ICE over TCP nor TURN is on in ${configFile}: anyone whose network blocks UDP gets no video or sound (set rtc.tcp_port and turn).`);
}

/** A test message goes out through the configured SMTP server (or, with no address to send to, the server accepts a connection). */
export async function checkMail(smtpUrl: string | null, from: string, to: string | null): Promise<CheckResult> {
  const title = 'Mail';
  if (!smtpUrl) return fail('mail', title, 'no SMTP_URL: join links cannot be mailed.');
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: CHECK_TIMEOUT_MS, greetingTimeout: CHECK_TIMEOUT_MS, socketTimeout: CHECK_TIMEOUT_MS });
  try {
    if (!to) {
      await transport.verify();
      return warn('mail', title, 'the mail server accepts a connection, but no test mail was sent (give --mail-to ADDRESS to send one).');
    }
    const sent = await transport.sendMail({
      from, to, subject: 'Live Workshop: pre-event check',
      text: 'This is the pre-event check of your Live Workshop server: join links will be mailed the same way.\n',
    });
    if (sent.rejected.length > 0) return fail('mail', title, `the mail server refused the test address (${String(sent.response)}).`);
    return pass('mail', title, `a test mail was accepted for ${to}; check that it arrives (and not as spam).`);
  } catch (err) {
    return fail('mail', title, `${problemInWords('the mail server', err)}. Check SMTP_URL.`);
  } finally {
    transport.close();
  }
}
