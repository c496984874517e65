// Starts a real, private LiveKit server (the LiveKit process manager) on loopback for tests, the
// benchmark and `npm start`'s local LiveKit (server/src/devtools/devLiveKit.ts).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freeTcpPort, freeUdpPort } from './freePort.js';
import { findLiveKitBinary } from './repo.js';
import { killGroup, startWatched } from './watchdog.js';

/** A LiveKit server started by `startLiveKitServer`. */
export interface RunningLiveKit {
  /** Signalling URL for clients, `ws://127.0.0.1:PORT`. */
  url: string;
  /** Same port over HTTP, for RoomServiceClient and health checks. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  /** LiveKit's stdout and stderr (deleted by `stop()`). */
  logFile: string;
  pid: number;
  /** The ports it listens on; pass them to start it again in the same place (a restart). */
  ports: LiveKitPorts;
  /** LiveKit's own node id (`ND_…`, from its start-up log): how Redis's `room_node_map` names the node hosting a room. */
  nodeId: string;
  /** Stops the server (SIGTERM, forced after a moment, SIGKILL after 3 s) and removes its temp dir. */
  stop(): Promise<void>;
}

/** Signalling (HTTP/WebSocket), ICE-TCP and the single ICE-UDP port. */
export interface LiveKitPorts {
  readonly port: number;
  readonly tcpPort: number;
  readonly udpPort: number;
}

export interface StartLiveKitOptions {
  /** Fixed ports (a restart in place); free ones are picked when absent. */
  ports?: LiveKitPorts;
  /** Where LiveKit posts its webhooks (signed with `apiKey`). */
  webhookUrl?: string;
  /** Defaults to `devkey`, like `livekit-server --dev`. */
  apiKey?: string;
  /** Defaults to `secret`, like `livekit-server --dev`. */
  apiSecret?: string;
  /** Defaults to `livekit-server` on PATH, then the project's `.cache/livekit/bin/livekit-server`. */
  binaryPath?: string;
  /**
   * Where media may flow: the address LiveKit advertises to browsers (`nodeIp`) and every address
   * its ICE ports listen on. Default: loopback only (tests inside their own namespace). A browser
   * with default settings ignores loopback candidates, so `npm start` passes the machine's own
   * non-loopback addresses here (see devLiveKit.ts).
   */
  media?: MediaAddresses;
  /** Serve LiveKit's own Prometheus metrics on this loopback port (its `prometheus.port`); none when absent. */
  prometheusPort?: number;
  /**
   * LiveKit's multi-node mode: every node given the same Redis (`host:port`) shares the rooms'
   * placement and routes signalling to the node hosting a room (see livekitCluster.ts).
   */
  redisAddress?: string;
  log?: (line: string) => void;
}

/** The addresses of a LiveKit's media (ICE) ports. */
export interface MediaAddresses {
  /** Advertised to clients as the server's host candidate (LiveKit's `rtc.node_ip`). */
  readonly nodeIp: string;
  /** Every address whose candidates are offered (LiveKit's `rtc.ips.includes`); 127.0.0.1 is always added. */
  readonly addresses: readonly string[];
}

const LOOPBACK_MEDIA: MediaAddresses = { nodeIp: '127.0.0.1', addresses: ['127.0.0.1'] };

const READY_TIMEOUT_MS = 20_000;
const READY_POLL_MS = 50;
const FORCE_STOP_AFTER_MS = 300;
const KILL_AFTER_MS = 3_000;
const START_ATTEMPTS = 3;
const LOG_TAIL_LINES = 40;

/** Starts LiveKit on free loopback ports and resolves once it answers HTTP. */
export async function startLiveKitServer(opts: StartLiveKitOptions = {}): Promise<RunningLiveKit> {
  const binary = opts.binaryPath ?? findLiveKitBinary();
  let lastError: unknown;
  // Free ports are picked, released, then bound by LiveKit; a parallel test may grab one in between.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await startOnce(binary, opts);
    } catch (err) {
      lastError = err;
      if (!(err instanceof PortInUseError)) throw err;
      opts.log?.(`LiveKit: a port was taken (attempt ${attempt}/${START_ATTEMPTS}), retrying`);
    }
  }
  throw lastError;
}

/** LiveKit could not bind one of its ports. */
export class PortInUseError extends Error {}

async function startOnce(binary: string, opts: StartLiveKitOptions): Promise<RunningLiveKit> {
  const apiKey = opts.apiKey ?? 'devkey';
  const apiSecret = opts.apiSecret ?? 'secret';
  const { port, tcpPort, udpPort } = opts.ports ?? { port: await freeTcpPort(), tcpPort: await freeTcpPort(), udpPort: await freeUdpPort() };
  const dir = await mkdtemp(join(tmpdir(), 'livekit-'));
  const configFile = join(dir, 'livekit.yaml');
  const logFile = join(dir, 'livekit.log');
  await writeFile(configFile, stringify(liveKitConfig({ port, tcpPort, udpPort, apiKey, apiSecret, webhookUrl: opts.webhookUrl, media: opts.media ?? LOOPBACK_MEDIA, prometheusPort: opts.prometheusPort, redisAddress: opts.redisAddress })));

  const watched = startWatched(binary, ['--config', configFile], logFile, liveKitEnv());
  const { pid } = watched;
  const hasExited = watched.hasExited;
  const exitedPromise = watched.exited;

  const httpUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  try {
    await waitUntilReady(httpUrl, hasExited);
  } catch (err) {
    killGroup(pid, 'SIGKILL');
    await exitedPromise;
    const tail = logTail(logFile);
    await rm(dir, { recursive: true, force: true });
    const message = `${err instanceof Error ? err.message : String(err)}\n--- LiveKit log (tail) ---\n${tail}`;
    throw /address already in use/i.test(tail) ? new PortInUseError(message) : new Error(message);
  }
  opts.log?.(`LiveKit ready on ${httpUrl} (pid ${pid}, udp ${udpPort}, tcp ${tcpPort}) in ${Date.now() - started} ms`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (!hasExited()) {
        // The first SIGTERM drains (waits for participants to leave); the second forces the shutdown.
        killGroup(pid, 'SIGTERM');
        const force = setTimeout(() => killGroup(pid, 'SIGTERM'), FORCE_STOP_AFTER_MS);
        const kill = setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_AFTER_MS);
        await exitedPromise;
        clearTimeout(force);
        clearTimeout(kill);
      }
      await rm(dir, { recursive: true, force: true });
    })());

  return { url: `ws://127.0.0.1:${port}`, httpUrl, apiKey, apiSecret, logFile, pid, ports: { port, tcpPort, udpPort }, nodeId: nodeIdOf(logFile), stop };
}

interface ConfigParams {
  port: number;
  tcpPort: number;
  udpPort: number;
  apiKey: string;
  apiSecret: string;
  webhookUrl: string | undefined;
  media: MediaAddresses;
  prometheusPort: number | undefined;
  redisAddress: string | undefined;
}

/** LiveKit v1.13.5 config (key names from its config-sample.yaml and pkg/config). */
function liveKitConfig(p: ConfigParams): Record<string, unknown> {
  return {
    port: p.port,
    bind_addresses: ['127.0.0.1'],
    rtc: {
      tcp_port: p.tcpPort,
      udp_port: p.udpPort,
      use_external_ip: false,
      node_ip: p.media.nodeIp,
      // Loopback candidates stay offered (for browsers that accept them, and tests in a namespace).
      enable_loopback_candidate: true,
      // Keeps the UDP mux (and so every ICE candidate) on the chosen addresses only.
      ips: { includes: [...new Set(['127.0.0.1', ...p.media.addresses])].map((a) => `${a}/32`) },
      // Without this LiveKit hands clients Google's public STUN servers, which browsers would
      // contact. Our own UDP port silently ignores the requests.
      stun_servers: [`${p.media.nodeIp}:${p.udpPort}`],
    },
    keys: { [p.apiKey]: p.apiSecret },
    ...(p.webhookUrl ? { webhook: { api_key: p.apiKey, urls: [p.webhookUrl] } } : {}),
    ...(p.prometheusPort ? { prometheus: { port: p.prometheusPort } } : {}),
    // A new room goes to the node hosting the fewest (LiveKit's default, random, may put every room
    // of a workshop on one node); the counts are the nodes' stats in Redis, refreshed every few seconds.
    ...(p.redisAddress ? { redis: { address: p.redisAddress }, node_selector: { kind: 'any', sort_by: 'rooms', algorithm: 'lowest' } } : {}),
    logging: { level: 'info' },
  };
}

/** The parent's environment minus anything LiveKit would read as configuration. */
function liveKitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('LIVEKIT_') || key === 'NODE_IP' || key === 'UDP_PORT') continue;
    env[key] = value;
  }
  return env;
}

async function waitUntilReady(httpUrl: string, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('LiveKit exited before it was ready');
    try {
      const res = await fetch(`${httpUrl}/`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(`LiveKit did not answer on ${httpUrl} within ${READY_TIMEOUT_MS} ms`);
}

/** The node id LiveKit logs when it starts (`"nodeID": "ND_…"`); empty when the log has none. */
function nodeIdOf(logFile: string): string {
  try {
    return /"nodeID":\s*"(ND_[A-Za-z0-9]+)"/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? '';
  } catch {
    return '';
  }
}

function logTail(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
  } catch {
    return '(no log)';
  }
}
