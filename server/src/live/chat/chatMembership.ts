import { placementOf, type AgendaState } from '@live-workshop/shared';
import type { Sessions } from '../realtime/sessions.js';
import { topics, type RoomSocket, type Topic } from '../realtime/transport.js';

/**
 * Keeps each connection subscribed to the chat of the room the agenda places its person in:
 * after a connect, a cue, or a change to someone's record. Chat follows the plan, not the tokens.
 */
export class ChatMembership {
  private readonly joined = new WeakMap<RoomSocket, Topic | null>();

  constructor(private readonly deps: { sessions: Sessions; state: () => AgendaState }) {}

  /** Bring these people's connections (everyone online when none are named) into their room's chat. */
  follow(ids: Iterable<string> = this.deps.sessions.ids()): void {
    const state = this.deps.state();
    for (const id of [...ids]) {
      const socket = this.deps.sessions.get(id);
      if (!socket) continue;
      const roomId = placementOf(state, id).roomId;
      const target = roomId ? topics.chat(roomId) : null;
      const current = this.joined.get(socket) ?? null;
      if (current === target) continue;
      if (current) socket.leave(current);
      if (target) socket.join(target);
      this.joined.set(socket, target);
    }
  }
}
