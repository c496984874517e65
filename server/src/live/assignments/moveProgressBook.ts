import type { MoveProgress, MoveReportPayload, RoomId } from '@live-workshop/shared';

/** At most this many people's reports are kept; one per person, so this is the event's size bound. */
const MAX_PEOPLE = 100_000;

/**
 * What each person's client last reported of its move, for the moderator's arrivals view (who got
 * the cue, who is connecting, who failed). One entry per person, replaced by each report; a report
 * for an older agenda item than the one held is ignored (reports can cross on the wire). Reports
 * are what a client says of itself: they only ever describe that client's own move, and the
 * truth about who is in a room stays LiveKit's presence.
 */
export class MoveProgressBook {
  private readonly byPerson = new Map<string, MoveProgress>();

  /** Record a report; false when nothing changed (a repeat, or an older item's). */
  record(participantId: string, report: Pick<MoveReportPayload, 'phaseKey' | 'roomId' | 'outcome'>, at: number, currentPhaseKey: string): boolean {
    if (report.phaseKey !== currentPhaseKey) return false;
    const stage = report.outcome === 'started' ? 'delivered' : (report.outcome ?? 'connected');
    const held = this.byPerson.get(participantId);
    if (held && held.phaseKey === report.phaseKey && held.roomId === report.roomId && held.stage === stage) return false;
    // A late 'started' must not undo a 'connected' already heard for the same move.
    if (held && held.phaseKey === report.phaseKey && held.roomId === report.roomId && held.stage === 'connected' && stage === 'delivered') return false;
    if (!held && this.byPerson.size >= MAX_PEOPLE) return false;
    this.byPerson.set(participantId, { phaseKey: report.phaseKey, roomId: report.roomId as RoomId, stage, at });
    return true;
  }

  /** The last report of a person, or null. */
  of(participantId: string): MoveProgress | null {
    return this.byPerson.get(participantId) ?? null;
  }
}
