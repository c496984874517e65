import { roundsOf, breakoutRoomId, type AgendaState, type OccupancySeries, type RoomId } from '@live-workshop/shared';
import type { PeopleStore } from '../../people/peopleStore.js';
import type { Cell } from '../../platform/csv.js';
import type { Clock } from '../../platform/clock.js';
import { attendanceOf, itemSegments, occupancyOf, type ParticipantAttendance } from './attendanceReport.js';
import type { AttendanceEvent, AttendanceStore } from './attendanceStore.js';

const minutes = (ms: number) => Math.round(ms / 600) / 100;

/** Attendance as computed from the recorded facts and the agenda's timeline, now. */
export class AttendanceService {
  constructor(private readonly deps: { store: AttendanceStore; people: Pick<PeopleStore, 'list'>; clock: Clock; state: () => AgendaState }) {}

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

  /** Occupancy of every room of the event (and any other room someone was seen in). */
  roomOccupancy(options: { from?: number; to?: number; stepMs: number; maxSteps: number }): OccupancySeries {
    const { event } = this.deps.state();
    // Every round's rooms (the default round is the event's breakouts).
    const rooms: RoomId[] = ['plenary', 'backstage', ...roundsOf(event).flatMap((round) => round.rooms).map((b) => breakoutRoomId(b.id))];
    const series = this.occupancy(options);
    return { ...series, rooms: [...new Set([...rooms, ...series.rooms])] };
  }

  /** The moderators' attendance table: one row per registered or invited person with recorded attendance, minutes per item, eligibility. */
  table(): { header: string[]; rows: Cell[][] } {
    const { event, participants } = this.deps.state();
    const threshold = attendanceThresholdOf(event);
    const people = new Map(this.deps.people.list().map((p) => [p.id, p]));
    const header = [
      'participant_id', 'name', 'email', 'organisation', 'country', 'stakeholder_type', 'role', 'assigned_breakout', 'breakout_attended',
      ...event.agenda.map((item) => `minutes_${item.id}`), 'minutes_present', 'minutes_agenda', 'share_percent', 'certificate_eligible',
    ];
    const rows = this.all().filter((a) => people.has(a.participantId)).map((a) => {
      const p = people.get(a.participantId)!;
      return [
        p.id, p.name, p.email, p.organisation, p.details.country ?? null, p.details.stakeholderType ?? null, p.role,
        participants[p.id]?.breakoutId ?? null, a.breakout?.breakoutId ?? null,
        ...a.items.map((i) => minutes(i.presentMs)), minutes(a.presentMs), minutes(a.agendaMs),
        Math.round(a.share * 1000) / 10, a.agendaMs > 0 && a.share >= threshold,
      ];
    });
    return { header, rows };
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
