// A facilitator per breakout room by invite link (issue 13 §5), over real HTTP and Socket.IO in a
// deployment of two events: a moderator makes a room's link; whoever opens it is placed in that room
// for its round and has the facilitator's rights there (notes, mute) and nothing more; withdrawing
// the link refuses it; a link of one event gets into no other.
import { expect, test } from 'vitest';
import { EVENTS, livekitRoomName, placementOf } from '@live-workshop/shared';
import { connectClient, register as registerByMail, TestClient } from '@live-workshop/testkit';
import { PRIVACY_NOTICE_VERSION } from '../src/features/privacy/privacyNotice.js';
import { credentialOfLink, perTestDeployments, startTestDeployment, type TestDeployment } from './deploymentHarness.js';
import { seedEventFor } from './harness.js';

const { cleanups, deployment } = perTestDeployments();

/** The moderators' API of the event at `base`. */
async function api(base: string, path: string, credential: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${credential}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: await res.json() };
}

const refusedWith = async (base: string, credential: string) => {
  const client = new TestClient(base, credential);
  cleanups.push(() => client.close());
  return client.connected().then(() => 'connected', (err: Error) => err.message);
};

test('a room\'s facilitator link: placed in that room for its round, its notes and mutes only, no commands; withdrawn → refused; another event refuses it', async () => {
  const t = await deployment();
  const seed = seedEventFor(Date.now());
  const base = t.url;
  const staffLinks = (await t.organiserApi(`/api/organiser/events/${seed.id}/links`)).body.links as { id: string; url: string }[];
  const modCredential = credentialOfLink(staffLinks, 'anastasia-pouliou');
  const copy = await t.organiserApi(`/api/organiser/events/${seed.id}/duplicate`, { body: { id: 'autumn-forum' } });
  expect(copy.status).toBe(201);

  // Every room of the round is listed, none invited yet.
  const listed = await api(base, '/api/moderator/facilitators', modCredential);
  expect(listed.status).toBe(200);
  expect(listed.body.rooms.map((r: { breakoutId: string; invited: boolean }) => [r.breakoutId, r.invited])).toEqual(seed.breakouts.map((b) => [b.id, false]));

  const mail = { mail: t.mail, privacyNoticeVersion: PRIVACY_NOTICE_VERSION };
  const ada = (await registerByMail(base, { name: 'Ada Skills', email: 'ada@example.org', preferences: ['skills'] }, mail)).body;
  const bo = (await registerByMail(base, { name: 'Bo Trust', email: 'bo@example.org', preferences: ['trust'] }, mail)).body;

  // Only moderators make links; an unknown room or a bad name changes nothing.
  expect((await api(base, '/api/moderator/facilitators/skills', ada.credential, { body: {} })).status).toBe(403);
  expect((await api(base, '/api/moderator/facilitators/nowhere', modCredential, { body: {} }))).toMatchObject({ status: 404, body: { code: 'unknown_breakout' } });
  expect((await api(base, '/api/moderator/facilitators/skills', modCredential, { body: { name: 'Line\nbreak' } }))).toMatchObject({ status: 400, body: { code: 'invalid_payload' } });
  // The seed's rooms name no facilitator: a link needs a name.
  expect((await api(base, '/api/moderator/facilitators/skills', modCredential, { body: {} }))).toMatchObject({ status: 400, body: { code: 'invalid_payload', message: expect.stringContaining('Give the name') } });
  expect((await api(base, '/api/moderator/facilitators', modCredential)).body.rooms.every((r: { invited: boolean }) => !r.invited)).toBe(true);
  expect(t.deployment.host.defaultApp.agenda.state.participants['facilitator--skills']).toBeUndefined();

  const made = await api(base, '/api/moderator/facilitators/skills', modCredential, { body: { name: 'Fatima Facilitator' } });
  expect(made.status).toBe(201);
  expect(made.body.invite).toMatchObject({ breakoutId: 'skills', name: 'Fatima Facilitator', invited: true });
  expect(made.body.url).toMatch(/^http:\/\/localhost:3000\/join\//);
  const link = made.body.url.split('/join/')[1] as string;

  const moderator = await connectClient(base, modCredential, cleanups);
  const fatima = await connectClient(base, link, cleanups);
  expect((await fatima.next(EVENTS.welcome)).participant).toMatchObject({ id: 'facilitator--skills', name: 'Fatima Facilitator', role: 'facilitator' });
  const adaC = await connectClient(base, ada.credential, cleanups);

  // No agenda command, no roster action, no moderator export.
  expect(await fatima.command({ type: 'openDoors' }, t.deployment.host.defaultApp.agenda.state.version)).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await fatima.command({ type: 'reassign', participantId: bo.participantId, breakoutId: 'skills' }, t.deployment.host.defaultApp.agenda.state.version)).toMatchObject({ ok: false, code: 'forbidden' });
  expect((await api(base, '/api/moderator/notes.csv', link)).status).toBe(403);
  // A moderator cannot move the invited facilitator to another room.
  const app = t.deployment.host.defaultApp;
  expect(await moderator.command({ type: 'reassign', participantId: 'facilitator--skills', breakoutId: 'trust' }, app.agenda.state.version)).toMatchObject({ ok: false, code: 'not_allowed_now' });

  for (const type of ['openDoors', 'start', 'next'] as const) expect(await moderator.command({ type }, app.agenda.state.version)).toMatchObject({ ok: true });
  await adaC.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
  // In the skills room for the round, taking no attendee's place; the attendees where their preferences put them.
  expect(placementOf(app.agenda.state, 'facilitator--skills')).toEqual({ roomId: 'breakout:skills', canPublish: true });
  expect(placementOf(app.agenda.state, ada.participantId).roomId).toBe('breakout:skills');
  expect(placementOf(app.agenda.state, bo.participantId).roomId).toBe('breakout:trust');

  // The room's notes: theirs yes, another room's no.
  expect(await fatima.request(EVENTS.notesWrite, { breakoutId: 'skills', text: 'Employers want short modules.' })).toMatchObject({ ok: true, data: { updatedBy: 'Fatima Facilitator' } });
  expect(await fatima.request(EVENTS.notesWrite, { breakoutId: 'trust', text: 'Not my room' })).toMatchObject({ ok: false, code: 'forbidden' });
  expect((await fatima.next(EVENTS.notesChanged)).breakoutId).toBe('skills');
  expect(await moderator.request(EVENTS.notesWrite, { breakoutId: 'trust', text: 'Audits.' })).toMatchObject({ ok: true });
  // Mute: someone in their room yes, someone in another room no.
  t.livekit.rooms.set(livekitRoomName(seed.id, 'breakout:skills'), new Set([ada.participantId, 'facilitator--skills']));
  t.livekit.rooms.set(livekitRoomName(seed.id, 'breakout:trust'), new Set([bo.participantId]));
  expect(await fatima.request(EVENTS.roomMute, { participantId: ada.participantId })).toEqual({ ok: true, data: { muted: 1 } });
  expect(await fatima.request(EVENTS.roomMute, { participantId: bo.participantId })).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await fatima.command({ type: 'extend', minutes: 5 }, app.agenda.state.version)).toMatchObject({ ok: false, code: 'forbidden' });
  // The other room's notes never reached the facilitator (same-connection order: the moderator's save came before this answer).
  await fatima.request(EVENTS.notesWrite, { breakoutId: 'skills', text: 'Employers want short, verified modules.' });
  expect(fatima.all(EVENTS.notesChanged).map((n) => n.breakoutId)).toEqual(['skills', 'skills']);

  // The link of this event gets into no other event, by socket or by HTTP.
  expect(await refusedWith(`${base}/e/autumn-forum`, link)).toBe('unauthorized');
  expect(await api(`${base}/e/autumn-forum`, '/api/me/attendance', link)).toMatchObject({ status: 401, body: { message: 'This link belongs to another event.' } });
  expect(await api(`${base}/e/autumn-forum`, '/api/moderator/facilitators', link)).toMatchObject({ status: 401 });

  // Withdrawn: the facilitator is told and leaves the room; the link is refused from then on.
  const ended = fatima.next(EVENTS.sessionEnded);
  const withdrawn = await api(base, '/api/moderator/facilitators/skills', modCredential, { method: 'DELETE' });
  expect(withdrawn).toMatchObject({ status: 200, body: { breakoutId: 'skills', invited: false } });
  expect(await ended).toMatchObject({ reason: 'revoked' });
  expect(app.agenda.state.participants['facilitator--skills']).toBeUndefined();
  expect(await refusedWith(base, link)).toBe('revoked');
  expect(await api(base, '/api/me/attendance', link)).toMatchObject({ status: 401, body: { message: 'This link has been replaced or withdrawn.' } });
  expect((await api(base, '/api/moderator/facilitators/skills', modCredential, { method: 'DELETE' })).status).toBe(409);

  // A fresh link lets the facilitator back in (named as before); the withdrawn one stays refused.
  const again = await api(base, '/api/moderator/facilitators/skills', modCredential, { body: {} });
  expect(again).toMatchObject({ status: 201, body: { invite: { name: 'Fatima Facilitator', invited: true } } });
  await connectClient(base, again.body.url.split('/join/')[1], cleanups);
  expect(placementOf(app.agenda.state, 'facilitator--skills').roomId).toBe('breakout:skills');
  expect(await refusedWith(base, link)).toBe('revoked');
});

test('the event file\'s facilitator for a room prefills the name; a link made without a name is theirs', async () => {
  const seed = seedEventFor(Date.now());
  const event = { ...seed, breakouts: seed.breakouts.map((b) => (b.id === 'trust' ? { ...b, facilitator: 'Dr Trust Prefilled' } : b)) };
  const t = await startTestDeployment({ defaultEvent: event });
  cleanups.push(() => t.close());
  const links = (await t.organiserApi(`/api/organiser/events/${seed.id}/links`)).body.links as { id: string; url: string }[];
  const mod = credentialOfLink(links, 'anastasia-pouliou');
  const listed = (await api(t.url, '/api/moderator/facilitators', mod)).body.rooms as { breakoutId: string; name: string }[];
  expect(listed.find((r) => r.breakoutId === 'trust')!.name).toBe('Dr Trust Prefilled');
  expect(listed.find((r) => r.breakoutId === 'skills')!.name).toBe('');
  const made = await api(t.url, '/api/moderator/facilitators/trust', mod, { body: {} });
  expect(made).toMatchObject({ status: 201, body: { invite: { breakoutId: 'trust', name: 'Dr Trust Prefilled', invited: true } } });
  const client = await connectClient(t.url, made.body.url.split('/join/')[1], cleanups);
  expect((await client.next(EVENTS.welcome)).participant).toMatchObject({ name: 'Dr Trust Prefilled', role: 'facilitator' });
});
