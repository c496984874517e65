import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo, startMailpit, type RunningMailpit } from '../src/mail/mailpit.js';
import { joinLinkOf } from '../src/mail/mailReader.js';
import { waitFor } from '../src/waitFor.js';

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

describe('a Mailpit whose starter dies', () => {
  it('goes with it, even on SIGKILL (no Mailpit left holding the ports after a server crash)', async () => {
    const module = fileURLToPath(new URL('../src/mail/mailpit.ts', import.meta.url));
    const starter = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
      `const { startMailpit } = await import(${JSON.stringify(module)}); const m = await startMailpit(); console.log(m.pid); setInterval(() => {}, 1000);`],
    { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve) => starter.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    const alive = (p: number) => { try { process.kill(p, 0); return true; } catch { return false; } };
    expect(alive(pid)).toBe(true);
    starter.kill('SIGKILL');
    await waitFor(() => !alive(pid), { timeoutMs: 10_000, what: 'Mailpit to stop after its starter was killed' });
  });
});
