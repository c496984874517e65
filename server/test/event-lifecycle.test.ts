// The event cancelled or moved by a moderator: every registered person gets a mail over SMTP in their
// language with a calendar update for the entry they hold (RFC 5546: the same UID, a higher SEQUENCE;
// METHOD:REQUEST with the new times for a move, METHOD:CANCEL for a cancellation); the event page says
// so; bad requests change nothing; the change survives a restart.
import { afterEach, expect, test } from 'vitest';
import { addDays } from '@live-workshop/shared';
import { api } from './aroundHarness.js';
import { completeForm, register, seedEventFor, staffCredential, startTestApp, tempDbPath } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const unfold = (ics: string) => ics.replace(/\r\n /g, '');
/** A property of the event (VEVENT), or of the calendar for METHOD; the VTIMEZONE block has DTSTARTs of its own. */
const field = (ics: string, name: string) => {
  const text = unfold(ics);
  const part = name === 'METHOD' ? text.split('BEGIN:VEVENT')[0]! : text.split('BEGIN:VEVENT')[1] ?? '';
  return part.split('\r\n').find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`)) ?? null;
};

test('moved, then cancelled: each registered person is told in their language with a calendar update; the page says so; it survives a restart', async () => {
  const dbPath = tempDbPath();
  const event = seedEventFor(Date.now());
  const s = await startTestApp({ dbPath, event });
  cleanups.push(() => s.app.close());
  const greta = await register(s.url, { name: 'Greta Graf', email: 'greta@example.org', language: 'de' });
  await register(s.url, { name: 'Ed English', email: 'ed@example.org' });
  const joinMail = await s.mail!.next('greta@example.org', 0);
  const uid = field(joinMail.calendar!, 'UID');
  expect(uid).toBe(`UID:${event.id}-${greta.body.participantId}@localhost`);
  expect(field(joinMail.calendar!, 'SEQUENCE')).toBe('SEQUENCE:0');
  const moderator = await staffCredential(s.app, 'anastasia-pouliou');
  const lifecycle = (body: unknown, credential = moderator) => api(s.url, '/api/moderator/event/lifecycle', { method: 'POST', credential, body });

  // Refused, and nothing changes: not a moderator, a malformed request, a move past midnight, a move to the same time.
  expect((await lifecycle({ action: 'cancel' }, greta.body.credential!)).status).toBe(403);
  const malformed = await lifecycle({ action: 'move', date: '23/10/2025', start: '9:00' });
  expect(malformed.status).toBe(400);
  expect(malformed.json.fieldErrors).toEqual({ date: 'use YYYY-MM-DD', start: 'use HH:MM' });
  expect((await lifecycle({ action: 'postpone' })).status).toBe(400);
  const late = await lifecycle({ action: 'move', date: addDays(event.date, 7), start: '22:00' });
  expect(late).toMatchObject({ status: 400, json: { message: 'The agenda would run past midnight.' } });
  expect((await lifecycle({ action: 'move', date: event.date, start: event.start })).status).toBe(400);
  expect((await api(s.url, '/api/event')).json.lifecycle).toBeNull();
  expect(s.mail!.countNow('greta@example.org')).toBe(1);

  // Moved a week later, an hour later: the whole agenda shifts; everyone is mailed.
  const newDate = addDays(event.date, 7);
  const moved = await lifecycle({ action: 'move', date: newDate, start: '10:30', note: 'The venue changed its hours.' });
  expect(moved.status).toBe(200);
  expect(moved.json).toEqual({
    lifecycle: { status: 'moved', at: expect.any(Number), sequence: 1, note: 'The venue changed its hours.', from: { date: event.date, start: '09:30', end: '13:00' }, to: { date: newDate, start: '10:30', end: '14:00' } },
    mailing: 2,
  });
  const page = (await api(s.url, '/api/event')).json;
  expect(page.lifecycle.status).toBe('moved');
  expect(page.event).toMatchObject({ date: newDate, start: '10:30', end: '14:00' });
  expect(page.event.agenda.map((i: { start: string }) => i.start)).toEqual(['10:30', '11:15', '12:30', '13:45']);

  const movedMail = await s.mail!.next('greta@example.org', 1);
  expect(movedMail.subject).toBe('Neuer Termin: Microcredentials and the Future of Learning');
  expect(movedMail.text).toContain('„Microcredentials and the Future of Learning“ wurde verschoben. Die Veranstaltung findet jetzt am ');
  expect(movedMail.text).toContain('10:30–14:00');
  expect(movedMail.text).toContain('Ein Wort der Veranstalter: The venue changed its hours.');
  expect(movedMail.text).toMatch(/Ihr persönlicher Teilnahmelink \(bitte nicht weitergeben\):\nhttp:\/\/localhost:3000\/join\/\S+/);
  const request = movedMail.calendar!;
  expect(field(request, 'METHOD')).toBe('METHOD:REQUEST');
  expect(field(request, 'UID')).toBe(uid);
  expect(field(request, 'SEQUENCE')).toBe('SEQUENCE:1');
  expect(field(request, 'DTSTART')).toBe(`DTSTART;TZID=Europe/Brussels:${newDate.replaceAll('-', '')}T103000`);
  expect(field(request, 'ORGANIZER')).toMatch(/mailto:no-reply@localhost$/);
  expect(field(request, 'ATTENDEE')).toMatch(/mailto:greta@example\.org$/i);
  expect((await s.mail!.next('ed@example.org', 1)).subject).toBe('New date: Microcredentials and the Future of Learning');
  // The calendar file downloaded from the join page now carries the same SEQUENCE as the update.
  const download = await api(s.url, '/api/registrations/ics', { credential: greta.body.credential! });
  expect(field(download.text, 'SEQUENCE')).toBe('SEQUENCE:1');
  expect(field(download.text, 'UID')).toBe(uid);
  // The link in the mail lets its holder in.
  const link = /\/join\/(\S+)/.exec(movedMail.text)![1]!;
  expect((await api(s.url, '/api/me/confirm', { method: 'POST', credential: link })).status).toBe(200);

  // Cancelled: a cancellation for the same entry, one SEQUENCE higher; registration closes; the agenda ends.
  const cancelled = await lifecycle({ action: 'cancel' });
  expect(cancelled.json).toEqual({ lifecycle: { status: 'cancelled', at: expect.any(Number), sequence: 2, note: '' }, mailing: 2 });
  const cancelMail = await s.mail!.next('greta@example.org', 2);
  expect(cancelMail.subject).toBe('Abgesagt: Microcredentials and the Future of Learning');
  expect(cancelMail.text).toMatch(/^Guten Tag Greta Graf,\n\ndie Veranstalter haben „Microcredentials and the Future of Learning“, geplant für .*10:30–14:00.*, abgesagt\./);
  expect(field(cancelMail.calendar!, 'METHOD')).toBe('METHOD:CANCEL');
  expect(field(cancelMail.calendar!, 'UID')).toBe(uid);
  expect(field(cancelMail.calendar!, 'SEQUENCE')).toBe('SEQUENCE:2');
  expect(field(cancelMail.calendar!, 'STATUS')).toBe('STATUS:CANCELLED');
  const edCancel = await s.mail!.next('ed@example.org', 2);
  expect(edCancel.text).toContain('the organisers have cancelled "Microcredentials and the Future of Learning"');
  expect(s.app.agenda.state.phase.kind).toBe('ended');
  expect((await lifecycle({ action: 'cancel' })).status).toBe(409);
  expect((await lifecycle({ action: 'move', date: newDate, start: '11:00' })).status).toBe(409);
  const closed = await api(s.url, '/api/registrations', { method: 'POST', body: completeForm({ name: 'Late Lou', email: 'lou@example.org' }) });
  expect(closed).toMatchObject({ status: 409, json: { message: 'The organisers cancelled this event; registration is closed.' } });
  expect(s.mail!.countNow('lou@example.org')).toBe(0);
  await s.app.lifecycle.idle();

  // After a restart the page still says it is cancelled.
  await cleanups.pop()!();
  const again = await startTestApp({ dbPath, event });
  cleanups.push(() => again.app.close());
  const after = (await api(again.url, '/api/event')).json;
  expect(after.lifecycle).toMatchObject({ status: 'cancelled', sequence: 2 });
  expect(after.registrationClosed).toBe('The organisers cancelled this event; registration is closed.');
});
