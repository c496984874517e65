// Issue 16's outages, on the two-node cluster: Redis restarted in the middle of the event (the
// broadcasts across nodes resume, nobody is misplaced), and PostgreSQL unavailable for 10 s
// (commands are refused with a clear error, nothing is half-written, and the service resumes by itself).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EVENTS, type AgendaSnapshot } from '@live-workshop/shared';
import { waitFor, type TestClient } from '@live-workshop/testkit';
import { startCluster, type Cluster, type ClusterAttendee } from './clusterHarness.js';

const ATTENDEES = 24;
const PREFERENCES = ['skills', 'trust', 'global', 'uncharted'];

let cluster: Cluster;
let moderators: [TestClient, TestClient];
let attendees: ClusterAttendee[];
let everyone: TestClient[];
beforeAll(async () => {
  // Long breakouts: no deadline comes during these tests.
  cluster = await startCluster({ breakoutMinutes: 30, warningSeconds: 60 });
  moderators = await cluster.moderators();
  attendees = await cluster.attendees(ATTENDEES);
  everyone = [...moderators, ...attendees.map((x) => x.client)];
}, 180_000);
afterAll(async () => {
  await cluster?.close();
}, 60_000);

/** Send `action` until it is accepted (a node's connections to the engine coming back), within 15 s. */
const untilAccepted = (m: TestClient, action: Parameters<TestClient['command']>[0], version: number, what: string) => waitFor(async () => {
  const result = await m.command(action, version);
  return result.ok ? result : null;
}, { timeoutMs: 15_000, what });
const latestVersion = (c: TestClient) => c.latest(EVENTS.agendaChanged)!.version;
/** Every client has the snapshot after `version` (exactly one of it), and it is the same for all. */
async function everyoneGets(version: number): Promise<AgendaSnapshot> {
  const got = await Promise.all(everyone.map((c) => c.next(EVENTS.agendaChanged, (s) => s.version > version, 20_000)));
  expect(new Set(got.map((s) => s.version)).size).toBe(1);
  for (const c of everyone) expect(c.all(EVENTS.agendaChanged).filter((s) => s.version === got[0]!.version)).toHaveLength(1);
  return got[0]!;
}

test('Redis restarted mid-event: a cue from either node reaches everyone on both, once, and each attendee is in their own breakout', async () => {
  const [m1, m2] = moderators;
  const scheduled = latestVersion(m1);
  expect(await m1.command({ type: 'openDoors' }, scheduled)).toMatchObject({ ok: true });
  const lobby = await everyoneGets(scheduled);
  expect(lobby.phase.kind).toBe('lobby');
  expect(await m2.command({ type: 'start' }, lobby.version)).toMatchObject({ ok: true });
  const plenary = await everyoneGets(lobby.version);

  await cluster.restartRedis();
  // The cue comes from node B: its broadcast must reach node A's clients through the new Redis.
  expect(await untilAccepted(m2, { type: 'next' }, plenary.version, 'the cue to be accepted after the Redis restart')).toMatchObject({ ok: true });
  const breakouts = await everyoneGets(plenary.version);
  expect(breakouts.phase.kind).toBe('breakouts');
  const rooms = await Promise.all(attendees.map(async (x) => {
    const resync = await x.client.request(EVENTS.sessionResync, {});
    return resync.ok ? resync.data.current.roomId : resync.code;
  }));
  expect(rooms).toEqual(attendees.map((_, i) => `breakout:${PREFERENCES[i % 4]}`));

  // And a broadcast from node A reaches node B's clients too.
  expect(await m1.command({ type: 'broadcast', text: 'Five more minutes' }, breakouts.version)).toMatchObject({ ok: true });
  const heard = await Promise.all(everyone.map((c) => c.next(EVENTS.broadcastSent, (b) => b.text === 'Five more minutes', 10_000)));
  expect(heard).toHaveLength(everyone.length);
  for (const c of everyone) expect(c.all(EVENTS.broadcastSent).filter((b) => b.text === 'Five more minutes')).toHaveLength(1);
}, 120_000);

test('PostgreSQL unavailable for 10 s: commands are refused as unavailable, nothing is written, and the service comes back by itself', async () => {
  const [m1, m2] = moderators;
  const before = everyone[0]!.latest(EVENTS.agendaChanged)!;
  const stored = async () => (await cluster.db.query<{ version: number; n: string }>(
    `SELECT a.version, (SELECT count(*) FROM agenda_commands c WHERE c.event_id = a.event_id) AS n FROM agenda a`)).rows[0]!;
  const storedBefore = await stored();

  const outage = cluster.postgres.outage(10_000);
  await waitFor(async () => (await cluster.db.query('SELECT 1').then(() => false, () => true)), { timeoutMs: 10_000, intervalMs: 50, what: 'PostgreSQL to go away' });
  for (const m of [m1, m2]) {
    const refused = await m.command({ type: 'endBreakouts' }, before.version);
    expect(refused).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringMatching(/cannot be saved right now.*nothing changed/) });
  }
  // Nobody heard of a change that was not made.
  expect(everyone.every((c) => c.latest(EVENTS.agendaChanged)!.version === before.version)).toBe(true);
  await outage;
  // Both nodes lived through it (a connection cut inside a transaction used to end a node's process).
  expect([cluster.nodes.a.child.exitCode, cluster.nodes.b.child.exitCode]).toEqual([null, null]);

  // Nothing half-written: the stored agenda and its command log are as they were.
  await waitFor(() => cluster.db.query('SELECT 1').then(() => true, () => false), { timeoutMs: 10_000, what: 'PostgreSQL back' });
  expect(await stored()).toEqual(storedBefore);
  // Back by itself: the same command is accepted (once the nodes' pools reconnect), reaches everyone, and a node owns the event again.
  expect(await untilAccepted(m2, { type: 'endBreakouts' }, before.version, 'commands to be accepted again')).toMatchObject({ ok: true });
  const after = await everyoneGets(before.version);
  expect(after.phase.kind).not.toBe('breakouts');
  expect(Number((await stored()).n)).toBe(Number(storedBefore.n) + 1);
  await waitFor(() => cluster.owner(), { timeoutMs: 10_000, what: 'a node to own the event again' });
}, 120_000);
