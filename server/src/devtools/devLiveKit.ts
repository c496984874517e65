// The local LiveKit that `npm start` runs when no LIVEKIT_URL is given: media advertised on an
// address an ordinary browser on this machine uses (not loopback, which browsers ignore by
// default), and the same ports on every start, so browsers in a room reconnect to the same URL
// after the server restarts. The process manager itself is the testkit's (one for tests, the
// benchmark and this); production never loads this file (index.ts imports it only without LIVEKIT_URL).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { isTcpPortFree, PortInUseError, startLiveKitServer, type LiveKitPorts, type MediaAddresses, type RunningLiveKit } from '@live-workshop/testkit/livekit';

/** LiveKit's own defaults: signalling, ICE over TCP, ICE over UDP. */
export const DEFAULT_DEV_PORTS: LiveKitPorts = { port: 7880, tcpPort: 7881, udpPort: 7882 };
const PORTS_FILE = 'livekit-ports.json';
const portsSchema = z.object({ port: z.number().int().min(1).max(65535), tcpPort: z.number().int().min(1).max(65535), udpPort: z.number().int().min(1).max(65535) });

/** This machine's non-loopback IPv4 addresses, in interface order. */
export function lanAddresses(interfaces = networkInterfaces()): string[] {
  return Object.values(interfaces).flatMap((list) => (list ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => i.address));
}

/**
 * The addresses media is offered on: `nodeIp` when given (LIVEKIT_NODE_IP), else the machine's
 * first non-loopback address, else loopback (a machine with no network at all).
 */
export function devMediaAddresses(nodeIp: string | undefined, lan = lanAddresses()): MediaAddresses {
  if (nodeIp) return { nodeIp, addresses: [nodeIp] };
  const first = lan[0];
  return first ? { nodeIp: first, addresses: lan } : { nodeIp: '127.0.0.1', addresses: ['127.0.0.1'] };
}

/** The ports saved in `dataDir` by an earlier start, if any. */
export function savedPorts(dataDir: string): LiveKitPorts | undefined {
  try {
    const parsed = portsSchema.safeParse(JSON.parse(readFileSync(join(dataDir, PORTS_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function savePorts(dataDir: string, ports: LiveKitPorts): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, PORTS_FILE), `${JSON.stringify(ports)}\n`);
}

export interface DevLiveKitOptions {
  readonly dataDir: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly webhookUrl: string;
  /** LIVEKIT_NODE_IP: the address to advertise instead of the first non-loopback one. */
  readonly nodeIp?: string | undefined;
  readonly binaryPath?: string | undefined;
  readonly log?: (line: string) => void;
}

/**
 * Start the local LiveKit on the ports of the last start (saved in the data folder), else on
 * LiveKit's defaults, else on free ones; the ports used are saved for the next start.
 */
export async function startDevLiveKit(opts: DevLiveKitOptions): Promise<RunningLiveKit & { media: MediaAddresses }> {
  const media = devMediaAddresses(opts.nodeIp);
  const start = (ports: LiveKitPorts | undefined) => startLiveKitServer({
    apiKey: opts.apiKey, apiSecret: opts.apiSecret, webhookUrl: opts.webhookUrl, media, log: opts.log,
    ...(ports ? { ports } : {}), ...(opts.binaryPath ? { binaryPath: opts.binaryPath } : {}),
  });
  const saved = savedPorts(opts.dataDir);
  const wanted = saved ?? ((await isTcpPortFree(DEFAULT_DEV_PORTS.port)) && (await isTcpPortFree(DEFAULT_DEV_PORTS.tcpPort)) ? DEFAULT_DEV_PORTS : undefined);
  let livekit: RunningLiveKit;
  try {
    livekit = await start(wanted);
  } catch (err) {
    if (!(err instanceof PortInUseError) || !wanted) throw err;
    opts.log?.(`ports ${wanted.port}/${wanted.tcpPort}/${wanted.udpPort} are taken; using free ones (browsers in a room reconnect to the new address)`);
    livekit = await start(undefined);
  }
  savePorts(opts.dataDir, livekit.ports);
  return { ...livekit, media };
}
