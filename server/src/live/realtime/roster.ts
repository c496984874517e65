import { DEFAULT_ROUND, EVENTS, pickBoardOf, placementIn, type AgendaState, type MoveProgress, type Participant, type Role, type RosterEntry, type RosterView } from '@live-workshop/shared';
import type { Presence } from '../agenda/presence.js';
import type { Clock, Scheduler, TimerHandle } from '../../platform/clock.js';
import type { Sessions } from './sessions.js';
import { topics, type Transport } from './transport.js';

/** Minimum time between two roster pushes to moderators; changes in between are coalesced. */
export const ROSTER_PUSH_INTERVAL_MS = 250;

/** What a person's client last reported of its move (MoveProgressBook.of); none by default. */
export type MoveProgressOf = (participantId: string) => MoveProgress | null;

/** A person's rooms and preferences in the rounds with their own rooms, by round. */
function rosterRounds(rounds: NonNullable<Participant['rounds']>): Pick<RosterEntry, 'rounds' | 'roundPreferences'> {
  const entries = Object.entries(rounds);
  return {
    rounds: Object.fromEntries(entries.map(([key, seat]) => [key, seat.breakoutId])),
    roundPreferences: Object.fromEntries(entries.map(([key, seat]) => [key, seat.preferences])),
  };
}

/** The roster as moderators see it: plan, presence, connection and move progress for everyone. */
export function rosterOf(state: AgendaState, presence: Presence, sessions: Sessions, moveOf: MoveProgressOf = () => null): RosterView {
  const entries = Object.values(state.participants)
    .sort((a, b) => a.seq - b.seq)
    .map((p) => ({
      id: p.id, name: p.name, role: p.role, breakoutId: p.breakoutId, preferences: p.preferences,
      ...(p.rounds ? rosterRounds(p.rounds) : {}),
      ...(p.picked || Object.values(p.rounds ?? {}).some((s) => s.picked)
        ? { picked: [...(p.picked ? [DEFAULT_ROUND] : []), ...Object.entries(p.rounds ?? {}).filter(([, s]) => s.picked).map(([key]) => key)] }
        : {}),
      onStage: p.onStage,
      handRaised: p.handRaised, plannedRoom: placementIn(state.event, state.phase, p).roomId, presentIn: presence.roomsOf(p.id),
      connected: sessions.isOnline(p.id), move: moveOf(p.id),
    }));
  return { revision: state.rosterRevision, entries };
}

/**
 * What a speaker sees of the roster: only the raised hands (who, by name and role), so they can
 * take questions; nobody's preferences, rooms, presence or connection.
 */
export function handsOf(roster: RosterView): RosterView {
  return {
    revision: roster.revision,
    entries: roster.entries.filter((e) => e.handRaised).map((e) => ({
      id: e.id, name: e.name, role: e.role, handRaised: true, onStage: e.onStage,
      breakoutId: null, preferences: [], plannedRoom: null, presentIn: [], connected: false, move: null,
    })),
  };
}

/** The roster a role receives: the whole of it for moderators, the raised hands for speakers, none for attendees. */
export function rosterFor(role: Role, roster: () => RosterView): RosterView | null {
  if (role === 'moderator') return roster();
  return role === 'speaker' ? handsOf(roster()) : null;
}

/** Pushes the roster to moderators and the raised hands to speakers, at most every ROSTER_PUSH_INTERVAL_MS. */
export class RosterPublisher {
  private timer: TimerHandle | null = null;
  private closed = false;

  constructor(
    private readonly transport: Pick<Transport, 'publish'>,
    private readonly build: () => RosterView,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    /** While a self-select round is open for picking, its live counts go to everyone with each push. */
    private readonly picks?: { transport: Pick<Transport, 'broadcast'>; state: () => AgendaState },
  ) {}

  changed(): void {
    if (this.timer || this.closed) return;
    this.timer = this.scheduler.at(this.clock.now() + ROSTER_PUSH_INTERVAL_MS, () => {
      this.timer = null;
      if (this.closed) return;
      const roster = this.build();
      this.transport.publish(topics.moderators, EVENTS.rosterChanged, roster);
      this.transport.publish(topics.speakers, EVENTS.rosterChanged, handsOf(roster));
      const board = this.picks ? pickBoardOf(this.picks.state()) : null;
      if (board) this.picks!.transport.broadcast(EVENTS.picksCounted, board);
    });
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
  }
}
