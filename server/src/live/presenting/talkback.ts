import { EVENTS, inTalkback, type AgendaState, type TalkbackMessage } from '@live-workshop/shared';
import type { Clock } from '../../platform/clock.js';
import type { Sessions } from '../realtime/sessions.js';
import type { RoomSocket } from '../realtime/transport.js';

/** Lines kept for people who (re)connect; talk-back is for the moment, not an archive. */
export const TALKBACK_KEPT = 50;

/**
 * Backstage talk-back between the item's speakers and the moderators. The server picks the
 * recipients from the agenda on every line, so no attendee's connection ever receives one.
 */
export class Talkback {
  private readonly recent: TalkbackMessage[] = [];
  private nextId = 1;

  constructor(private readonly deps: { sessions: Sessions; clock: Clock; state: () => AgendaState }) {}

  /** Whether a person is in the talk-back now. */
  includes(participantId: string): boolean {
    const state = this.deps.state();
    const p = state.participants[participantId];
    return p !== undefined && inTalkback(state.event, state.phase, p);
  }

  /** Post a line from someone in the talk-back to everyone in it who is connected; null when the sender is not in it. */
  post(participantId: string, text: string): TalkbackMessage | null {
    const sender = this.deps.state().participants[participantId];
    if (!sender || !this.includes(participantId)) return null;
    const message: TalkbackMessage = { id: this.nextId++, from: { id: sender.id, name: sender.name, role: sender.role }, text, at: this.deps.clock.now() };
    this.recent.push(message);
    if (this.recent.length > TALKBACK_KEPT) this.recent.shift();
    for (const id of this.deps.sessions.ids()) {
      if (this.includes(id)) this.deps.sessions.get(id)?.send(EVENTS.talkbackPosted, message);
    }
    return message;
  }

  /** On connect: the recent lines, to people in the talk-back only. */
  greet(socket: RoomSocket): void {
    if (!this.includes(socket.claims.participantId)) return;
    for (const message of this.recent) socket.send(EVENTS.talkbackPosted, message);
  }
}
