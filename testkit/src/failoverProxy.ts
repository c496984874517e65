// A loopback TCP proxy in front of several app nodes, the way a load balancer with health checks
// stands in front of a cluster: each new connection goes to the first backend that accepts it, so
// while the preferred node lives everything reaches it, and once it is gone (refused) the clients'
// reconnections land on the next. WebSocket-only clients need nothing sticky beyond that.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FailoverProxy {
  readonly port: number;
  readonly url: string;
  /** How many connections went to each backend port so far. */
  readonly routed: Map<number, number>;
  close(): Promise<void>;
}

/** Listen on a free loopback port and forward each connection to the first of `backendPorts` that accepts it. */
export async function startFailoverProxy(backendPorts: readonly number[]): Promise<FailoverProxy> {
  const routed = new Map<number, number>();
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.once('close', () => open.delete(s));
  };
  const server: Server = createServer((client) => {
    track(client);
    client.pause();
    const tryBackend = (i: number) => {
      if (i >= backendPorts.length) return void client.destroy();
      const port = backendPorts[i]!;
      const upstream = connect({ host: '127.0.0.1', port });
      // Refused (the node is down): the next backend.
      upstream.once('error', () => {
        upstream.destroy();
        tryBackend(i + 1);
      });
      upstream.once('connect', () => {
        track(upstream);
        routed.set(port, (routed.get(port) ?? 0) + 1);
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port, url: `http://127.0.0.1:${port}`, routed,
    close: () => new Promise((resolve) => {
      for (const s of open) s.destroy();
      server.close(() => resolve());
    }),
  };
}
