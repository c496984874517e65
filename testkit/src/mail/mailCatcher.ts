// An SMTP server in the test process: the app mails join links to it over real SMTP, and tests
// read them back (parsed, so quoted-printable line breaks do not cut a link) and wait for them.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Mail, MailReader } from './mailReader.js';

/** A running catcher: `smtpUrl` for the app, `mails` for the test. */
export interface MailCatcher extends MailReader {
  readonly smtpUrl: string;
  readonly mails: Mail[];
  /** Connections that ended in an error (reset by the client), kept for a test to look at. */
  readonly connectionErrors: readonly Error[];
  /** How many mails `address` has received, now. */
  countNow(address: string): number;
  close(): Promise<void>;
}

const WAIT_MS = 10_000;

/** Start a catcher on `host` (default loopback; a test host's LAN address to be reached from other hosts). */
export async function startMailCatcher(opts: { host?: string } = {}): Promise<MailCatcher> {
  const host = opts.host ?? '127.0.0.1';
  const mails: Mail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((parsed) => {
        const to = [parsed.to].flat().flatMap((a) => a?.value ?? []).map((v) => (v.address ?? '').toLowerCase());
        const calendar = parsed.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8')
          ?? (parsed as { textAsCalendar?: string }).textAsCalendar ?? null;
        mails.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '', calendar });
        for (const wake of waiters) wake();
        callback();
      }, callback);
    },
  });
  // A client that drops its connection (the app's mail pool resets one under load: ECONNRESET) is no
  // failure of the catcher; unheard, smtp-server's 'error' event would end the process. A mail that
  // never arrives still fails its reader's next().
  const connectionErrors: Error[] = [];
  server.on('error', (err: Error) => void connectionErrors.push(err));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => mails.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    smtpUrl: `smtp://${host}:${port}`,
    mails,
    connectionErrors,
    countNow: (address) => to(address).length,
    count: async (address) => to(address).length,
    next(address, already) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = to(address)[already];
          if (!mail) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mail);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no mail to ${address} within ${WAIT_MS} ms (it has ${to(address).length})`));
        }, WAIT_MS);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
