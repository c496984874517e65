// LiveKit's own multi-node mode for tests: several `livekit-server` processes (the same binary,
// each on its own loopback ports, TURN off, no external IP discovery) given the same Redis and the
// same key and secret. Any node's URL then serves any room: signalling is relayed through Redis to
// the node hosting the room (Redis's `room_node_map`), and that node sends the room's webhooks.
import { startLiveKitServer, type RunningLiveKit, type StartLiveKitOptions } from './livekitServer.js';

/** The nodes started by `startLiveKitCluster`. */
export interface RunningLiveKitCluster {
  /** Node A first; every node has the same `apiKey`/`apiSecret`. */
  readonly nodes: readonly RunningLiveKit[];
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Stops every node (in parallel). */
  stop(): Promise<void>;
}

export interface StartLiveKitClusterOptions extends Omit<StartLiveKitOptions, 'ports' | 'redisAddress' | 'prometheusPort'> {
  /** The shared Redis, `host:port` (e.g. `127.0.0.1:6379`). */
  readonly redisAddress: string;
  /** How many nodes; default 2. */
  readonly nodes?: number;
  /** Where each node posts its webhooks, one URL per node (instead of the same `webhookUrl` for all): shows which node sent what. */
  readonly webhookUrls?: readonly string[];
}

/** Starts the nodes one after the other (each registers itself in Redis as it starts) and resolves once every one answers. */
export async function startLiveKitCluster(opts: StartLiveKitClusterOptions): Promise<RunningLiveKitCluster> {
  const count = opts.nodes ?? 2;
  if (!Number.isInteger(count) || count < 1) throw new Error(`A LiveKit cluster needs at least one node, not ${String(opts.nodes)}`);
  if (opts.webhookUrls && opts.webhookUrls.length !== count) throw new Error(`${count} LiveKit nodes need ${count} webhook URLs, not ${opts.webhookUrls.length}`);
  const { nodes: _count, webhookUrls, ...shared } = opts;
  const nodes: RunningLiveKit[] = [];
  try {
    for (let i = 0; i < count; i++) nodes.push(await startLiveKitServer({ ...shared, ...(webhookUrls ? { webhookUrl: webhookUrls[i]! } : {}) }));
  } catch (err) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw err;
  }
  if (nodes.some((n) => !n.nodeId) || new Set(nodes.map((n) => n.nodeId)).size !== nodes.length) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw new Error(`LiveKit's nodes did not log distinct node ids: ${nodes.map((n) => n.nodeId || '(none)').join(', ')}`);
  }
  return {
    nodes, apiKey: nodes[0]!.apiKey, apiSecret: nodes[0]!.apiSecret,
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}
