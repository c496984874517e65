// What a test reads mail through, whichever catcher received it: the in-process SMTP server
// (server tests) or Mailpit (npm start, the browser tests). Join links only ever arrive by mail.

/** One mail as its reader sees it. */
export interface Mail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** The .ics the mail carries, when there is one (in-process catcher only). */
  readonly calendar?: string | null;
}

/** An inbox for many addresses. */
export interface MailReader {
  /** How many mails `address` has received so far. */
  count(address: string): Promise<number>;
  /** The mail to `address` at position `already` (0: its first), waiting for it to arrive. */
  next(address: string, already: number): Promise<Mail>;
}

/** The join link in a mail's text. */
export function joinLinkOf(mail: Pick<Mail, 'text' | 'subject'>): string {
  const link = /https?:\/\/\S+\/join\/[A-Za-z0-9._~-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no join link in the mail "${mail.subject}"`);
  return link;
}

const readers = new Map<string, MailReader>();

/** Record where the join links of the app at `appUrl` arrive (done by whoever started it). */
export function setMailReader(appUrl: string, reader: MailReader | null): void {
  if (reader) readers.set(appUrl, reader);
  else readers.delete(appUrl);
}

/** Where the join links of the app at `appUrl` arrive. */
export function mailReaderOf(appUrl: string): MailReader {
  const reader = readers.get(appUrl);
  if (!reader) throw new Error(`no mail reader for ${appUrl}: start it with the testkit (startServerProcess) or the server harness, or pass one`);
  return reader;
}
