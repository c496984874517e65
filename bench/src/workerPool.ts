// The harness side of the load-generating workers: forks them and spreads attendees over them.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '@live-workshop/testkit';
import type {
  ClientMode, ClientSpec, CollectAnswer, ConnectAnswer, FloorAnswer, LiveLoadAnswer, LiveLoadSpec, PhaseKind, StatusAnswer, WorkerAnswer, WorkerRequest,
} from './protocol.js';

const WORKER_FILE = fileURLToPath(new URL('./loadWorker.ts', import.meta.url));
const REQUEST_TIMEOUT_MS = 10 * 60_000;

class LoadWorker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  /** How many attendees this worker holds. */
  size = 0;

  constructor(readonly child: ChildProcess) {
    child.on('message', (answer: WorkerAnswer) => {
      const waiting = this.pending.get(answer.reqId);
      if (!waiting) return;
      this.pending.delete(answer.reqId);
      clearTimeout(waiting.timer);
      if (answer.ok) waiting.resolve(answer.data);
      else waiting.reject(new Error(answer.error));
    });
    child.on('exit', (code) => {
      for (const w of this.pending.values()) w.reject(new Error(`load worker exited (${code})`));
      this.pending.clear();
    });
  }

  request<T>(message: WorkerRequest): Promise<T> {
    const reqId = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(reqId);
        reject(new Error(`load worker did not answer ${message.type} in time`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(reqId, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ ...message, reqId });
    });
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Simulated attendees spread over worker processes, so the load generator is not the bottleneck it measures. */
export class WorkerPool {
  private constructor(private readonly workers: LoadWorker[]) {}

  static start(count: number): WorkerPool {
    const workers = Array.from({ length: count }, () => new LoadWorker(fork(WORKER_FILE, [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, NODE_OPTIONS: '' },
    })));
    return new WorkerPool(workers);
  }

  get pids(): number[] {
    return this.workers.map((w) => w.child.pid ?? -1);
  }

  get size(): number {
    return sum(this.workers.map((w) => w.size));
  }

  /** Connect more attendees, always to the least-loaded worker, so shares stay even. */
  async connect(url: string, clients: readonly ClientSpec[]): Promise<ConnectAnswer> {
    const shares = this.workers.map(() => [] as ClientSpec[]);
    const loads = this.workers.map((w) => w.size);
    for (const c of clients) {
      const i = loads.indexOf(Math.min(...loads));
      shares[i]!.push(c);
      loads[i]!++;
    }
    const answers = await Promise.all(this.workers.map(async (w, i) => {
      const answer = await w.request<ConnectAnswer>({ type: 'connect', url, clients: shares[i]! });
      w.size += answer.connected;
      return answer;
    }));
    return { connected: sum(answers.map((a) => a.connected)), failed: sum(answers.map((a) => a.failed)), errors: answers.flatMap((a) => a.errors) };
  }

  /** Disconnect attendees until `keep` remain, evenly across workers (each drops its most recently connected). */
  async shrinkTo(keep: number): Promise<void> {
    const n = this.workers.length;
    await Promise.all(this.workers.map(async (w, i) => {
      const target = Math.floor(keep / n) + (i < keep % n ? 1 : 0);
      if (w.size > target) w.size = await w.request<number>({ type: 'disconnect', count: w.size - target });
    }));
  }

  async setMode(mode: ClientMode): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request({ type: 'mode', mode })));
  }

  async status(version: number, phaseKey: string, nextPhaseKey: string | null): Promise<StatusAnswer> {
    const all = await Promise.all(this.workers.map((w) => w.request<StatusAnswer>({ type: 'status', version, phaseKey, nextPhaseKey })));
    return {
      connected: sum(all.map((s) => s.connected)), settled: sum(all.map((s) => s.settled)), prepared: sum(all.map((s) => s.prepared)),
      floorConnected: sum(all.map((s) => s.floorConnected)),
    };
  }

  async collect(version: number, phaseKey: string, kind: PhaseKind, eventId: string): Promise<CollectAnswer> {
    const all = await Promise.all(this.workers.map((w) => w.request<CollectAnswer>({ type: 'collect', version, phaseKey, kind, eventId })));
    return {
      assignedAt: all.flatMap((a) => a.assignedAt), cueAt: all.flatMap((a) => a.cueAt), lost: all.flatMap((a) => a.lost),
      misplaced: all.flatMap((a) => a.misplaced),
      via: { prepared: sum(all.map((a) => a.via.prepared)), late: sum(all.map((a) => a.via.late)), resync: sum(all.map((a) => a.via.resync)) },
      disconnects: sum(all.map((a) => a.disconnects)),
    };
  }

  async floorConnect(url: string): Promise<number> {
    return sum(await Promise.all(this.workers.map((w) => w.request<number>({ type: 'floorConnect', url }))));
  }

  async floorCollect(seq: number): Promise<FloorAnswer> {
    const all = await Promise.all(this.workers.map((w) => w.request<FloorAnswer>({ type: 'floorCollect', seq })));
    return { receivedAt: all.flatMap((a) => a.receivedAt), lost: sum(all.map((a) => a.lost)) };
  }

  async floorDisconnect(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request({ type: 'floorDisconnect' })));
  }

  /** `count` attendees ask one question each, shared out among the workers (one worker may hold fewer); the question ids. */
  async ask(count: number): Promise<number[]> {
    const per = Math.ceil(count / this.workers.length);
    const all = await Promise.all(this.workers.map((w, i) => w.request<number[]>({ type: 'ask', count: Math.max(0, Math.min(per, count - i * per)) })));
    return all.flat();
  }

  /** Start the live segment's load, the rates shared out among the workers. */
  async liveLoadStart(spec: LiveLoadSpec): Promise<void> {
    const share = (rate: number) => rate / this.workers.length;
    await Promise.all(this.workers.map((w) => w.request({ type: 'liveLoadStart', spec: { ...spec, upvotesPerSecond: share(spec.upvotesPerSecond), reactionsPerSecond: share(spec.reactionsPerSecond) } })));
  }

  /** Stop it; every worker's figures. */
  async liveLoadStop(): Promise<LiveLoadAnswer[]> {
    return Promise.all(this.workers.map((w) => w.request<LiveLoadAnswer>({ type: 'liveLoadStop' })));
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map(async (w) => {
      const exited = new Promise<void>((resolve) => (w.child.exitCode !== null ? resolve() : w.child.once('exit', () => resolve())));
      await w.request({ type: 'exit' }).catch(() => undefined);
      const timer = setTimeout(() => w.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }));
  }
}
