// register() fills in a valid form, consents to the privacy notice the server's form offers, takes
// the join link from the mail and follows it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import type { Mail, MailReader } from '../src/mail/mailReader.js';
import { register } from '../src/registration.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A stand-in for the workshop server's registration endpoints, recording what it is sent, with its inbox. */
async function standIn(noticeVersion: string) {
  const seen = { formRequests: 0, bodies: [] as Record<string, unknown>[], confirmedWith: [] as string[] };
  const inbox: Mail[] = [];
  const mail: MailReader = {
    count: async (address) => inbox.filter((m) => m.to.includes(address)).length,
    next: async (address, already) => inbox.filter((m) => m.to.includes(address))[already]!,
  };
  server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/api/registration/form')) {
      seen.formRequests++;
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ privacyNoticeVersion: noticeVersion }));
      return;
    }
    if (req.url === '/api/me/confirm') {
      const credential = req.headers.authorization!.replace('Bearer ', '');
      seen.confirmedWith.push(credential);
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ participantId: `p-${credential}`, confirmed: true }));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = JSON.parse(body) as Record<string, unknown>;
      seen.bodies.push(form);
      inbox.push({ to: [String(form.email)], subject: 'Your link', text: `Hello\n\nhttp://localhost:3000/join/c${seen.bodies.length}\n` });
      res.statusCode = 202;
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ status: 'check_inbox', email: form.email }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen, mail };
}

describe('register', () => {
  test('posts a complete form with the offered notice version, asking for it once per server', async () => {
    const { url, seen, mail } = await standIn('2031-01-01');
    const first = await register(url, { name: 'Ada', email: 'ada@example.org' }, { mail });
    await register(url, { name: 'Bo', email: 'bo@example.org', preferences: ['trust'] }, { mail });
    expect(first).toEqual({
      status: 202, confirmStatus: 200,
      body: { participantId: 'p-c1', confirmed: true, credential: 'c1', joinUrl: 'http://localhost:3000/join/c1' },
    });
    expect(seen.confirmedWith).toEqual(['c1', 'c2']);
    expect(seen.formRequests).toBe(1);
    expect(seen.bodies).toEqual([
      { country: 'BE', stakeholderType: 'other', consent: true, privacyNoticeVersion: '2031-01-01', preferences: ['skills'], name: 'Ada', email: 'ada@example.org' },
      { country: 'BE', stakeholderType: 'other', consent: true, privacyNoticeVersion: '2031-01-01', preferences: ['trust'], name: 'Bo', email: 'bo@example.org' },
    ]);
  });

  test('what the test gives wins over the filled-in answers', async () => {
    const { url, seen, mail } = await standIn('2031-01-01');
    await register(url, { name: 'Cy', email: 'cy@example.org', privacyNoticeVersion: '1999-01-01', consent: false }, { mail });
    expect(seen.bodies[0]).toMatchObject({ privacyNoticeVersion: '1999-01-01', consent: false });
  });
});
