// An SMTP server in the test process: the app mails join links to it over real SMTP, and tests
// read them back (parsed, so quoted-printable line breaks do not cut a link) and wait for them.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail as its reader sees it. */
export interface Mail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** The .ics attachment or alternative, when there is one. */
  readonly calendar: string | null;
}

/** A running catcher: `smtpUrl` for the app, `mails` for the test. */
export interface MailCatcher {
  readonly smtpUrl: string;
  readonly mails: Mail[];
  /** The next mail to `address` after the `already` mails it had (default: any it has not had yet from this call's view). */
  next(address: string, already?: number): Promise<Mail>;
  /** How many mails `address` has received. */
  count(address: string): number;
  close(): Promise<void>;
}

const WAIT_MS = 10_000;

export async function startMailCatcher(): Promise<MailCatcher> {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => mails.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    mails,
    count: (address) => to(address).length,
    next(address, already = to(address).length) {
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

/** The join link in a mail's text. */
export function joinLinkOf(mail: Mail): string {
  const link = /https?:\/\/\S+\/join\/[A-Za-z0-9._~-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no join link in the mail "${mail.subject}"`);
  return link;
}
