import { isItemPhase, phaseKey, type AgendaState, type RoomId } from '@live-workshop/shared';
import type { Presence } from '../../live/agenda/presence.js';
import type { Clock } from '../../platform/clock.js';
import type { AttendanceSource, AttendanceStore } from './attendanceStore.js';

/**
 * Writes down what really happened: LiveKit presence (from the signed webhooks, through Presence),
 * connections (signalling), and the agenda's phase changes, each stamped with the current agenda item.
 */
export class AttendanceRecorder {
  private readonly media = new Map<string, Set<RoomId>>();
  private readonly sockets = new Map<string, number>();
  /** People whose data was deleted: late facts about them (a closing socket, a webhook) are not written. */
  private readonly erased = new Set<string>();

  constructor(private readonly deps: { store: AttendanceStore; presence: Presence; clock: Clock; state: () => AgendaState }) {}

  /**
   * Close what a previous run left open (nobody can know who left while the server was down;
   * LiveKit presence is reconciled right after boot and re-opens what is still true), and make
   * sure the timeline knows the phase the agenda was restored in.
   */
  start(): void {
    const now = this.deps.clock.now();
    for (const open of this.deps.store.stillOpen()) this.write(open.participantId, open.source, 'left', open.roomId, now);
    const last = this.deps.store.timeline().at(-1);
    const { phase } = this.deps.state();
    const itemIndex = isItemPhase(phase) ? phase.itemIndex : null;
    if (!last || last.phase !== phase.kind || last.itemIndex !== itemIndex) this.deps.store.addPhase({ phase: phase.kind, itemIndex, at: now });
  }

  /** Presence changed for one identity: record the rooms joined and left since we last looked. */
  presenceChanged(identity: string): void {
    const now = new Set(this.deps.presence.roomsOf(identity));
    const before = this.media.get(identity) ?? new Set<RoomId>();
    for (const room of now) if (!before.has(room)) this.write(identity, 'media', 'joined', room);
    for (const room of before) if (!now.has(room)) this.write(identity, 'media', 'left', room);
    if (now.size === 0) this.media.delete(identity);
    else this.media.set(identity, now);
  }

  /** A person's connection opened; a second tab replacing the first is one continuous presence. */
  socketOpened(id: string): void {
    const count = (this.sockets.get(id) ?? 0) + 1;
    this.sockets.set(id, count);
    if (count === 1) this.write(id, 'signal', 'joined', null);
  }

  /** A person's connection closed. */
  socketClosed(id: string): void {
    const left = (this.sockets.get(id) ?? 1) - 1;
    if (left > 0) return void this.sockets.set(id, left);
    this.sockets.delete(id);
    this.write(id, 'signal', 'left', null);
  }

  /** The agenda changed; a new phase or item starts a new stretch of the timeline. */
  agendaChanged(before: AgendaState, after: AgendaState): void {
    if (phaseKey(before.phase) === phaseKey(after.phase)) return;
    this.deps.store.addPhase({ phase: after.phase.kind, itemIndex: isItemPhase(after.phase) ? after.phase.itemIndex : null, at: this.deps.clock.now() });
  }

  /** Stop recording a person whose data is deleted, and forget what is held about them in memory. */
  erase(participantId: string): void {
    this.erased.add(participantId);
    this.media.delete(participantId);
  }

  private write(participantId: string, source: AttendanceSource, kind: 'joined' | 'left', roomId: RoomId | null, at = this.deps.clock.now()): void {
    if (this.erased.has(participantId)) return;
    const { phase } = this.deps.state();
    this.deps.store.add({ participantId, source, kind, roomId, phase: phase.kind, itemIndex: isItemPhase(phase) ? phase.itemIndex : null, at });
  }
}
