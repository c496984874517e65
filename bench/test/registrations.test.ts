// The bench's registrations through the mail path: a link that never arrives (the server could not
// mail it) is asked for again by registering once more, as a person would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import type { Mail, MailReader } from '@live-workshop/testkit';
import { registerAttendees } from '../src/registrations.js';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

test('a registration whose mail was lost is made again, and its second link is the one used', async () => {
  const posted: string[] = [];
  const inbox: Mail[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/api/registration/form') return void res.end(JSON.stringify({ privacyNoticeVersion: 'v1' }));
      if (req.url === '/api/registrations') {
        const { email } = JSON.parse(body) as { email: string };
        posted.push(email);
        // The first mail is lost; the second arrives.
        if (posted.length > 1) inbox.push({ to: [email], subject: 'Your link', text: `http://x/join/cred-${posted.length}` });
        res.statusCode = 202;
        return void res.end('{}');
      }
      res.end(JSON.stringify({ participantId: `p-${req.headers.authorization}` }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mail: MailReader = {
    count: async (address) => inbox.filter((m) => m.to.includes(address)).length,
    next: async (address, already) => {
      const m = inbox.filter((x) => x.to.includes(address))[already];
      if (!m) throw new Error(`no mail to ${address}`);
      return m;
    },
  };
  const retried: string[] = [];
  const specs = await registerAttendees(url, mail, 1, { prefix: 'a', breakoutOf: () => 'skills', onRetry: (email) => retried.push(email) });
  expect(posted).toEqual(['a-0@bench.example.org', 'a-0@bench.example.org']);
  expect(retried).toEqual(['a-0@bench.example.org']);
  expect(specs).toEqual([{ id: 'p-Bearer cred-2', credential: 'cred-2', breakoutId: 'skills' }]);
});
