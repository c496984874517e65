// The live segment's load inside a worker process: its attendees ask questions, then upvote them
// and react at a steady rate while the harness gives cues; each upvote's ack time is recorded, and
// every `reactions:counted` message a client receives is counted (one per room per interval expected).
import type { Socket } from 'socket.io-client';
import { EVENTS, REACTIONS, type ClientToServerEvents, type Result, type ServerToClientEvents } from '@live-workshop/shared';
import { wallNow, type LiveLoadAnswer, type LiveLoadSpec } from './protocol.js';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How often the load loop sends what has come due. */
const TICK_MS = 20;
const ACK_TIMEOUT_MS = 10_000;

/** The load of one worker: started by the harness, stopped with its figures. */
export class LiveLoad {
  private timer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private stoppedAt = 0;
  private upvotesSent = 0;
  private reactionsSent = 0;
  private nextClient = 0;
  /** Per client: the index of the next question it upvotes (each client upvotes each question at most once). */
  private readonly nextQuestion = new Map<number, number>();
  private readonly ackMs: number[] = [];
  private upvotesOk = 0;
  private readonly refusals = new Map<string, number>();
  private reactionsOk = 0;
  private reactionMessages = 0;
  private readonly counted = () => {
    this.reactionMessages++;
  };

  constructor(private readonly sockets: () => readonly AppSocket[]) {}

  /** Ask one question from each of the first `count` attendees; the ids of those taken. */
  async ask(count: number): Promise<number[]> {
    const answers = await Promise.all(this.sockets().slice(0, count).map(async (s, i) => {
      // Unanswered in time (a saturated machine): not taken; the step notes how many were.
      const r = (await s.timeout(ACK_TIMEOUT_MS).emitWithAck(EVENTS.questionAsk, { text: `Bench question ${i + 1}: how does this scale?`, anonymous: i % 2 === 0 })
        .catch(() => null)) as Result<{ id: number }> | null;
      return r?.ok ? r.data.id : null;
    }));
    return answers.filter((id): id is number => id !== null);
  }

  start(spec: LiveLoadSpec): void {
    for (const s of this.sockets()) s.on(EVENTS.reactionsCounted, this.counted);
    this.startedAt = wallNow();
    this.timer = setInterval(() => this.tick(spec), TICK_MS);
  }

  stop(): LiveLoadAnswer {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stoppedAt = wallNow();
    for (const s of this.sockets()) s.off(EVENTS.reactionsCounted, this.counted);
    return {
      seconds: (this.stoppedAt - this.startedAt) / 1000, clients: this.sockets().length,
      upvotesSent: this.upvotesSent, upvotesOk: this.upvotesOk, refusals: Object.fromEntries(this.refusals), upvoteAckMs: this.ackMs,
      reactionsSent: this.reactionsSent, reactionsOk: this.reactionsOk, reactionMessages: this.reactionMessages,
    };
  }

  private tick(spec: LiveLoadSpec): void {
    const sockets = this.sockets();
    if (sockets.length === 0) return;
    const elapsedS = (wallNow() - this.startedAt) / 1000;
    while (this.upvotesSent < spec.upvotesPerSecond * elapsedS) this.upvote(sockets, spec.questionIds);
    while (this.reactionsSent < spec.reactionsPerSecond * elapsedS) {
      const s = sockets[(this.reactionsSent * 7) % sockets.length]!;
      this.reactionsSent++;
      void s.timeout(ACK_TIMEOUT_MS).emitWithAck(EVENTS.reactionSend, { reaction: REACTIONS[this.reactionsSent % REACTIONS.length]! })
        .then((r: Result<unknown>) => { if (r.ok) this.reactionsOk++; }, () => undefined);
    }
  }

  private upvote(sockets: readonly AppSocket[], questionIds: readonly number[]): void {
    const client = this.nextClient++ % sockets.length;
    const q = this.nextQuestion.get(client) ?? 0;
    this.nextQuestion.set(client, q + 1);
    this.upvotesSent++;
    if (q >= questionIds.length) return;
    const sent = wallNow();
    void sockets[client]!.timeout(ACK_TIMEOUT_MS).emitWithAck(EVENTS.questionUpvote, { questionId: questionIds[q]! }).then((r: Result<unknown>) => {
      this.ackMs.push(wallNow() - sent);
      if (r.ok) this.upvotesOk++;
      else this.refusals.set(r.code, (this.refusals.get(r.code) ?? 0) + 1);
    }, () => this.refusals.set('timeout', (this.refusals.get('timeout') ?? 0) + 1));
  }
}
