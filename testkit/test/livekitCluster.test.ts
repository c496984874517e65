// startLiveKitCluster refuses what cannot make a cluster before it starts anything (the cluster
// itself runs in server/test/livekit-multinode.test.ts).
import { expect, test } from 'vitest';
import { startLiveKitCluster } from '../src/livekitCluster.js';

test.each([
  { name: 'no nodes', opts: { nodes: 0 }, error: /at least one node, not 0/ },
  { name: 'a fraction of a node', opts: { nodes: 1.5 }, error: /at least one node, not 1.5/ },
  { name: 'a webhook URL short', opts: { nodes: 2, webhookUrls: ['http://127.0.0.1:1/livekit/webhook'] }, error: /2 LiveKit nodes need 2 webhook URLs, not 1/ },
])('$name is refused with a clear error', async ({ opts, error }) => {
  await expect(startLiveKitCluster({ redisAddress: '127.0.0.1:1', binaryPath: '/nonexistent/livekit-server', ...opts })).rejects.toThrow(error);
});
