// Issue 16: sessions and rate limits shared through Redis, on the two-node cluster
// (clusterHarness.ts: two app processes, PostgreSQL, Redis). Each client here connects to one
// node directly (not through the failover proxies), so which node holds which session is known.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { completeForm, privacyNoticeVersionOf, register, TestClient } from '@live-workshop/testkit';
import { startCluster, type Cluster } from './clusterHarness.js';

const PER_EMAIL = 2;

let cluster: Cluster;
const clients: TestClient[] = [];
beforeAll(async () => {
  cluster = await startCluster({ breakoutMinutes: 30, warningSeconds: 60, env: { REGISTRATIONS_PER_EMAIL: String(PER_EMAIL) } });
}, 180_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await cluster?.close();
}, 60_000);

/** A session on one node, with its first snapshot. */
async function sessionOn(node: 'a' | 'b', credential: string): Promise<TestClient> {
  const client = new TestClient(cluster.nodes[node].url, credential);
  clients.push(client);
  await client.connected();
  await client.next(EVENTS.agendaChanged);
  return client;
}
/** Resolves with the disconnect reason Socket.IO's client gives. */
const disconnectOf = (c: TestClient) => new Promise<string>((resolve) => c.socket.once('disconnect', (reason) => resolve(reason)));
let registered = 0;
async function attendee(): Promise<string> {
  const i = registered++;
  const { body } = await register(cluster.nodes.a.url, { name: `Sessions ${i}`, email: `sessions${i}@example.org` });
  return body.credential;
}

test('newest session wins across nodes: a session opened on node B ends the same person\'s session on node A, and the other way round', async () => {
  const credential = await attendee();
  const onA = await sessionOn('a', credential);
  const endedOnA = onA.next(EVENTS.sessionEnded, () => true, 10_000);
  const goneFromA = disconnectOf(onA);
  const onB = await sessionOn('b', credential);
  expect(await endedOnA).toMatchObject({ reason: 'replaced', message: expect.stringMatching(/another tab or device/) });
  expect(await goneFromA).toBe('io server disconnect');
  // The newest is not touched by its own arrival: it answers requests.
  expect(await onB.request(EVENTS.sessionResync, {})).toMatchObject({ ok: true });
  expect(onB.all(EVENTS.sessionEnded)).toEqual([]);

  const endedOnB = onB.next(EVENTS.sessionEnded, () => true, 10_000);
  const goneFromB = disconnectOf(onB);
  const againOnA = await sessionOn('a', credential);
  expect(await endedOnB).toMatchObject({ reason: 'replaced' });
  expect(await goneFromB).toBe('io server disconnect');
  expect(await againOnA.request(EVENTS.sessionResync, {})).toMatchObject({ ok: true });
  expect(againOnA.socket.connected).toBe(true);
}, 60_000);

test('a link replaced by a moderator on node A ends its holder\'s session on node B, and the new link works there', async () => {
  const { body: person } = await register(cluster.nodes.a.url, { name: 'Revoked', email: 'revoked@example.org' });
  const onB = await sessionOn('b', person.credential);
  const ended = onB.next(EVENTS.sessionEnded, () => true, 10_000);
  const moderatorLink = cluster.nodes.a.links.find((l) => l.role === 'moderator')!.url.split('/join/')[1]!;
  const res = await fetch(`${cluster.nodes.a.url}/api/moderator/people/${person.participantId}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${moderatorLink}` } });
  expect(res.status).toBe(200);
  const { credential } = (await res.json()) as { credential: string };
  expect(await ended).toMatchObject({ reason: 'revoked' });
  expect(await (await sessionOn('b', credential)).request(EVENTS.sessionResync, {})).toMatchObject({ ok: true });
}, 60_000);

test('a person\'s help requests are one budget on both nodes (3 a minute): two on node A, then on node B one more is taken and the next refused', async () => {
  const credential = await attendee();
  const onA = await sessionOn('a', credential);
  for (const n of [1, 2]) expect(await onA.request(EVENTS.helpRequest, { text: `Help ${n}` }), `request ${n}`).toMatchObject({ ok: true });
  const goneFromA = disconnectOf(onA);
  const onB = await sessionOn('b', credential);
  await goneFromA;
  expect(await onB.request(EVENTS.helpRequest, { text: 'Help 3' })).toMatchObject({ ok: true });
  expect(await onB.request(EVENTS.helpRequest, { text: 'Help 4' })).toMatchObject({ ok: false, code: 'rate_limited' });
}, 60_000);

test(`registrations per email (${PER_EMAIL} per window) are counted across nodes: the next one is refused on whichever node it reaches`, async () => {
  const form = completeForm({ name: 'Limited', email: 'limited@example.org' }, await privacyNoticeVersionOf(cluster.nodes.a.url));
  const post = (node: 'a' | 'b') => fetch(`${cluster.nodes[node].url}/api/registrations`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form),
  });
  expect((await post('a')).status).toBe(202);
  expect((await post('b')).status).toBe(202);
  for (const node of ['b', 'a'] as const) {
    const refused = await post(node);
    expect(refused.status, `through node ${node}`).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
  }
}, 60_000);
