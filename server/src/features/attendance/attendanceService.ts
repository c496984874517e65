import type { AgendaState } from '@live-workshop/shared';
import type { Clock } from '../../platform/clock.js';
import { attendanceOf, itemSegments, occupancyOf, type OccupancySeries, type ParticipantAttendance } from './attendanceReport.js';
import type { AttendanceEvent, AttendanceStore } from './attendanceStore.js';

/** Attendance as computed from the recorded facts and the agenda's timeline, now. */
export class AttendanceService {
  constructor(private readonly deps: { store: AttendanceStore; clock: Clock; state: () => AgendaState }) {}

  /** One person's attendance. */
  of(participantId: string): ParticipantAttendance {
    const now = this.deps.clock.now();
    const segments = itemSegments(this.deps.store.timeline(), now);
    return attendanceOf(this.deps.state().event, participantId, this.deps.store.events(participantId), segments, now);
  }

  /** Everyone's attendance who has any recorded fact, plus everyone in the agenda. */
  all(): ParticipantAttendance[] {
    const now = this.deps.clock.now();
    const { event, participants } = this.deps.state();
    const segments = itemSegments(this.deps.store.timeline(), now);
    const byPerson = new Map<string, AttendanceEvent[]>(Object.keys(participants).map((id) => [id, []]));
    for (const e of this.deps.store.events()) {
      const list = byPerson.get(e.participantId);
      if (list) list.push(e);
      else byPerson.set(e.participantId, [e]);
    }
    return [...byPerson].map(([id, events]) => attendanceOf(event, id, events, segments, now));
  }

  /** Room occupancy over time; by default from the first recorded fact until now, at most `maxSteps` steps (the latest). */
  occupancy(options: { from?: number; to?: number; stepMs: number; maxSteps: number }): OccupancySeries {
    const events = this.deps.store.events();
    const to = options.to ?? this.deps.clock.now();
    const first = events.find((e) => e.source === 'media')?.at ?? to;
    const from = Math.max(options.from ?? first, to - options.maxSteps * options.stepMs);
    return occupancyOf(events, from, to, options.stepMs);
  }
}

/** Share of the agenda's running time needed for a certificate when the event file sets none. */
export const DEFAULT_ATTENDANCE_THRESHOLD = 0.5;

/** The event's attendance threshold for a certificate. */
export const attendanceThresholdOf = (event: { attendanceThreshold?: number | undefined }): number => event.attendanceThreshold ?? DEFAULT_ATTENDANCE_THRESHOLD;
