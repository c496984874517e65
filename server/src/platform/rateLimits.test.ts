// The rate limits against a real Redis (testkit's redis-server): two connections stand for two
// nodes of a cluster.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createClient } from 'redis';
import { startRedis, type RunningRedis } from '@live-workshop/testkit';
import { limiterStore, memoryLimiters, redisLimiters } from './rateLimits.js';

let redis: RunningRedis;
const clients: ReturnType<typeof createClient>[] = [];
beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  for (const c of clients) await c.close().catch(() => undefined);
  await redis?.stop();
});

async function node() {
  // Like the adapter's client (cluster/redisAdapter.ts): errors are the reconnect's business.
  const client = createClient({ url: redis.url, socket: { reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}
const refused = (p: Promise<unknown>) => p.then(() => false, () => true);

test('one budget over two nodes: 3 points taken 2 + 1 through two connections, the 4th refused on either', async () => {
  const [one, two] = [await node(), await node()];
  const [a, b] = [redisLimiters(one, 'ev-1')('help', 3, 60), redisLimiters(two, 'ev-1')('help', 3, 60)];
  await a.consume('p1');
  await a.consume('p1');
  await b.consume('p1');
  expect(await refused(b.consume('p1'))).toBe(true);
  expect(await refused(a.consume('p1'))).toBe(true);
  // Another person, another event, another limit: counted apart.
  await a.consume('p2');
  await redisLimiters(one, 'ev-2')('help', 3, 60).consume('p1');
  await redisLimiters(one, 'ev-1')('chat', 3, 60).consume('p1');
});

test('in memory (one node), two limiters of the same name do not share: each node would count alone', async () => {
  const [a, b] = [memoryLimiters('help', 1, 60), memoryLimiters('help', 1, 60)];
  await a.consume('p1');
  await b.consume('p1');
  expect(await refused(a.consume('p1'))).toBe(true);
  expect(memoryLimiters.shared).toBe(false);
});

test('the registration store counts hits over both nodes, and un-counts and resets them', async () => {
  const [a, b] = [
    limiterStore(redisLimiters(await node(), 'ev-3')('registrations:email', 5, 900)),
    limiterStore(redisLimiters(await node(), 'ev-3')('registrations:email', 5, 900)),
  ];
  expect((await a.increment('email:x@example.org')).totalHits).toBe(1);
  const second = await b.increment('email:x@example.org');
  expect(second.totalHits).toBe(2);
  expect(second.resetTime!.getTime()).toBeGreaterThan(Date.now() + 890_000);
  await b.decrement('email:x@example.org');
  expect((await a.increment('email:x@example.org')).totalHits).toBe(2);
  await a.resetKey('email:x@example.org');
  expect((await b.increment('email:x@example.org')).totalHits).toBe(1);
});

test('with Redis gone, a node counts in its own memory at once (no queued command, nobody refused for it)', async () => {
  const client = await node();
  const limiter = redisLimiters(client, 'ev-4')('chat', 2, 1);
  await client.close();
  const started = Date.now();
  await limiter.consume('p1');
  await limiter.consume('p1');
  expect(await refused(limiter.consume('p1'))).toBe(true);
  expect(Date.now() - started).toBeLessThan(500);
});
