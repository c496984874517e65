// register() fills in a valid form and consents to the privacy notice the server's form offers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { register } from '../src/registration.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A stand-in for the workshop server's two registration endpoints, recording what it is sent. */
async function standIn(noticeVersion: string) {
  const seen = { formRequests: 0, bodies: [] as Record<string, unknown>[] };
  server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/api/registration/form')) {
      seen.formRequests++;
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ privacyNoticeVersion: noticeVersion }));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.bodies.push(JSON.parse(body) as Record<string, unknown>);
      res.statusCode = 201;
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ participantId: `p${seen.bodies.length}`, credential: 'c', joinUrl: 'j' }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

describe('register', () => {
  test('posts a complete form with the offered notice version, asking for it once per server', async () => {
    const { url, seen } = await standIn('2031-01-01');
    const first = await register(url, { name: 'Ada', email: 'ada@example.org' });
    await register(url, { name: 'Bo', email: 'bo@example.org', preferences: ['trust'] });
    expect(first).toEqual({ status: 201, body: { participantId: 'p1', credential: 'c', joinUrl: 'j' } });
    expect(seen.formRequests).toBe(1);
    expect(seen.bodies).toEqual([
      { country: 'BE', stakeholderType: 'other', consent: true, privacyNoticeVersion: '2031-01-01', preferences: ['skills'], name: 'Ada', email: 'ada@example.org' },
      { country: 'BE', stakeholderType: 'other', consent: true, privacyNoticeVersion: '2031-01-01', preferences: ['trust'], name: 'Bo', email: 'bo@example.org' },
    ]);
  });

  test('what the test gives wins over the filled-in answers', async () => {
    const { url, seen } = await standIn('2031-01-01');
    await register(url, { name: 'Cy', email: 'cy@example.org', privacyNoticeVersion: '1999-01-01', consent: false });
    expect(seen.bodies[0]).toMatchObject({ privacyNoticeVersion: '1999-01-01', consent: false });
  });
});
