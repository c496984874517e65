// Registration before the event: the form, duplicates, the calendar file, mailed links, revocable links, preferences.
import { afterEach, describe, expect, test } from 'vitest';
import { EVENTS, type EventConfig } from '@live-workshop/shared';
import { loadEventFile } from '../src/live/event/loadEventFile.js';
import { PRIVACY_NOTICE_VERSION } from '../src/features/privacy/privacyNotice.js';
import { ManualTime } from '../src/platform/clock.js';
import { api, manualWorkshop, WORKSHOP_MORNING_MS } from './aroundHarness.js';
import { completeForm, register, SEED_EVENT_FILE, startTestApp, TestClient } from './harness.js';
import { joinLinkOf } from '@live-workshop/testkit';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function started(options: Parameters<typeof startTestApp>[0] = {}) {
  const s = await startTestApp(options);
  cleanups.push(() => s.app.close());
  const links = await s.app.staffLinks();
  return { ...s, moderatorCredential: links.find((l) => l.role === 'moderator')!.url.split('/join/')[1]! };
}

const post = (url: string, body: unknown) => api(url, '/api/registrations', { method: 'POST', body });

describe('the registration form', () => {
  test('each field gets its own clear message', async () => {
    const s = await started();
    const empty = await post(s.url, {});
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({ code: 'invalid_payload', message: 'Please check the form.' });
    expect(empty.json.fieldErrors).toEqual({
      name: 'Please enter your name.',
      email: 'Please enter your email address.',
      country: 'Choose your country.',
      stakeholderType: 'Choose what describes you best.',
      'preferences.0': 'Choose the breakout room you would like most.',
      consent: 'Please accept the privacy notice to register.',
      privacyNoticeVersion: 'Please read the privacy notice.',
    });
    const wrong = await post(s.url, completeForm({
      name: ' ', email: 'not-an-email', country: 'XX', stakeholderType: 'astronaut', preferences: ['trust', 'trust'],
      accessibilityNeeds: 'x'.repeat(1001), consent: false,
    }));
    expect(wrong.json.fieldErrors).toEqual({
      name: 'Please enter your name.',
      email: 'Please enter a valid email address, like name@example.org.',
      country: 'Choose your country from the list.',
      stakeholderType: 'Choose what describes you best.',
      accessibilityNeeds: 'Use at most 1000 characters.',
      consent: 'Please accept the privacy notice to register.',
      'preferences.1': 'Choose a different room for your second choice, or none.',
    });
    expect((await post(s.url, completeForm({ name: 'N', email: 'n@example.org', preferences: [] }))).json.fieldErrors).toEqual({ 'preferences.0': 'Choose the breakout room you would like most.' });
    expect((await post(s.url, completeForm({ name: 'N', email: 'n@example.org', preferences: ['trust', 'mars'] }))).json.fieldErrors).toEqual({ 'preferences.1': 'Choose one of the listed rooms.' });
    expect((await post(s.url, completeForm({ name: 'N', email: 'n@example.org', privacyNoticeVersion: '1999-01-01' }))).json.fieldErrors.consent).toMatch(/changed/);
    expect((await post(s.url, completeForm({ name: 'N', email: 'n@example.org', password: 'x' }))).status).toBe(400);
    expect(Object.values(s.app.agenda.state.participants).filter((p) => p.role === 'attendee')).toHaveLength(0);
  });

  test('a complete form registers once; the same email again mails the same person a fresh link', async () => {
    const s = await started();
    const form = {
      name: 'Ana Ferreira', email: 'Ana@Example.org', organisation: 'ANQEP', country: 'pt', stakeholderType: 'education_training_provider',
      preferences: ['global', 'trust'], accessibilityNeeds: 'Captions, please.',
    };
    const first = await register(s.url, form);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ participantId: expect.stringMatching(/^a-/), joinUrl: expect.stringMatching(/^http:\/\/localhost:3000\/join\//) });
    const again = await register(s.url, { ...form, name: 'Ana F.', email: ' ana@example.ORG ' });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ participantId: first.body.participantId });
    expect(s.mail!.countNow('ana@example.org')).toBe(2);
    const client = new TestClient(s.url, again.body.credential);
    cleanups.push(() => client.close());
    await client.connected();
    const person = s.app.people.get(first.body.participantId)!;
    expect(person).toMatchObject({ name: 'Ana Ferreira', email: 'ana@example.org', organisation: 'ANQEP' });
    expect(person.details).toMatchObject({
      country: 'PT', stakeholderType: 'education_training_provider', preferences: ['global', 'trust'], accessibilityNeeds: 'Captions, please.',
      consent: { noticeVersion: PRIVACY_NOTICE_VERSION },
    });
    expect(s.app.agenda.state.participants[first.body.participantId]).toMatchObject({ preferences: ['global', 'trust'], breakoutId: 'global' });
    expect(Object.values(s.app.agenda.state.participants).filter((p) => p.role === 'attendee')).toHaveLength(1);
  });

  test('names are stored as shown: no bidi overrides, zero-width or control characters; one made only of those is no name', async () => {
    const s = await started();
    const spoof = await register(s.url, { name: 'Anastasia\u200b Pouliou \u202e(rotaredom)\u202c\u0000', email: 'spoof@example.org', organisation: 'Acme\u2066\u2069 Ltd' });
    expect(s.app.people.get(spoof.body.participantId)).toMatchObject({ name: 'Anastasia Pouliou (rotaredom)', organisation: 'Acme Ltd' });
    expect(s.app.agenda.state.participants[spoof.body.participantId]!.name).toBe('Anastasia Pouliou (rotaredom)');
    const invisible = await post(s.url, completeForm({ name: '\u200b\u202e\u0000', email: 'nobody@example.org' }));
    expect(invisible).toMatchObject({ status: 400, json: { fieldErrors: { name: 'Please enter your name.' } } });
  });

  test('what the form needs: countries (ISO 3166), stakeholder types, rooms, privacy notice', async () => {
    const s = await started();
    const form = (await api(s.url, '/api/registration/form')).json;
    expect(form.countries.length).toBeGreaterThan(240);
    expect(form.countries).toContainEqual({ code: 'BE', name: 'Belgium' });
    expect(form.stakeholderTypes.map((t: { id: string }) => t.id)).toEqual(['policy_maker', 'researcher', 'education_training_provider', 'employer', 'social_partner', 'learner', 'other']);
    expect(form.breakouts.map((b: { id: string }) => b.id)).toEqual(['skills', 'trust', 'global', 'uncharted']);
    expect(form.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect((await api(s.url, '/api/registration/form?lang=fr')).json.countries).toContainEqual({ code: 'BE', name: 'Belgique' });
    const notice = (await api(s.url, '/api/privacy')).json;
    expect(notice).toMatchObject({ version: PRIVACY_NOTICE_VERSION, controller: ['Anastasia Pouliou', 'Iraklis Pliakis', 'Maite Santos'] });
    expect(notice.sections.map((x: { heading: string }) => x.heading)).toContain('Your rights');
  });
});

describe('the calendar file and the mailed link', () => {
  test('.ics with the event in Europe/Brussels and the join link', async () => {
    const s = await started({ clock: new ManualTime(WORKSHOP_MORNING_MS) });
    const { body } = await register(s.url, { name: 'Cal', email: 'cal@example.org' });
    const res = await api(s.url, `/api/registrations/ics?credential=${encodeURIComponent(body.credential)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    expect(res.headers.get('content-disposition')).toContain('microcredentials-2025.ics');
    const unfolded = res.text.replace(/\r\n /g, '');
    expect(unfolded).toContain('DTSTART;TZID=Europe/Brussels:20251023T093000');
    expect(unfolded).toContain('DTEND;TZID=Europe/Brussels:20251023T130000');
    expect(unfolded).toContain('BEGIN:VTIMEZONE');
    expect(unfolded).toContain(`URL;VALUE=URI:${body.joinUrl}`);
    expect((await api(s.url, '/api/registrations/ics', { credential: body.credential })).status).toBe(200);
    expect((await api(s.url, '/api/registrations/ics?credential=forged')).status).toBe(401);
  });

  test('the link is mailed over SMTP with the calendar file, and registering again mails it again', async () => {
    const s = await started();
    const { body } = await register(s.url, { name: 'Mae Mail', email: 'mae@example.org' });
    const [mail] = s.mail!.mails;
    expect(mail).toMatchObject({ to: ['mae@example.org'], subject: 'Your link to join: Microcredentials and the Future of Learning' });
    expect(mail!.text).toContain(body.joinUrl);
    expect(mail!.calendar!.replace(/\r\n /g, '')).toContain(`URL;VALUE=URI:${body.joinUrl}`);

    // Registering again with the same address mails a link to it; the answer is the same as the first.
    const again = await post(s.url, completeForm({ name: 'Not Mae', email: 'mae@example.org' }));
    expect(again).toMatchObject({ status: 202, json: { status: 'check_inbox', email: 'mae@example.org' } });
    expect(joinLinkOf(await s.mail!.next('mae@example.org', 1))).toMatch(/^http:\/\/localhost:3000\/join\//);
    expect(s.app.people.get(body.participantId)!.name).toBe('Mae Mail');
  });
});

describe('revocable join links', () => {
  test('a moderator revokes a link: the old one is refused at the next connection, the fresh one works', async () => {
    const s = await started();
    const { body } = await register(s.url, { name: 'Lea Leak', email: 'lea@example.org' });
    const live = new TestClient(s.url, body.credential);
    cleanups.push(() => live.close());
    await live.connected();
    expect((await api(s.url, `/api/moderator/people/${body.participantId}/revoke`, { method: 'POST', credential: body.credential })).status).toBe(403);
    const revoked = await api(s.url, `/api/moderator/people/${body.participantId}/revoke`, { method: 'POST', credential: s.moderatorCredential });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ participantId: body.participantId, joinUrl: `http://localhost:3000/join/${revoked.json.credential}` });
    expect(await live.next(EVENTS.sessionEnded)).toMatchObject({ reason: 'revoked' });
    const old = new TestClient(s.url, body.credential);
    cleanups.push(() => old.close());
    await expect(old.connected()).rejects.toThrow('revoked');
    expect((await api(s.url, '/api/me/data', { credential: body.credential })).status).toBe(401);
    const fresh = new TestClient(s.url, revoked.json.credential);
    cleanups.push(() => fresh.close());
    await fresh.connected();
    expect((await api(s.url, '/api/moderator/people/nobody/revoke', { method: 'POST', credential: s.moderatorCredential })).status).toBe(404);
  });

  test('moderators get fresh personal links for the staff; a speaker\'s leaked link is revoked the same way', async () => {
    const s = await started();
    const { links } = (await api(s.url, '/api/moderator/staff-links', { credential: s.moderatorCredential })).json;
    expect(links.map((l: { id: string; role: string }) => `${l.role}:${l.id}`)).toEqual([
      'moderator:anastasia-pouliou', 'moderator:iraklis-pliakis', 'moderator:maite-santos', 'speaker:research-lead', 'speaker:refernet-expert',
    ]);
    const speaker = links.find((l: { id: string }) => l.id === 'research-lead').url.split('/join/')[1];
    const fresh = await api(s.url, '/api/moderator/people/research-lead/revoke', { method: 'POST', credential: s.moderatorCredential });
    expect(fresh.status).toBe(200);
    await expect(new TestClient(s.url, speaker).connected().finally(() => undefined)).rejects.toThrow('revoked');
    expect((await api(s.url, '/api/moderator/staff-links', { credential: speaker })).status).toBe(401);
  });
});

describe('preferences and capacity', () => {
  const smallRooms = (): EventConfig => {
    const seed = loadEventFile(SEED_EVENT_FILE);
    return { ...seed, breakouts: seed.breakouts.map((b) => ({ ...b, capacity: 2 })) };
  };

  test('first choice within capacity, then second, then the least-filled; late registrations are placed on arrival; moderators see the counts', async () => {
    const w = await manualWorkshop(cleanups, { event: smallRooms() });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await register(w.url, { name: `P${i}`, email: `p${i}@example.org`, preferences: ['trust', 'global'] })).body.participantId);
    const placed = () => ids.map((id) => w.app.agenda.state.participants[id]!.breakoutId);
    expect(placed()).toEqual(['trust', 'trust', 'global', 'global', 'skills']);

    const view = await api(w.url, '/api/moderator/preferences', { credential: w.moderatorCredential });
    expect(view.json).toMatchObject({ attendees: 5, withoutPreference: 0, unassigned: 0 });
    expect(view.json.breakouts).toEqual([
      { id: 'skills', title: expect.any(String), capacity: 2, facilitator: null, firstChoice: 0, secondChoice: 0, assigned: 1 },
      { id: 'trust', title: expect.any(String), capacity: 2, facilitator: null, firstChoice: 5, secondChoice: 0, assigned: 2 },
      { id: 'global', title: expect.any(String), capacity: 2, facilitator: null, firstChoice: 0, secondChoice: 5, assigned: 2 },
      { id: 'uncharted', title: expect.any(String), capacity: 2, facilitator: null, firstChoice: 0, secondChoice: 0, assigned: 0 },
    ]);
    // The moderator adjusts with the existing socket action; the view follows.
    expect(await w.command({ type: 'reassign', participantId: ids[4]!, breakoutId: 'uncharted' })).toMatchObject({ ok: true });
    expect((await api(w.url, '/api/moderator/preferences', { credential: w.moderatorCredential })).json.breakouts.map((b: { assigned: number }) => b.assigned)).toEqual([0, 2, 2, 1]);

    await w.command({ type: 'openDoors' });
    await w.command({ type: 'start' });
    await w.command({ type: 'next' });
    expect(w.app.agenda.state.phase.kind).toBe('breakouts');
    const late = (await register(w.url, { name: 'Late', email: 'late@example.org', preferences: ['trust', 'uncharted'] })).body;
    expect(w.app.agenda.state.participants[late.participantId]!.breakoutId).toBe('uncharted');
    const later = (await register(w.url, { name: 'Later', email: 'later@example.org', preferences: ['trust', 'global'] })).body;
    expect(w.app.agenda.state.participants[later.participantId]!.breakoutId).toBe('skills');
  });

  test('registrations CSV: the organiser fields only', async () => {
    const s = await started();
    await register(s.url, { name: '=HYPERLINK("http://evil")', email: 'csv@example.org', organisation: 'Org, Inc.', country: 'de', preferences: ['skills', 'trust'] });
    const res = await api(s.url, '/api/moderator/registrations.csv', { credential: s.moderatorCredential });
    expect(res.status).toBe(200);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const quoted = (cells: string) => cells.split(',').map((c) => `"${c}"`).join(',');
    expect(lines[0]).toBe(quoted('participant_id,registered_at,name,email,organisation,country,country_name,stakeholder_type,first_choice,second_choice,assigned_breakout,accessibility_needs,privacy_notice_version,consented_at'));
    expect(lines[1]).toMatch(/^"a-[\w-]+","\d{4}-\d\d-\d\dT[\d:.]+Z","'=HYPERLINK\(""http:\/\/evil""\)","csv@example.org","Org, Inc.","DE","Germany","other","skills","trust","skills","","2025-10-01",/);
    expect(lines).toHaveLength(2); // staff are not registrations
    expect(res.text).not.toMatch(/eyJ/);
    expect((await api(s.url, '/api/moderator/registrations.csv')).status).toBe(401);
  });
});
