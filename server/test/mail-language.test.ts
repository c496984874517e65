// Mails and the calendar file come in the language the person registered in.
import { afterEach, expect, test } from 'vitest';
import { completeForm, startTestApp } from './harness.js';
import { api } from './aroundHarness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const unfold = (ics: string) => ics.replace(/\r\n /g, '');

test('a German registrant gets a German mail and a German calendar file; an English one English', async () => {
  const s = await startTestApp();
  cleanups.push(() => s.app.close());
  const german = await api(s.url, '/api/registrations', { method: 'POST', body: completeForm({ name: 'Greta Graf', email: 'greta@example.org', language: 'de' }) });
  expect(german.status).toBe(202);
  const mail = await s.mail!.next('greta@example.org', 0);
  expect(mail.subject).toBe('Ihr Teilnahmelink: Microcredentials and the Future of Learning');
  expect(mail.text).toMatch(/^Guten Tag Greta Graf,\n\nSie sind für „Microcredentials and the Future of Learning“ am (Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}, 09:30–13:00 MES?Z, UTC\+[12] \(Europe\/Brussels\) angemeldet\./);
  expect(mail.text).toContain('Ihr persönlicher Teilnahmelink (bitte nicht weitergeben):\nhttp://localhost:3000/join/');
  const calendar = unfold(mail.calendar!);
  expect(calendar).toContain('DESCRIPTION:Ihr persönlicher Teilnahmelink (bitte nicht weitergeben): http://localhost:3000/join/');
  expect(calendar).toMatch(/PRODID:-\/\/live-workshop\/\/[^/]+\/\/DE/);
  expect(s.app.people.findByEmail('greta@example.org')!.language).toBe('de');

  await api(s.url, '/api/registrations', { method: 'POST', body: completeForm({ name: 'Ed English', email: 'ed@example.org' }) });
  const english = await s.mail!.next('ed@example.org', 0);
  expect(english.subject).toBe('Your link to join: Microcredentials and the Future of Learning');
  expect(english.text).toMatch(/you are registered for "Microcredentials and the Future of Learning" on [A-Z][a-z]+day,? \d{1,2} [A-Z][a-z]+ \d{4}, 09:30–13:00 CES?T, UTC\+[12] \(Europe\/Brussels\)\./);
  expect(unfold(english.calendar!)).toContain('DESCRIPTION:Your personal join link (keep it to yourself)');
});

test('a language the product does not have is refused with a clear message, and nothing is stored', async () => {
  const s = await startTestApp();
  cleanups.push(() => s.app.close());
  const refused = await api(s.url, '/api/registrations', { method: 'POST', body: completeForm({ name: 'Xu', email: 'xu@example.org', language: 'tlh' }) });
  expect(refused.status).toBe(400);
  expect(refused.json.fieldErrors).toEqual({ language: 'Choose one of the listed languages.' });
  expect(s.app.people.findByEmail('xu@example.org')).toBeNull();
});
