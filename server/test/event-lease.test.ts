// The event lease on a real PostgreSQL: one holder per event across nodes, expiry in the
// database's clock, a growing fencing token, release at once.
import { startPostgres, waitFor, type RunningPostgres } from '@live-workshop/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EventLeases } from '../src/cluster/eventLease.js';
import { migratePostgres } from '../src/platform/db/postgresMigrations.js';

let postgres: RunningPostgres | undefined;
let a: pg.Pool;
let b: pg.Pool;
let n = 0;
/** Each test leases its own event. */
const nextEvent = () => `event-${++n}`;

beforeAll(async () => {
  postgres = await startPostgres();
  a = new pg.Pool({ connectionString: postgres.url, max: 4 });
  b = new pg.Pool({ connectionString: postgres.url, max: 4 });
  await migratePostgres(a);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.end(), b?.end()]);
  await postgres?.stop();
});

describe('the event lease', () => {
  test('two nodes asking at once: exactly one holds it, and the other cannot renew a lease it never got', async () => {
    const ev = nextEvent();
    const [la, lb] = await Promise.all([new EventLeases(a).tryAcquire(ev, 'node-a'), new EventLeases(b).tryAcquire(ev, 'node-b')]);
    const winners = [la, lb].filter((l) => l !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.token).toBe(1);
    expect(await new EventLeases(a).holderOf(ev)).toEqual(winners[0]);
    const loser = winners[0]!.holder === 'node-a' ? 'node-b' : 'node-a';
    expect(await new EventLeases(b).renew({ eventId: ev, holder: loser, token: 1 })).toBe(false);
    expect(await new EventLeases(a).renew(winners[0]!)).toBe(true);
  }, 30_000);

  test('a holder that stops renewing loses it at the expiry; the next holder gets a larger token and the old one cannot renew', async () => {
    const ev = nextEvent();
    const leasesA = new EventLeases(a, 300);
    const leasesB = new EventLeases(b, 300);
    const old = (await leasesA.tryAcquire(ev, 'node-a'))!;
    expect(await leasesB.tryAcquire(ev, 'node-b')).toBeNull();
    const taken = await waitFor(() => leasesB.tryAcquire(ev, 'node-b'), { timeoutMs: 5_000, what: 'node-b to take the expired lease' });
    expect(taken.token).toBe(old.token + 1);
    expect(await leasesA.renew(old)).toBe(false);
    expect(await leasesA.holderOf(ev)).toEqual(taken);
  }, 30_000);

  test('a released lease is free at once', async () => {
    const ev = nextEvent();
    const lease = (await new EventLeases(a, 60_000).tryAcquire(ev, 'node-a'))!;
    expect(await new EventLeases(b).tryAcquire(ev, 'node-b')).toBeNull();
    await new EventLeases(a).release(lease);
    expect(await new EventLeases(b).tryAcquire(ev, 'node-b')).toEqual({ eventId: ev, holder: 'node-b', token: 2 });
  }, 30_000);

  test('a deadline is claimed once across nodes, and only under a lease still held', async () => {
    const ev = nextEvent();
    const leasesA = new EventLeases(a, 300);
    const old = (await leasesA.tryAcquire(ev, 'node-a'))!;
    expect(await leasesA.claimDeadline(old, 'breakoutWarning', 1_000)).toBe(true);
    expect(await leasesA.claimDeadline(old, 'breakoutWarning', 1_000)).toBe(false);
    // The lease passes to node b: the old holder cannot claim anything any more; b cannot claim what a applied.
    const taken = await waitFor(() => new EventLeases(b, 60_000).tryAcquire(ev, 'node-b'), { timeoutMs: 5_000, what: 'node-b to take the lease' });
    expect(await leasesA.claimDeadline(old, 'breakoutWarning', 2_000)).toBe(false);
    expect(await new EventLeases(b).claimDeadline(taken, 'breakoutWarning', 1_000)).toBe(false);
    // A deadline due at another time (the breakouts were extended) is a new one.
    expect(await new EventLeases(b).claimDeadline(taken, 'breakoutWarning', 2_000)).toBe(true);
  }, 30_000);
});
