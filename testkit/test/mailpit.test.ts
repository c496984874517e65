import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo, startMailpit, type RunningMailpit } from '../src/mail/mailpit.js';
import { joinLinkOf } from '../src/mail/mailReader.js';

describe('Mailpit, the local mail catcher', () => {
  let mailpit: RunningMailpit;
  beforeAll(async () => {
    mailpit = await startMailpit();
  });
  afterAll(() => mailpit?.stop());

  it('receives a mail over SMTP and hands its text and join link back over its API', async () => {
    const transport = nodemailer.createTransport(mailpit.smtpUrl);
    const link = 'http://127.0.0.1:5173/join/abc.DEF-123_x';
    await transport.sendMail({ from: 'w@example.org', to: 'Ana@Example.org', subject: 'Your link', text: `Hello,\n\n${link}\n` });
    transport.close();
    const mails = await mailsTo(mailpit.inboxUrl, 'ana@example.org');
    expect(mails.map((m) => m.subject)).toEqual(['Your link']);
    expect(joinLinkOf(mails[0]!)).toBe(link);
    expect(await mailsTo(mailpit.inboxUrl, 'someone-else@example.org')).toEqual([]);
  });
});
