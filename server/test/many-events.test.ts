// Many events on one server (issue 13 §3): each event at /e/<id> with its own live agenda, people,
// links and data; the default event at / as before; organisers create, duplicate, archive and
// delete events. Real HTTP and Socket.IO clients against one deployment process.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { connectClient, register as registerByMail, TestClient } from '@live-workshop/testkit';
import { PRIVACY_NOTICE_VERSION } from '../src/features/privacy/privacyNotice.js';
import { postWebhook } from './aroundHarness.js';
import { credentialOfLink, perTestDeployments, startTestDeployment, type TestDeployment } from './deploymentHarness.js';
import { seedEventFor } from './harness.js';

const { cleanups, deployment } = perTestDeployments();

const register = (t: TestDeployment, base: string, name: string, email: string) =>
  registerByMail(base, { name, email, preferences: ['skills'] }, { mail: t.mail, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });

/** A copy of the seed workshop under another id: the same moderators, speakers and rooms. */
async function duplicateOfSeed(t: TestDeployment, id: string) {
  const seedId = seedEventFor(Date.now()).id;
  const created = await t.organiserApi(`/api/organiser/events/${seedId}/duplicate`, { body: { id } });
  expect(created.status).toBe(201);
  return created.body as { event: { id: string; url: string }; links: { id: string; role: string; url: string }[] };
}

/** Make sure everything the server sent this client before now has arrived (same-connection ordering). */
const flush = (client: TestClient) => client.request(EVENTS.moveReport, { phaseKey: 'flush', roomId: 'plenary', cueToConnectedMs: 0, cueToPublishingMs: null });

describe('a deployment of several events', () => {
  test('the default event stays at /, another is served at /e/<id> with its own page, links and Socket.IO', async () => {
    const t = await deployment();
    const copy = await duplicateOfSeed(t, 'autumn-forum');
    expect(copy.event.url).toBe('http://localhost:3000/e/autumn-forum');
    // The organiser is shown the new event's moderator links, on its own address.
    const moderatorLink = copy.links.find((l) => l.role === 'moderator')!;
    expect(moderatorLink.url).toMatch(/^http:\/\/localhost:3000\/e\/autumn-forum\/join\//);

    const atRoot = await (await fetch(`${t.url}/api/event`)).json();
    const atPrefix = await (await fetch(`${t.url}/e/autumn-forum/api/event`)).json();
    expect(atRoot.event.id).toBe('microcredentials-2025');
    expect(atPrefix.event.id).toBe('autumn-forum');
    expect((await fetch(`${t.url}/e/no-such-event/api/event`)).status).toBe(404);

    const moderator = await connectClient(`${t.url}/e/autumn-forum`, credentialOfLink(copy.links, moderatorLink.id), cleanups);
    expect(moderator.latest(EVENTS.agendaChanged)!.phase.kind).toBe('scheduled');
    const { body } = await register(t, `${t.url}/e/autumn-forum`, 'Ada Attendee', 'ada@example.org');
    expect(body.joinUrl).toMatch(/^http:\/\/localhost:3000\/e\/autumn-forum\/join\//);
    const attendee = await connectClient(`${t.url}/e/autumn-forum`, body.credential, cleanups);
    expect(attendee.latest(EVENTS.agendaChanged)!.version).toBeGreaterThan(0);
  });

  test('two live events in one process: a cue in one changes and broadcasts nothing in the other', async () => {
    const t = await deployment();
    const copy = await duplicateOfSeed(t, 'second-workshop');
    const seedLinks = await t.deployment.host.defaultApp.staffLinks();
    const moderatorA = await connectClient(t.url, credentialOfLink(seedLinks, 'anastasia-pouliou'), cleanups);
    const moderatorB = await connectClient(`${t.url}/e/second-workshop`, credentialOfLink(copy.links, 'anastasia-pouliou'), cleanups);
    const a = await register(t, t.url, 'Attendee A', 'a@example.org');
    const b = await register(t, `${t.url}/e/second-workshop`, 'Attendee B', 'b@example.org');
    const attendeeA = await connectClient(t.url, a.body.credential, cleanups);
    const attendeeB = await connectClient(`${t.url}/e/second-workshop`, b.body.credential, cleanups);
    for (const m of [moderatorA, moderatorB]) {
      expect(await m.command({ type: 'openDoors' })).toMatchObject({ ok: true });
      await m.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
      expect(await m.command({ type: 'start' })).toMatchObject({ ok: true });
      await m.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');
    }
    await attendeeB.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');
    // B's roster push after its own start (a quarter second later) has arrived: B is quiet from here on.
    await moderatorB.next(EVENTS.rosterChanged, (r) => r.entries.some((e) => e.id === b.body.participantId && e.connected && e.plannedRoom === 'plenary'));
    await Promise.all([flush(attendeeB), flush(moderatorB)]);
    const appB = t.deployment.host.appOf('second-workshop')!;
    const stateB = appB.agenda.state;
    const heardB = [attendeeB.received.length, moderatorB.received.length];

    expect(await moderatorA.command({ type: 'next' })).toMatchObject({ ok: true });
    await attendeeA.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
    // Anything B's clients were sent because of A's cue would have arrived before these acks.
    await Promise.all([flush(attendeeB), flush(moderatorB), flush(attendeeA)]);

    expect(t.deployment.host.defaultApp.agenda.state.phase.kind).toBe('breakouts');
    expect(appB.agenda.state).toBe(stateB);
    expect([attendeeB.received.length, moderatorB.received.length]).toEqual(heardB);
    expect(attendeeA.latest(EVENTS.agendaChanged)!.phase.kind).toBe('breakouts');
  });

  test('LiveKit\'s one webhook URL: each signed event reaches the presence of the event whose room it names, and no other', async () => {
    const t = await deployment();
    await duplicateOfSeed(t, 'webhook-forum');
    const forum = t.deployment.host.appOf('webhook-forum')!.presence;
    const seed = t.deployment.host.defaultApp.presence;
    await postWebhook(t.url, 'participant_joined', 'plenary', 'anastasia-pouliou', 'webhook-forum');
    expect(forum.roomsOf('anastasia-pouliou')).toEqual(['plenary']);
    expect(seed.roomsOf('anastasia-pouliou')).toEqual([]);
    await postWebhook(t.url, 'participant_joined', 'breakout-trust', 'anastasia-pouliou');
    expect(seed.roomsOf('anastasia-pouliou')).toEqual(['breakout:trust']);
    expect(forum.roomsOf('anastasia-pouliou')).toEqual(['plenary']);
  });

  test('a credential of one event gets nowhere in another, even for a person of the same id', async () => {
    const t = await deployment();
    const copy = await duplicateOfSeed(t, 'copy-of-seed');
    const seedModerator = credentialOfLink(await t.deployment.host.defaultApp.staffLinks(), 'anastasia-pouliou');
    const copyModerator = credentialOfLink(copy.links, 'anastasia-pouliou');
    const attendee = (await register(t, `${t.url}/e/copy-of-seed`, 'Bea Attendee', 'bea@example.org')).body.credential;

    for (const [base, credential] of [[`${t.url}/e/copy-of-seed`, seedModerator], [t.url, copyModerator], [t.url, attendee]] as const) {
      const res = await fetch(`${base}/api/moderator/event`, { headers: { authorization: `Bearer ${credential}` } });
      expect(res.status).toBe(401);
      expect((await res.json()).message).toBe('This link belongs to another event.');
      const client = new TestClient(base, credential);
      cleanups.push(() => client.close());
      await expect(client.connected()).rejects.toThrow('unauthorized');
    }
    // Each in its own event: in.
    const own = await fetch(`${t.url}/e/copy-of-seed/api/moderator/event`, { headers: { authorization: `Bearer ${copyModerator}` } });
    expect(own.status).toBe(200);
  });

  test('organiser routes refuse a moderator\'s credential, and event routes refuse an organiser\'s', async () => {
    const t = await deployment();
    const moderator = credentialOfLink(await t.deployment.host.defaultApp.staffLinks(), 'anastasia-pouliou');
    expect((await t.organiserApi('/api/organiser/events', { credential: moderator })).status).toBe(403);
    expect((await t.organiserApi('/api/organiser/events', { body: { yaml: 'id: x' }, credential: moderator })).status).toBe(403);
    expect((await t.organiserApi('/api/organiser/events', { credential: null })).status).toBe(401);
    const asModerator = await fetch(`${t.url}/api/moderator/event`, { headers: { authorization: `Bearer ${t.organiser}` } });
    expect(asModerator.status).toBe(401);
    const listed = await t.organiserApi('/api/organiser/events');
    expect(listed.status).toBe(200);
    expect(listed.body.events).toEqual([expect.objectContaining({ id: 'microcredentials-2025', isDefault: true, status: 'upcoming', archived: false, url: 'http://localhost:3000' })]);
  });

  test('an uploaded event file is validated with line and field; a valid one is created, listed and served', async () => {
    const t = await deployment();
    const forum = readFileSync(join(import.meta.dirname, '../../e2e/fixtures/lisbon-forum.yaml'), 'utf8');
    const broken = forum.replace('timeZone: Europe/Lisbon', 'timeZone: Europe/Lisbonx');
    const refused = await t.organiserApi('/api/organiser/events', { body: { yaml: broken } });
    expect(refused.status).toBe(400);
    const line = broken.split('\n').findIndex((l) => l.startsWith('timeZone:')) + 1;
    expect(refused.body.problems).toEqual([expect.objectContaining({ field: 'timeZone', line })]);
    expect(refused.body.fieldErrors.timeZone).toMatch(new RegExp(`^line ${line}: `));
    expect((await t.organiserApi('/api/organiser/events')).body.events).toHaveLength(1);

    const created = await t.organiserApi('/api/organiser/events', { body: { yaml: forum } });
    expect(created.status).toBe(201);
    expect(created.body.links.map((l: { id: string }) => l.id)).toEqual(['forum-chair', 'panel-lead', 'panel-expert']);
    expect((await (await fetch(`${t.url}/e/lisbon-forum-2026/api/event`)).json()).event.title).toBe('Regional Forum on Skills and Microcredentials');
    const again = await t.organiserApi('/api/organiser/events', { body: { yaml: forum } });
    expect(again.status).toBe(409);
    expect(again.body.fieldErrors).toEqual({ id: 'taken by another event' });
    const ids = (await t.organiserApi('/api/organiser/events')).body.events.map((e: { id: string }) => e.id);
    expect(ids.sort()).toEqual(['lisbon-forum-2026', 'microcredentials-2025']);
  });

  test('an archived event takes no registrations; deleting its data removes its people and backups, and nothing of the other event', async () => {
    const t = await deployment();
    const copy = await duplicateOfSeed(t, 'to-archive');
    const backup = async (base: string, credential: string) => {
      const res = await fetch(`${base}/api/moderator/backups`, { method: 'POST', headers: { authorization: `Bearer ${credential}` } });
      expect(res.status).toBe(201);
    };
    await backup(t.url, credentialOfLink(await t.deployment.host.defaultApp.staffLinks(), 'anastasia-pouliou'));
    await backup(`${t.url}/e/to-archive`, credentialOfLink(copy.links, 'anastasia-pouliou'));
    const backupsOf = (id: string) => readdirSync(join(t.dataDir, 'backups')).filter((f) => f.startsWith(`${id}-`));
    expect(backupsOf('to-archive')).toHaveLength(1);
    const inSeed = await register(t, t.url, 'Stays Here', 'stays@example.org');
    const inCopy = await register(t, `${t.url}/e/to-archive`, 'Goes Away', 'goes@example.org');
    expect(inCopy.status).toBe(202);
    expect((await t.organiserApi('/api/organiser/events/to-archive', { method: 'DELETE' })).status).toBe(409);

    const archived = await t.organiserApi('/api/organiser/events/to-archive/archive', { method: 'POST' });
    expect(archived.body).toMatchObject({ id: 'to-archive', archived: true });
    const page = await (await fetch(`${t.url}/e/to-archive/api/event`)).json();
    expect(page.registrationClosed).toBe('This event has been archived by its organisers; registration is closed.');
    const late = await register(t, `${t.url}/e/to-archive`, 'Too Late', 'late@example.org');
    expect(late.status).toBe(409);
    expect((await t.organiserApi(`/api/organiser/events/microcredentials-2025/archive`, { method: 'POST' })).status).toBe(409);

    const dbFile = join(t.dataDir, 'to-archive.sqlite');
    expect(existsSync(dbFile)).toBe(true);
    const deleted = await t.organiserApi('/api/organiser/events/to-archive', { method: 'DELETE' });
    expect(deleted).toEqual({ status: 200, body: { id: 'to-archive', deleted: true } });
    expect(existsSync(dbFile)).toBe(false);
    expect(backupsOf('to-archive')).toEqual([]);
    expect(backupsOf('microcredentials-2025')).toHaveLength(1);
    expect((await fetch(`${t.url}/e/to-archive/api/event`)).status).toBe(404);
    const goneLink = await fetch(`${t.url}/e/to-archive/api/me/data`, { headers: { authorization: `Bearer ${inCopy.body.credential}` } });
    expect(goneLink.status).toBe(404);

    const seedPeople = t.deployment.host.defaultApp.people;
    expect(seedPeople.get(inSeed.body.participantId)).toMatchObject({ name: 'Stays Here' });
    expect(seedPeople.findByEmail('goes@example.org')).toBeNull();
    const mine = await fetch(`${t.url}/api/me/data`, { headers: { authorization: `Bearer ${inSeed.body.credential}` } });
    expect(mine.status).toBe(200);
    expect((await t.organiserApi('/api/organiser/events')).body.events.map((e: { id: string }) => e.id)).toEqual(['microcredentials-2025']);
  });

  test('a restart serves the same events, the archived one still archived', async () => {
    const first = await startTestDeployment();
    const dataDir = first.dataDir;
    await first.organiserApi(`/api/organiser/events/microcredentials-2025/duplicate`, { body: { id: 'kept-open' } });
    await first.organiserApi(`/api/organiser/events/microcredentials-2025/duplicate`, { body: { id: 'kept-archived', date: '2031-05-06' } });
    await first.organiserApi('/api/organiser/events/kept-archived/archive', { method: 'POST' });
    await first.close();

    const t = await startTestDeployment({ dataDir });
    cleanups.push(() => t.close());
    const events = (await t.organiserApi('/api/organiser/events')).body.events as { id: string; archived: boolean; date: string }[];
    expect(events.map((e) => [e.id, e.archived])).toEqual(expect.arrayContaining([['kept-open', false], ['kept-archived', true], ['microcredentials-2025', false]]));
    expect(events.find((e) => e.id === 'kept-archived')!.date).toBe('2031-05-06');
    expect((await (await fetch(`${t.url}/e/kept-archived/api/event`)).json()).registrationClosed).toMatch(/archived/);
  });
});
