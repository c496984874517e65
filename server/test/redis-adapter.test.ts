// Socket.IO across nodes on a real Redis: a broadcast from either of two Socket.IO servers reaches
// every client of both, once. (Two servers in one process here; cluster-failover.test.ts runs the app processes.)
import { createServer, type Server as HttpServer } from 'node:http';
import { startRedis, waitFor, type RunningRedis } from '@live-workshop/testkit';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectRedisAdapter, type RedisAdapter } from '../src/cluster/redisAdapter.js';

let redis: RunningRedis;
const adapters: RedisAdapter[] = [];
const https: HttpServer[] = [];
const servers: Server[] = [];
const clients: Socket[] = [];

async function node(): Promise<{ io: Server; url: string }> {
  const adapter = await connectRedisAdapter(redis.url);
  adapters.push(adapter);
  const http = createServer();
  https.push(http);
  const io = new Server(http, { adapter: adapter.adapter, perMessageDeflate: false });
  servers.push(io);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { io, url: `http://127.0.0.1:${address.port}` };
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(adapters.map((a) => a.close()));
  await redis?.stop();
});

describe('the Redis Streams adapter', () => {
  test('a broadcast from either node reaches every client on both nodes, exactly once', async () => {
    const a = await node();
    const b = await node();
    const received = new Map<string, string[]>();
    const join = async (url: string, name: string) => {
      const socket = connect(url, { transports: ['websocket'], reconnection: false });
      clients.push(socket);
      received.set(name, []);
      socket.on('cue', (what: string) => received.get(name)!.push(what));
      await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
    };
    await Promise.all([join(a.url, 'a1'), join(a.url, 'a2'), join(b.url, 'b1'), join(b.url, 'b2')]);
    await waitFor(async () => (await a.io.fetchSockets()).length === 4, { what: 'both nodes to see all four sockets' });
    a.io.emit('cue', 'from-a');
    b.io.emit('cue', 'from-b');
    await waitFor(() => [...received.values()].every((r) => r.length >= 2), { what: 'every client to get both cues' });
    // Anything duplicated would arrive within a few more round trips through Redis.
    a.io.emit('cue', 'marker');
    await waitFor(() => [...received.values()].every((r) => r.includes('marker')), { what: 'the marker' });
    for (const [name, cues] of received) expect([name, [...cues].sort()]).toEqual([name, ['from-a', 'from-b', 'marker']]);
  });

  test('an unreachable Redis is a clear error', async () => {
    await expect(connectRedisAdapter('redis://127.0.0.1:1')).rejects.toThrow(/Redis at redis:\/\/127\.0\.0\.1:1 cannot be reached/);
  });
});
