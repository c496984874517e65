// Asks a Node process started with --inspect to collect its garbage and tell its heap use, over the
// inspector protocol: memory figures then show what connections keep, not what V8 has not freed yet.
import WebSocket from 'ws';

/** A Node process's inspector, for memory readings. */
export class HeapProbe {
  private nextId = 1;

  private constructor(private readonly socket: WebSocket) {}

  /** Connects to the inspector listening on 127.0.0.1:port (retrying while the process starts). */
  static async connect(port: number, timeoutMs = 30_000): Promise<HeapProbe> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
        const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
        await new Promise<void>((resolve, reject) => {
          socket.once('open', () => resolve());
          socket.once('error', reject);
        });
        return new HeapProbe(socket);
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  private call<T>(method: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: T; error?: { message: string } };
        if (message.id !== id) return;
        this.socket.off('message', onMessage);
        if (message.error) reject(new Error(message.error.message));
        else resolve(message.result as T);
      };
      this.socket.on('message', onMessage);
      this.socket.send(JSON.stringify({ id, method }));
    });
  }

  /** Full garbage collection, then the V8 heap in use, in MB. */
  async collectAndMeasure(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
    const usage = await this.call<{ usedSize: number }>('Runtime.getHeapUsage');
    return Math.round((usage.usedSize / 2 ** 20) * 10) / 10;
  }

  close(): void {
    this.socket.close();
  }
}
