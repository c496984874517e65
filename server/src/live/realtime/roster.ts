import { EVENTS, placementIn, type AgendaState, type RosterView } from '@live-workshop/shared';
import type { Presence } from '../agenda/presence.js';
import type { Clock, Scheduler, TimerHandle } from '../../platform/clock.js';
import type { Sessions } from './sessions.js';
import { topics, type Transport } from './transport.js';

/** Minimum time between two roster pushes to moderators; changes in between are coalesced. */
export const ROSTER_PUSH_INTERVAL_MS = 250;

/** The roster as moderators see it: plan, presence and connection for everyone. */
export function rosterOf(state: AgendaState, presence: Presence, sessions: Sessions): RosterView {
  const entries = Object.values(state.participants)
    .sort((a, b) => a.seq - b.seq)
    .map((p) => ({
      id: p.id, name: p.name, role: p.role, breakoutId: p.breakoutId, preferences: p.preferences, onStage: p.onStage,
      handRaised: p.handRaised, plannedRoom: placementIn(state.event, state.phase, p).roomId, presentIn: presence.roomsOf(p.id),
      connected: sessions.isOnline(p.id),
    }));
  return { revision: state.rosterRevision, entries };
}

/** Pushes the roster to moderators and speakers, at most every ROSTER_PUSH_INTERVAL_MS. */
export class RosterPublisher {
  private timer: TimerHandle | null = null;
  private closed = false;

  constructor(
    private readonly transport: Pick<Transport, 'publish'>,
    private readonly build: () => RosterView,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
  ) {}

  changed(): void {
    if (this.timer || this.closed) return;
    this.timer = this.scheduler.at(this.clock.now() + ROSTER_PUSH_INTERVAL_MS, () => {
      this.timer = null;
      if (this.closed) return;
      this.transport.publish([topics.moderators, topics.speakers], EVENTS.rosterChanged, this.build());
    });
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
  }
}
