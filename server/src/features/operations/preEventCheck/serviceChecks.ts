// The pre-event checks of the services the event needs: the event file, LiveKit's API (with our key
// and secret), a way for media through networks that block UDP (LiveKit's ICE/TCP and TURN, from its
// config), and mail (a test message through the configured SMTP server).
import nodemailer from 'nodemailer';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { EventFileError, loadEventFile } from '../../../live/event/loadEventFile.js';
import type { LiveKitPort } from '../../../livekit/livekitPort.js';
import { problemMessage } from '../problemInWords.js';
import { CHECK_TIMEOUT_MS } from '../readiness.js';
import { message } from '@live-workshop/shared';
import type { Words } from '../../../platform/i18n.js';
import { fail, pass, warn, type CheckResult } from './checkResult.js';

const withTimeout = <T>(work: Promise<T>, what: string): Promise<T> => Promise.race([
  work,
  new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error(`${what} timed out`), { code: 'ETIMEDOUT' })), CHECK_TIMEOUT_MS).unref()),
]);

/** The event file parses and validates (errors name the line and field). */
export function checkEventFile(path: string): CheckResult {
  try {
    const event = loadEventFile(path);
    return pass('event', 'valid', { title: event.title, date: event.date, items: event.agenda.length, rooms: event.breakouts.length });
  } catch (err) {
    // The validator's own words, which name the line and the field.
    return fail('event', 'invalid', { problem: err instanceof EventFileError || err instanceof Error ? err.message : String(err) });
  }
}

/** LiveKit's room API answers our key and secret. */
export async function checkLiveKit(livekit: LiveKitPort): Promise<CheckResult> {
  try {
    const rooms = await withTimeout(livekit.listRooms(), 'LiveKit');
    return pass('livekit', 'ok', { rooms: rooms.length });
  } catch (err) {
    return fail('livekit', 'failed', { problem: problemMessage(message('check.what.livekitApi'), err) });
  }
}

interface LiveKitRtcConfig {
  rtc?: { tcp_port?: number; udp_port?: number };
  turn?: { enabled?: boolean; tls_port?: number; udp_port?: number; domain?: string };
}

/** Media for networks that block UDP: LiveKit's ICE over TCP, and TURN (TLS on 443 is the strongest), from its config file. */
export function checkTurnFallback(configFile: string | null): CheckResult {
  if (!configFile) return warn('turn', 'notChecked');
  let config: LiveKitRtcConfig;
  try {
    config = (parse(readFileSync(configFile, 'utf8')) ?? {}) as LiveKitRtcConfig;
  } catch (err) {
    return fail('turn', 'unreadable', { file: configFile, reason: err instanceof Error ? err.message : String(err) });
  }
  const tcp = config.rtc?.tcp_port ?? 0;
  const turn = config.turn?.enabled === true;
  const tlsPort = turn ? config.turn?.tls_port ?? 0 : 0;
  const udpPort = turn ? config.turn?.udp_port ?? 0 : 0;
  const offered = [
    ...(tcp > 0 ? [message('check.turn.tcp', { port: String(tcp) })] : []),
    ...(tlsPort > 0 ? [message('check.turn.tls', { port: String(tlsPort) })] : []),
    ...(udpPort > 0 ? [message('check.turn.udp', { port: String(udpPort) })] : []),
  ];
  if (tlsPort > 0 && tcp > 0) return pass('turn', 'ok', { offered });
  if (tcp > 0 || turn) return warn('turn', 'noTls', { offered, file: configFile });
  return fail('turn', 'none', { file: configFile });
}

/** A test message goes out through the configured SMTP server (or, with no address to send to, the server accepts a connection). */
export async function checkMail(smtpUrl: string | null, from: string, to: string | null, { t }: Words): Promise<CheckResult> {
  if (!smtpUrl) return fail('mail', 'noSmtp');
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: CHECK_TIMEOUT_MS, greetingTimeout: CHECK_TIMEOUT_MS, socketTimeout: CHECK_TIMEOUT_MS });
  try {
    if (!to) {
      await transport.verify();
      return warn('mail', 'connectedOnly');
    }
    const sent = await transport.sendMail({ from, to, subject: t('check.mail.testSubject'), text: `${t('check.mail.testBody')}\n` });
    if (sent.rejected.length > 0) return fail('mail', 'rejected', { response: String(sent.response) });
    return pass('mail', 'sent', { to });
  } catch (err) {
    return fail('mail', 'failed', { problem: problemMessage(message('check.what.mailServer'), err) });
  } finally {
    transport.close();
  }
}
