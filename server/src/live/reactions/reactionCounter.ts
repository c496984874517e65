// Reactions, the server's side: counted per room and sent as one message per room per
// REACTION_INTERVAL_MS (a thousand people clapping is one small message); nothing is stored.
import { failure, placementOf, success, REACTION_INTERVAL_MS, type AgendaState, type Reaction, type ReactionCounts, type Result, type RoomId } from '@live-workshop/shared';
import type { Clock, Scheduler, TimerHandle } from '../../platform/clock.js';

/** The reaction counter. */
export class ReactionCounter {
  private readonly pending = new Map<RoomId, Map<Reaction, number>>();
  private timer: TimerHandle | null = null;
  private closed = false;

  constructor(private readonly deps: { clock: Clock; scheduler: Scheduler; state: () => AgendaState; send: (counts: ReactionCounts) => void }) {}

  /** Count a reaction in the room the person is in. */
  react(participantId: string, reaction: Reaction): Result<{ counted: true }> {
    const roomId = placementOf(this.deps.state(), participantId).roomId;
    if (!roomId || roomId === 'backstage') return failure('not_allowed_now', 'Reactions are for the stage and the rooms; there is nothing to react to here.');
    let room = this.pending.get(roomId);
    if (!room) this.pending.set(roomId, (room = new Map()));
    room.set(reaction, (room.get(reaction) ?? 0) + 1);
    this.arm();
    return success({ counted: true as const });
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
  }

  private arm(): void {
    if (this.timer || this.closed) return;
    this.timer = this.deps.scheduler.at(this.deps.clock.now() + REACTION_INTERVAL_MS, () => {
      this.timer = null;
      if (this.closed) return;
      const at = this.deps.clock.now();
      for (const [roomId, counts] of this.pending) this.deps.send({ roomId, at, intervalMs: REACTION_INTERVAL_MS, counts: Object.fromEntries(counts) });
      this.pending.clear();
    });
  }
}
