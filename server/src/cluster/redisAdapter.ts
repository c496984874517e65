// Socket.IO across nodes: the Redis *Streams* adapter (it supports connection-state recovery; the
// classic Redis adapter does not). Every node appends its broadcasts to one Redis stream and reads
// the others'; each node still encodes a broadcast once for its own clients.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';

export interface RedisAdapter {
  /** For `new Server(http, { adapter })`. */
  readonly adapter: ReturnType<typeof createAdapter>;
  /** The connection itself, shared with the rate limits (the adapter reads the stream on a duplicate of it, so its blocking reads hold nothing up). */
  readonly client: ReturnType<typeof createClient>;
  close(): Promise<void>;
}

/** Connects to `redisUrl` (REDIS_URL) and builds the adapter; rejects with a clear error when Redis cannot be reached. */
export async function connectRedisAdapter(redisUrl: string, streamName = 'live-workshop:socket.io'): Promise<RedisAdapter> {
  let connected = false;
  const client = createClient({
    url: redisUrl,
    socket: {
      // At start, a few quick tries and then a clear error; once connected, keep trying (Redis restarted mid-event).
      reconnectStrategy: (retries: number) => (connected ? Math.min(100 * 2 ** retries, 2_000) : retries >= 3 ? new Error('no answer after 3 tries') : 100),
    },
  });
  // Reconnects are the client's job; an error event without a listener would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    connected = true;
  } catch (err) {
    throw new Error(`Redis at ${redisUrl} cannot be reached: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    adapter: createAdapter(client, { streamName }),
    client,
    close: async () => {
      await client.close();
    },
  };
}
