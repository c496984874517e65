// Starts and drives the floor server (floorServer.ts) in its own process.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '@live-workshop/testkit';

const FLOOR_FILE = fileURLToPath(new URL('./floorServer.ts', import.meta.url));

/** The bare Socket.IO server the cue is compared with. */
export class FloorServer {
  private nextId = 1;
  private readonly pending = new Map<number, (data: unknown) => void>();

  private constructor(private readonly child: ChildProcess, readonly url: string) {
    child.on('message', (m: { reqId: number; data: unknown }) => {
      this.pending.get(m.reqId)?.(m.data);
      this.pending.delete(m.reqId);
    });
  }

  static async start(inspectPort?: number): Promise<FloorServer> {
    const execArgv = ['--import', 'tsx', ...(inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : [])];
    // The inspector announces itself on stderr; keep that out of the progress display.
    const child = fork(FLOOR_FILE, [], { cwd: REPO_ROOT, execArgv, stdio: ['ignore', 'inherit', 'ignore', 'ipc'] });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { data: { port: number } }) => resolve(m.data.port));
      child.once('exit', (code) => reject(new Error(`floor server exited (${code})`)));
    });
    return new FloorServer(child, `http://127.0.0.1:${port}`);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  private request<T>(message: Record<string, unknown>): Promise<T> {
    const reqId = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(reqId, resolve as (data: unknown) => void);
      this.child.send({ ...message, reqId });
    });
  }

  /** One io.emit of a payload of `bytes` JSON bytes; resolves with the time stamped just before it. */
  emit(seq: number, bytes: number): Promise<{ t0: number; emitMs: number }> {
    return this.request({ type: 'emit', seq, bytes });
  }

  clients(): Promise<number> {
    return this.request({ type: 'count' });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await Promise.race([this.request({ type: 'exit' }), new Promise((r) => setTimeout(r, 2_000))]);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }
}
