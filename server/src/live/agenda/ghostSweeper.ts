import { agendaPosition, isActiveConnection, livekitRoomName, placementOf, type AgendaState } from '@live-workshop/shared';
import type { LiveKitPort } from '../../livekit/livekitPort.js';
import type { Log } from '../../platform/log.js';
import type { Clock } from '../../platform/clock.js';
import type { Presence } from './presence.js';

/** How long after a move someone may still be in their old room (the client leaves it after joining the new one). */
export const MOVE_GRACE_MS = 30_000;
/**
 * How long a move may take before the old room is left anyway: a client that never joins its new
 * room (stuck, or not trying) is taken out of the old one, and joins the planned room on reconnecting.
 */
export const STRANDED_MOVE_LIMIT_MS = 4 * MOVE_GRACE_MS;

/**
 * Keeps LiveKit's rooms matching the plan: refreshes presence from LiveKit (after a LiveKit
 * restart or missed webhooks) and disconnects anyone still in a room they no longer belong
 * to once the grace after their last move is over. A move still on its way (not yet in the
 * room it belongs to) keeps its old room longer, up to STRANDED_MOVE_LIMIT_MS, so a slow move is
 * not cut off from the only room it has, but a stuck one does not stay forever. Someone who is
 * not in the event at all is removed at once. Moderators may visit any room.
 */
export class GhostSweeper {
  private lastCueAt = 0;
  private readonly movedAt = new Map<string, number>();

  constructor(private readonly deps: { livekit: LiveKitPort; presence: Presence; clock: Clock; log: Log; state: () => AgendaState }) {}

  /** The agenda moved everyone. */
  cue(): void {
    this.lastCueAt = this.deps.clock.now();
  }

  /** These people changed room outside a cue. */
  moved(ids: readonly string[]): void {
    const now = this.deps.clock.now();
    for (const id of ids) this.movedAt.set(id, now);
  }

  /** Ask LiveKit who is where, then remove ghosts. Returns the identities removed, with the room. */
  async sweep(): Promise<{ identity: string; room: string }[]> {
    const state = this.deps.state();
    const prefix = `${state.event.id}--`;
    const rooms = (await this.deps.livekit.listRooms()).filter((r) => r.startsWith(prefix));
    const listed = new Map<string, Set<string>>();
    const position = agendaPosition(state.phase);
    for (const room of rooms) {
      const connections = await this.deps.livekit.listConnections(room);
      // A pre-joined connection (its phase not reached yet) waits there for its cue: no ghost.
      listed.set(room, new Set(connections.filter((c) => isActiveConnection(c.activeFrom, position)).map((c) => c.identity)));
      this.deps.presence.reconcileRoom(room, connections);
    }
    const now = this.deps.clock.now();
    const removed: { identity: string; room: string }[] = [];
    for (const room of rooms) {
      for (const identity of listed.get(room) ?? []) {
        const p = state.participants[identity];
        if (p?.role === 'moderator') continue;
        const planned = p ? placementOf(state, identity).roomId : null;
        const plannedRoom = planned ? livekitRoomName(state.event.id, planned) : null;
        if (plannedRoom === room) continue;
        const since = Math.max(this.lastCueAt, this.movedAt.get(identity) ?? 0);
        // Someone not in the event at all (removed, deleted) has no move to finish: out at once.
        if (p) {
          const onTheWay = plannedRoom !== null && !listed.get(plannedRoom)?.has(identity);
          if (now - since < (onTheWay ? STRANDED_MOVE_LIMIT_MS : MOVE_GRACE_MS)) continue;
        }
        await this.deps.livekit.removeParticipant(room, identity);
        this.deps.presence.left(room, identity);
        removed.push({ identity, room });
        this.deps.log.warn({ identity, room, planned }, 'removed from a room they no longer belong to');
      }
    }
    return removed;
  }
}
