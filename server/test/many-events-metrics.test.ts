// Health and metrics of every hosted event (issue 13 §3): the deployment's /metrics carries each
// event's series labelled with its id, Node's process metrics once, and each event's readiness;
// an event's own /e/<id>/metrics and /e/<id>/readyz are that event's only; no staff credential
// (of any event) reads metrics. Real HTTP against a deployment of two events.
import { afterEach, expect, test } from 'vitest';
import { parseExposition, register as registerByMail, sampleOf, scrape } from '@live-workshop/testkit';
import { PRIVACY_NOTICE_VERSION } from '../src/features/privacy/privacyNotice.js';
import { credentialOfLink, startTestDeployment } from './deploymentHarness.js';
import { seedEventFor } from './harness.js';
import { connectClient } from '@live-workshop/testkit';

const TOKEN = 'metrics-token-for-tests-0123456789';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

test('every event\'s metrics and readiness at the deployment\'s /metrics, labelled by event; each event\'s own only at /e/<id>; no staff link reads them', async () => {
  const t = await startTestDeployment({ metricsToken: TOKEN });
  cleanups.push(() => t.close());
  const seedId = seedEventFor(Date.now()).id;
  const copy = await t.organiserApi(`/api/organiser/events/${seedId}/duplicate`, { body: { id: 'autumn-forum' } });
  expect(copy.status).toBe(201);
  const forum = `${t.url}/e/autumn-forum`;

  const before = await scrape(t.url, TOKEN);
  for (const event of [seedId, 'autumn-forum']) {
    expect(sampleOf(before, 'lw_agenda_phase', { event, kind: 'scheduled' })).toBe(1);
    expect(sampleOf(before, 'lw_registrations_total', { event, kind: 'new' })).toBe(0);
    expect(sampleOf(before, 'lw_event_ready', { event })).toBe(1);
  }
  // Node's process metrics once for the process, not once per event.
  expect(before.filter((s) => s.name === 'process_cpu_user_seconds_total')).toHaveLength(1);
  expect(before.filter((s) => s.name.startsWith('lw_')).every((s) => s.labels.event === seedId || s.labels.event === 'autumn-forum')).toBe(true);

  // A cue and a registration in the forum show in the forum's series only.
  const moderator = await connectClient(forum, credentialOfLink(copy.body.links, 'anastasia-pouliou'), cleanups);
  expect(await moderator.command({ type: 'openDoors' }, t.deployment.host.appOf('autumn-forum')!.agenda.state.version)).toMatchObject({ ok: true });
  await registerByMail(forum, { name: 'Ada Attendee', email: 'ada@example.org', preferences: ['skills'] }, { mail: t.mail, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
  const after = await scrape(t.url, TOKEN);
  expect(sampleOf(after, 'lw_agenda_phase', { event: 'autumn-forum', kind: 'lobby' })).toBe(1);
  expect(sampleOf(after, 'lw_agenda_phase', { event: seedId, kind: 'scheduled' })).toBe(1);
  expect(sampleOf(after, 'lw_registrations_total', { event: 'autumn-forum', kind: 'new' })).toBe(1);
  expect(sampleOf(after, 'lw_registrations_total', { event: seedId, kind: 'new' })).toBe(0);
  expect(sampleOf(after, 'lw_connected_participants', { event: 'autumn-forum', role: 'moderator' })).toBe(1);
  expect(sampleOf(after, 'lw_connected_participants', { event: seedId, role: 'moderator' })).toBe(0);

  // The forum's own /metrics holds the forum's series only.
  const own = await scrape(forum, TOKEN);
  const ownEvents = new Set(own.filter((s) => s.name.startsWith('lw_')).map((s) => s.labels.event));
  expect([...ownEvents]).toEqual(['autumn-forum']);
  expect(sampleOf(own, 'lw_registrations_total', { kind: 'new' })).toBe(1);
  // Its health and readiness at its own address.
  expect(await (await fetch(`${forum}/healthz`)).json()).toEqual({ status: 'ok' });
  expect(await (await fetch(`${forum}/readyz`)).json()).toMatchObject({ status: 'ready' });

  // No staff link reads metrics: not the deployment's, not its own event's, not another's; nor a wrong token or none.
  const forumModerator = credentialOfLink(copy.body.links, 'anastasia-pouliou');
  const seedModerator = credentialOfLink((await t.organiserApi(`/api/organiser/events/${seedId}/links`)).body.links, 'anastasia-pouliou');
  for (const [base, credential] of [[t.url, forumModerator], [t.url, seedModerator], [forum, forumModerator], [forum, seedModerator], [t.url, t.organiser], [t.url, 'wrong'], [forum, 'wrong']] as const) {
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${credential}` } });
    expect(res.status, `${base} ${credential.slice(0, 8)}`).toBe(401);
    expect(await res.text()).not.toContain('lw_');
  }
  expect((await fetch(`${t.url}/metrics`)).status).toBe(401);

  // An event whose data is deleted leaves the deployment's metrics.
  expect((await t.organiserApi('/api/organiser/events/autumn-forum/archive', { method: 'POST' })).status).toBe(200);
  expect((await t.organiserApi('/api/organiser/events/autumn-forum', { method: 'DELETE' })).status).toBe(200);
  const gone = parseExposition(await (await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text());
  expect(gone.filter((s) => s.labels.event === 'autumn-forum')).toEqual([]);
  expect(sampleOf(gone, 'lw_event_ready', { event: seedId })).toBe(1);
});
