// Logs trace one attendee end to end: every line of a request or command carries the event id, the
// participant's pseudonymous id and a correlation id — the page's, which its move reports carry
// too — and no line ever holds an email address (not even a bounce's error). The app's real log
// (pino) is captured as it writes.
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { TestClient, waitFor } from '@live-workshop/testkit';
import { createLog, maskEmails } from '../src/platform/log.js';
import { completeForm, connectClient, register, staffCredential, startTestApp } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Line = Record<string, unknown> & { msg?: string };

/** A log that keeps every line it writes, as written (after masking). */
function capturedLog() {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLog('debug', stream), raw, lines: () => raw.map((l) => JSON.parse(l) as Line) };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

test('a command and the move report of one page share its correlation id, with the event and participant on every line', async () => {
  const captured = capturedLog();
  const { app, url } = await startTestApp({ log: captured.log });
  cleanups.push(() => app.close());
  const eventId = app.agenda.state.event.id;
  const cara = await register(url, { name: 'Cara Trace', email: 'cara.trace@example.org', preferences: ['skills'] });
  const caraId = cara.body.participantId;
  const moderatorCredential = await staffCredential(app, 'anastasia-pouliou');
  const moderator = await connectClient(url, moderatorCredential, cleanups);
  await moderator.command({ type: 'openDoors' });

  const page = 'p-0123456789abcdef01234567';
  const client = new TestClient(url, cara.body.credential, undefined, { correlationId: page });
  cleanups.push(() => client.close());
  await client.connected();
  await client.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
  expect(await client.command({ type: 'raiseHand' })).toMatchObject({ ok: true });
  expect(await client.request(EVENTS.moveReport, {
    phaseKey: 'lobby', roomId: 'plenary', cueToConnectedMs: 300, cueToPublishingMs: null, correlationId: page,
  })).toMatchObject({ ok: true });
  // An HTTP request with the same header is traced the same way (the moderator's backup here).
  const backup = await fetch(`${url}/api/moderator/backups`, { method: 'POST', headers: { authorization: `Bearer ${moderatorCredential}`, 'x-correlation-id': 'r-backup-trace-01' } });
  expect(backup.status).toBe(201);
  expect(backup.headers.get('x-correlation-id')).toBe('r-backup-trace-01');
  await waitFor(() => captured.lines().some((l) => l.msg === 'backup written'));

  const lines = captured.lines();
  const command = lines.find((l) => l.msg === 'command accepted' && l.action === 'raiseHand');
  const report = lines.find((l) => l.msg === 'move reported');
  expect(command).toMatchObject({ eventId, participantId: caraId, correlationId: page });
  expect(report).toMatchObject({ eventId, participantId: caraId, correlationId: page });
  // Every line logged for this page names her, and her event.
  const pageLines = lines.filter((l) => l.correlationId === page);
  expect(pageLines.length).toBeGreaterThanOrEqual(2);
  for (const l of pageLines) expect(l).toMatchObject({ eventId, participantId: caraId });
  expect(lines.find((l) => l.msg === 'backup written')).toMatchObject({ eventId, correlationId: 'r-backup-trace-01', participantId: 'anastasia-pouliou' });
  // The moderator's cue has the moderator's own (server-made) id, not Cara's.
  expect(lines.find((l) => l.msg === 'command accepted' && l.action === 'openDoors')).toMatchObject({ participantId: 'anastasia-pouliou', correlationId: expect.stringMatching(/^s-/) });

  for (const l of captured.raw) expect(l).not.toMatch(EMAIL);
});

test('a bounced join-link mail is logged without the address it bounced from', async () => {
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(address, _session, callback) {
      callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
  const captured = capturedLog();
  const { app, url } = await startTestApp({ log: captured.log, smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
  cleanups.push(() => app.close());

  const res = await fetch(`${url}/api/registrations`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(completeForm({ name: 'Dan Bounce', email: 'dan.bounce@example.org', preferences: ['trust'] })),
  });
  expect(res.status).toBeLessThan(300);
  const failed = await waitFor(() => captured.lines().find((l) => l.msg === 'join link mail failed'));
  expect(JSON.stringify(failed)).toContain('Recipient address rejected');
  expect(JSON.stringify(failed)).toContain('<email>');
  // The technician finds who it was by the pseudonymous id (moderator console, people export).
  expect(failed).toMatchObject({ participantId: expect.stringMatching(/^a-/) });
  for (const l of captured.raw) expect(l).not.toMatch(EMAIL);
});

test('maskEmails masks every address in a line and leaves the rest', () => {
  expect(maskEmails('{"msg":"550 <a.b+c@mail.example.org> and x@y.io rejected","at":"10:00"}'))
    .toBe('{"msg":"550 <<email>> and <email> rejected","at":"10:00"}');
});
