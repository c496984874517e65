/** A stand-in for a socket.io client socket: tests play the server. */
import type { Result } from '@live-workshop/shared';

type Handler = (...args: unknown[]) => void;

export class FakeSocket {
  connected = false;
  active = true;
  readonly requests: { event: string; payload: unknown }[] = [];
  private readonly handlers = new Map<string, Handler[]>();
  /** How the fake server answers requests; default: ok with no data. */
  answer: (event: string, payload: unknown) => Result<unknown> = () => ({ ok: true, data: {} });

  constructor(readonly auth: unknown) {}

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  timeout(): this {
    return this;
  }

  async emitWithAck(event: string, payload: unknown): Promise<Result<unknown>> {
    this.requests.push({ event, payload });
    return this.answer(event, payload);
  }

  emit(event: string, payload: unknown, ack?: (r: Result<unknown>) => void): this {
    this.requests.push({ event, payload });
    ack?.(this.answer(event, payload));
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.active = false;
    return this;
  }

  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }

  /** The server sends an event (or socket.io fires connect / connect_error / disconnect). */
  serverSends(event: string, ...args: unknown[]): void {
    if (event === 'connect') this.connected = true;
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
}
