// Two nodes' agendas on a real PostgreSQL, in one process: a save on one is adopted by the other
// within moments (LISTEN/NOTIFY); exactly one owns the event; when the owner goes silent (a dead
// node: it renews nothing any more) the other owns it within 5 s and arms the deadlines itself.
import { startPostgres, waitFor, type RunningPostgres } from '@live-workshop/testkit';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AgendaState } from '@live-workshop/shared';
import { followSharedAgenda, type AgendaFollower } from '../src/cluster/agendaFollower.js';
import { EventLeases } from '../src/cluster/eventLease.js';
import { startEventOwnership, type EventOwnership } from '../src/cluster/eventOwnership.js';
import { LiveAgenda } from '../src/live/agenda/liveAgenda.js';
import { PostgresAgendaStore } from '../src/live/agenda/postgresAgendaStore.js';
import { loadEventFile } from '../src/live/event/loadEventFile.js';
import { systemClock, systemScheduler } from '../src/platform/clock.js';
import { migratePostgres } from '../src/platform/db/postgresMigrations.js';
import { createLog } from '../src/platform/log.js';
import { SEED_EVENT_FILE } from './harness.js';

let postgres: RunningPostgres | undefined;
const pools: pg.Pool[] = [];
const stops: (() => Promise<unknown>)[] = [];
const log = createLog('silent');
const event = loadEventFile(SEED_EVENT_FILE);
const MODERATOR = { kind: 'participant', participantId: event.moderators[0]!.id, role: 'moderator' } as const;

beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  await Promise.all(pools.map((p) => p.end()));
  await postgres?.stop();
});

/** A node: its pool, agenda, follower and lease loop; `silence()` makes it stop talking to the lease table (a dead node). */
async function node(name: string, eventId: string) {
  const pool = new pg.Pool({ connectionString: postgres!.url, max: 4 });
  pools.push(pool);
  await migratePostgres(pool);
  const store = new PostgresAgendaStore(pool, eventId);
  const agenda = await LiveAgenda.openShared({ ...event, id: eventId }, store, systemClock, systemScheduler(), log);
  const adopted: AgendaState[] = [];
  agenda.onAdopted((_before, after) => adopted.push(after));
  agenda.start(() => {});
  const follower: AgendaFollower = followSharedAgenda({ databaseUrl: postgres!.url, eventId, agenda, stamp: () => store.stamp(), log });
  let silent = false;
  const real = new EventLeases(pool);
  const never = new Promise<never>(() => {});
  const leases = {
    tryAcquire: (id: string, holder: string) => (silent ? never : real.tryAcquire(id, holder)),
    renew: (lease: Parameters<EventLeases['renew']>[0]) => (silent ? never : real.renew(lease)),
    release: (lease: Parameters<EventLeases['release']>[0]) => (silent ? never : real.release(lease)),
    holderOf: (id: string) => real.holderOf(id),
  } as unknown as EventLeases;
  const ownership: EventOwnership = startEventOwnership({ leases, eventId, nodeId: name, agenda, log, changed: () => {} });
  stops.push(() => follower.stop(), async () => { agenda.stop(); if (!silent) await ownership.stop(); });
  return { agenda, adopted, ownership, silence: () => { silent = true; } };
}

test('a save on one node is adopted by the other at once, and exactly one node owns the event', async () => {
  const a = await node('node-a', 'ownership-1');
  const b = await node('node-b', 'ownership-1');
  await waitFor(() => a.ownership.owned() || b.ownership.owned(), { timeoutMs: 5_000, what: 'an owner' });
  expect([a.ownership.owned(), b.ownership.owned()].filter(Boolean)).toHaveLength(1);
  expect([a.agenda.owns, b.agenda.owns].filter(Boolean)).toHaveLength(1);

  const saved = Date.now();
  expect(await a.agenda.submit({ action: { type: 'openDoors' }, by: MODERATOR, expectedVersion: a.agenda.state.version })).toMatchObject({ ok: true });
  await waitFor(() => b.agenda.state.version === a.agenda.state.version, { timeoutMs: 3_000, intervalMs: 5, what: 'node b to adopt the save' });
  // Through the notification, well inside the once-a-second poll.
  expect(Date.now() - saved).toBeLessThan(900);
  expect(b.adopted.map((s) => s.phase.kind)).toEqual(['lobby']);
  expect(b.agenda.state).toStrictEqual(a.agenda.state);
}, 30_000);

test('the owner goes silent in the breakouts: the other node owns the event within 5 s, from the stored state, and the silent one stops running its timers', async () => {
  const a = await node('node-a', 'ownership-2');
  await waitFor(() => a.ownership.owned(), { timeoutMs: 5_000, what: 'node a to own the event' });
  const b = await node('node-b', 'ownership-2');
  for (const type of ['openDoors', 'start', 'next'] as const) {
    expect(await a.agenda.submit({ action: { type }, by: MODERATOR, expectedVersion: a.agenda.state.version })).toMatchObject({ ok: true });
  }
  expect(a.agenda.state.phase.kind).toBe('breakouts');
  await waitFor(() => b.agenda.state.version === a.agenda.state.version, { timeoutMs: 3_000, what: 'node b to follow' });
  expect(b.agenda.owns).toBe(false);

  const silencedAt = Date.now();
  a.silence();
  await waitFor(() => b.agenda.owns, { timeoutMs: 8_000, intervalMs: 20, what: 'node b to own the event' });
  expect(Date.now() - silencedAt).toBeLessThan(5_000);
  // The silent node gave up running the timers by itself once its lease could have expired.
  await waitFor(() => !a.agenda.owns, { timeoutMs: 5_000, what: 'node a to stop owning the event' });
  expect(b.agenda.state.phase.kind).toBe('breakouts');
}, 40_000);
