// Step 1 of a run: the stack, on loopback — the page server for media clients, the bare Socket.IO
// floor server, LiveKit, the workshop server (with heap probes on both servers), the moderator,
// the worker processes of the signalling attendees, and LiveKit's view of who is where.
import { join } from 'node:path';
import { breakoutRoomId, type EventConfig } from '@live-workshop/shared';
import { freeTcpPort, readEventFile, startLiveKitServer, type RunningLiveKit } from '@live-workshop/testkit';
import { AppServer } from '../appServer.js';
import { FloorServer } from '../floor.js';
import { HeapProbe } from '../heapProbe.js';
import { startMediaPageServer } from '../mediaPage.js';
import { Moderator } from '../moderator.js';
import { BENCH_DIR } from '../paths.js';
import { PlacementCheck } from '../placementCheck.js';
import { WorkerPool } from '../workerPool.js';
import type { BenchRun } from './run.js';

/** The bench's own event: one plenary and breakouts, taking turns. */
export const BENCH_EVENT_FILE = join(BENCH_DIR, 'events', 'bench-workshop.yaml');

export interface BenchStack {
  readonly event: EventConfig;
  readonly breakoutIds: readonly string[];
  readonly pageServer: Awaited<ReturnType<typeof startMediaPageServer>>;
  readonly floor: FloorServer;
  readonly floorHeap: HeapProbe;
  readonly livekit: RunningLiveKit;
  readonly server: AppServer;
  readonly serverHeap: HeapProbe;
  readonly moderator: Moderator;
  readonly pool: WorkerPool;
  readonly placement: PlacementCheck;
}

/** Start everything; each part is handed to `later` to be stopped at the end. */
export async function startStack(run: BenchRun, runDir: string, later: (stop: () => Promise<void>) => void): Promise<BenchStack> {
  const event = readEventFile(BENCH_EVENT_FILE);
  const breakoutIds = event.breakouts.map((b) => b.id);
  run.step('starting the stack');
  const pageServer = await startMediaPageServer();
  later(() => pageServer.close());
  const floorInspect = await freeTcpPort();
  const floor = await FloorServer.start(floorInspect);
  later(() => floor.stop());
  const floorHeap = await HeapProbe.connect(floorInspect);
  later(async () => floorHeap.close());
  // Fixed ports when a monitoring run (npm run monitoring:shot) scrapes the server and LiveKit.
  const port = Number(process.env.BENCH_SERVER_PORT) || await freeTcpPort();
  const serverInspect = await freeTcpPort();
  const prometheusPort = Number(process.env.BENCH_LIVEKIT_PROMETHEUS_PORT) || undefined;
  const livekit = await startLiveKitServer({ webhookUrl: `http://127.0.0.1:${port}/livekit/webhook`, ...(prometheusPort ? { prometheusPort } : {}) });
  later(() => livekit.stop());
  const server = await AppServer.start({
    port, eventFile: BENCH_EVENT_FILE, dataDir: join(runDir, 'data'), livekit, allowedOrigins: [pageServer.origin], logFile: join(runDir, 'server.log'),
    ...(run.options.cpuProfileDir ? { cpuProfileDir: run.options.cpuProfileDir } : {}), inspectPort: serverInspect,
  });
  later(() => server.stop());
  const serverHeap = await HeapProbe.connect(serverInspect);
  later(async () => serverHeap.close());
  run.log(`server pid ${server.pid} on ${server.url}; LiveKit ${livekit.url}; floor ${floor.url}; logs in ${runDir}`);
  const moderator = await Moderator.connect(server.url, server.moderatorCredential);
  later(async () => moderator.close());
  const pool = WorkerPool.start(Math.max(2, run.options.workers));
  later(() => pool.stop());
  const placement = new PlacementCheck(livekit, event.id, ['plenary', 'backstage', ...breakoutIds.map(breakoutRoomId)]);
  return { event, breakoutIds, pageServer, floor, floorHeap, livekit, server, serverHeap, moderator, pool, placement };
}
