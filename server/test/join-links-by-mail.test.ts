// A join link is only ever delivered to the address it belongs to (security review, findings 1-3 and 15):
// the registration answer is the same for every address and carries no link; the mailed link confirms
// the address on first use; a removal sticks; an office behind one address can register, an inbox cannot be flooded.
import { afterEach, describe, expect, test } from 'vitest';
import { api, manualWorkshop } from './aroundHarness.js';
import { completeForm, register, startTestApp, TestClient } from './harness.js';
import { DEFAULT_REGISTRATION_LIMITS } from '../src/people/registration/registrationRoutes.js';
import { joinLinkOf } from '@live-workshop/testkit';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const post = (url: string, form: Record<string, unknown>) => api(url, '/api/registrations', { method: 'POST', body: completeForm(form) });
const attendees = (w: { app: { agenda: { state: { participants: Record<string, { role: string; name: string }> } } } }) =>
  Object.values(w.app.agenda.state.participants).filter((p) => p.role === 'attendee');

describe('join links go only to the address they belong to', () => {
  test('registering with a known address answers exactly like a new one, and hands out no link', async () => {
    const w = await manualWorkshop(cleanups);
    const victim = await register(w.url, { name: 'Foo Bar', email: 'Foo@X.org' });
    const known = await post(w.url, { name: 'Attacker', email: '  foo@x.org ' });
    const unknown = await post(w.url, { name: 'Attacker', email: 'nobody@x.org' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.json).toEqual({ status: 'check_inbox', email: 'foo@x.org' });
    expect(unknown.json).toEqual({ status: 'check_inbox', email: 'nobody@x.org' });
    expect(known.text).not.toMatch(/join|credential|participant/i);
    // The victim's data stays theirs; the fresh link went to the victim's inbox.
    expect(joinLinkOf(await w.mail!.next('foo@x.org', 1))).toMatch(/^http:\/\/localhost:3000\/join\//);
    expect((await api(w.url, '/api/me/data', { credential: victim.body.credential })).json.registration.name).toBe('Foo Bar');
    expect(w.app.people.get(victim.body.participantId)!.name).toBe('Foo Bar');
  });

  test('the mail says when the event is, in its own zone with abbreviation and UTC offset, and carries the calendar file', async () => {
    const w = await manualWorkshop(cleanups);
    await register(w.url, { name: 'Tess Time', email: 'tess@example.org' });
    const mail = await w.mail!.next('tess@example.org', 0);
    const { date, start, end } = w.app.agenda.state.event;
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
    expect(mail.text).toMatch(new RegExp(`on ${day}, ${start}–${end} (CET, UTC\\+1|CEST, UTC\\+2) \\(Europe/Brussels\\)\\.`));
    expect(mail.calendar).toContain('TZID=Europe/Brussels');
  });

  test('a made-up registration counts only once its link is used; the address\'s owner corrects what was typed', async () => {
    const w = await manualWorkshop(cleanups);
    expect((await post(w.url, { name: 'Made Up', email: 'victim@example.org' })).status).toBe(202);
    // Nobody is admitted until the mailed link is used, and nobody but the inbox has it.
    expect(attendees(w)).toEqual([]);
    const owner = await register(w.url, { name: 'Vera Victim', email: 'victim@example.org' });
    expect(owner.confirmStatus).toBe(200);
    expect(attendees(w).map((p) => p.name)).toEqual(['Vera Victim']);
    expect(w.app.people.get(owner.body.participantId)).toMatchObject({ name: 'Vera Victim', confirmedAt: expect.any(Number) });
    // Once confirmed, a form sent for that address changes nothing about the person.
    expect((await post(w.url, { name: 'Made Up Again', email: 'victim@example.org' })).status).toBe(202);
    expect(w.app.people.get(owner.body.participantId)!.name).toBe('Vera Victim');
  });

  test('the first mailed link admits its holder when they connect, even before the page confirms', async () => {
    const w = await manualWorkshop(cleanups);
    expect((await post(w.url, { name: 'Sam Socket', email: 'sam@example.org' })).status).toBe(202);
    const credential = joinLinkOf(await w.mail!.next('sam@example.org', 0)).split('/join/')[1]!;
    const client = new TestClient(w.url, credential);
    cleanups.push(() => client.close());
    await client.connected();
    expect(attendees(w).map((p) => p.name)).toEqual(['Sam Socket']);
  });
});

describe('a removal sticks until a moderator re-admits', () => {
  test('a removed attendee who registers again gets a notice, no link, and stays out; re-admitted, they come back', async () => {
    const w = await manualWorkshop(cleanups);
    const rex = await register(w.url, { name: 'Rex Removed', email: 'rex@example.org' });
    expect((await w.command({ type: 'remove', participantId: rex.body.participantId })).ok).toBe(true);
    const mailsBefore = w.mail!.countNow('rex@example.org');
    const again = await post(w.url, { name: 'Rex Removed', email: 'rex@example.org' });
    expect(again).toMatchObject({ status: 202, json: { status: 'check_inbox' } });
    const notice = await w.mail!.next('rex@example.org', mailsBefore);
    expect(notice.text).toContain('removed your registration');
    expect(notice.text).not.toMatch(/\/join\//);
    expect(attendees(w)).toEqual([]);
    await expect(new TestClient(w.url, rex.body.credential).connected()).rejects.toThrow('revoked');

    expect((await api(w.url, `/api/moderator/people/${rex.body.participantId}/readmit`, { method: 'POST', credential: rex.body.credential })).status).toBe(401);
    expect((await api(w.url, `/api/moderator/people/${rex.body.participantId}/readmit`, { method: 'POST', credential: w.moderatorCredential })).status).toBe(200);
    const back = await register(w.url, { name: 'Rex Removed', email: 'rex@example.org' });
    expect(back.confirmStatus).toBe(200);
    expect(attendees(w).map((p) => p.name)).toEqual(['Rex Removed']);
  });
});

describe('registration limits fit a real public event', () => {
  test('200 colleagues behind one office address all register; one inbox gets at most five links per window', async () => {
    const s = await startTestApp({ registrationLimits: DEFAULT_REGISTRATION_LIMITS });
    cleanups.push(() => s.app.close());
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => post(s.url, { name: `Colleague ${i}`, email: `c${i}@office.example.org` })));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(200);
    const flood = [];
    for (let i = 0; i < 7; i++) flood.push((await post(s.url, { name: 'Flood', email: 'inbox@example.org' })).status);
    expect(flood).toEqual([202, 202, 202, 202, 202, 429, 429]);
    await s.mail!.next('inbox@example.org', 4);
    expect(s.mail!.countNow('inbox@example.org')).toBe(5);
  });
});
