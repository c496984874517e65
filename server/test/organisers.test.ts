// Organisers add organisers (issue 13 §3): invite one by name (the link answered once), list them,
// revoke one — never the last; a revoked organiser's link is refused at once. Real HTTP against a
// deployment.
import { expect, test } from 'vitest';
import { credentialOfLink, perTestDeployments } from './deploymentHarness.js';
import { seedEventFor } from './harness.js';

const { deployment } = perTestDeployments();

test('an organiser invites another, who signs in with the link; either revokes the other, never the last; a revoked link is refused', async () => {
  const t = await deployment();
  const first = await t.organiserApi('/api/organiser/organisers');
  expect(first.status).toBe(200);
  expect(first.body.organisers).toEqual([{ id: 'organiser', name: 'Organiser', createdAt: expect.any(Number) }]);
  // The only organiser cannot be revoked.
  expect(await t.organiserApi('/api/organiser/organisers/organiser', { method: 'DELETE' })).toMatchObject({ status: 409, body: { code: 'not_allowed_now' } });
  expect((await t.organiserApi('/api/organiser/events')).status).toBe(200);

  // Only organisers invite; a bad name changes nothing.
  const moderator = credentialOfLink((await t.organiserApi(`/api/organiser/events/${seedEventFor(Date.now()).id}/links`)).body.links, 'anastasia-pouliou');
  expect((await t.organiserApi('/api/organiser/organisers', { body: { name: 'Mallory' }, credential: null })).status).toBe(401);
  expect((await t.organiserApi('/api/organiser/organisers', { body: { name: 'Mallory' }, credential: moderator })).status).toBe(403);
  expect((await t.organiserApi('/api/organiser/organisers', { method: 'GET', credential: moderator })).status).toBe(403);
  expect(await t.organiserApi('/api/organiser/organisers', { body: { name: '' } })).toMatchObject({ status: 400, body: { code: 'invalid_payload', fieldErrors: { name: expect.any(String) } } });
  expect(await t.organiserApi('/api/organiser/organisers', { body: { name: 'Olga', role: 'admin' } })).toMatchObject({ status: 400 });
  expect((await t.organiserApi('/api/organiser/organisers')).body.organisers).toHaveLength(1);

  const invited = await t.organiserApi('/api/organiser/organisers', { body: { name: '  Olga Second ' } });
  expect(invited.status).toBe(201);
  expect(invited.body.organiser).toMatchObject({ id: expect.stringMatching(/^organiser-[0-9a-f]{12}$/), name: 'Olga Second' });
  expect(invited.body.url).toMatch(/^http:\/\/localhost:3000\/organiser\//);
  const olga = invited.body.url.split('/organiser/')[1] as string;
  const asOlga = await t.organiserApi('/api/organiser/events', { credential: olga });
  expect(asOlga).toMatchObject({ status: 200, body: { organiser: { id: invited.body.organiser.id, name: 'Olga Second' } } });
  // Her link gets into no event (an organiser is no moderator).
  expect((await fetch(`${t.url}/api/moderator/preferences`, { headers: { authorization: `Bearer ${olga}` } })).status).toBe(401);
  expect((await t.organiserApi('/api/organiser/organisers')).body.organisers.map((o: { name: string }) => o.name)).toEqual(['Organiser', 'Olga Second']);
  expect((await t.deployment.organiserLinks()).map((l) => l.name)).toEqual(['Organiser', 'Olga Second']);

  // Olga revokes the first organiser: their link is refused from now on, and she is the last one.
  expect(await t.organiserApi('/api/organiser/organisers/no-such-organiser', { method: 'DELETE', credential: olga })).toMatchObject({ status: 404 });
  const revoked = await t.organiserApi('/api/organiser/organisers/organiser', { method: 'DELETE', credential: olga });
  expect(revoked).toMatchObject({ status: 200, body: { organisers: [{ name: 'Olga Second' }] } });
  expect((await t.organiserApi('/api/organiser/events')).status).toBe(403);
  expect((await t.organiserApi('/api/organiser/organisers', { body: { name: 'Back door' } })).status).toBe(403);
  expect(await t.organiserApi(`/api/organiser/organisers/${invited.body.organiser.id}`, { method: 'DELETE', credential: olga })).toMatchObject({ status: 409 });
  expect((await t.organiserApi('/api/organiser/events', { credential: olga })).status).toBe(200);
  expect((await t.deployment.organiserLinks()).map((l) => l.name)).toEqual(['Olga Second']);
});
