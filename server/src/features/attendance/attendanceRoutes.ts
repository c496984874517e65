import { Router } from 'express';
import { z } from 'zod';
import { breakoutRoomId, type AgendaState } from '@live-workshop/shared';
import { claimsOf, requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { sendCsv, toCsv } from '../../platform/csv.js';
import { parseOr400 } from '../../platform/httpErrors.js';
import type { PeopleStore } from '../../people/peopleStore.js';
import { attendanceThresholdOf, type AttendanceService } from './attendanceService.js';

/** Longest occupancy series answered, in steps. */
export const OCCUPANCY_MAX_STEPS = 24 * 60;

const occupancyQuery = z.strictObject({
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
  stepMs: z.coerce.number().int().min(10_000).max(3_600_000).default(60_000),
});

const minutes = (ms: number) => Math.round(ms / 600) / 100;

/** Attendance for moderators (JSON, CSV, occupancy over time) and for each person (their own). */
export function attendanceRoutes(deps: { attendance: AttendanceService; people: Pick<PeopleStore, 'list'>; credentials: Credentials; state: () => AgendaState }): Router {
  const router = Router();
  const moderator = requireSession(deps.credentials, { moderator: true });

  router.get('/api/me/attendance', requireSession(deps.credentials), (_req, res) => {
    const { event } = deps.state();
    res.json({ attendance: deps.attendance.of(claimsOf(res).participantId), threshold: attendanceThresholdOf(event) });
  });

  router.get('/api/moderator/attendance', moderator, (_req, res) => {
    const { event } = deps.state();
    res.json({ threshold: attendanceThresholdOf(event), attendance: deps.attendance.all() });
  });

  router.get('/api/moderator/occupancy', moderator, (req, res) => {
    const query = parseOr400(occupancyQuery, req.query, res);
    if (!query) return;
    const { event } = deps.state();
    const rooms = ['plenary', 'backstage', ...event.breakouts.map((b) => breakoutRoomId(b.id))];
    const series = deps.attendance.occupancy({ ...query, maxSteps: OCCUPANCY_MAX_STEPS });
    res.json({ ...series, rooms: [...new Set([...rooms, ...series.rooms])] });
  });

  router.get('/api/moderator/attendance.csv', moderator, (_req, res) => {
    const { event, participants } = deps.state();
    const threshold = attendanceThresholdOf(event);
    const people = new Map(deps.people.list().map((p) => [p.id, p]));
    const header = [
      'participant_id', 'name', 'email', 'organisation', 'country', 'stakeholder_type', 'role', 'assigned_breakout', 'breakout_attended',
      ...event.agenda.map((item) => `minutes_${item.id}`), 'minutes_present', 'minutes_agenda', 'share_percent', 'certificate_eligible',
    ];
    const rows = deps.attendance.all().filter((a) => people.has(a.participantId)).map((a) => {
      const p = people.get(a.participantId)!;
      return [
        p.id, p.name, p.email, p.organisation, p.details.country ?? null, p.details.stakeholderType ?? null, p.role,
        participants[p.id]?.breakoutId ?? null, a.breakout?.breakoutId ?? null,
        ...a.items.map((i) => minutes(i.presentMs)), minutes(a.presentMs), minutes(a.agendaMs),
        Math.round(a.share * 1000) / 10, a.agendaMs > 0 && a.share >= threshold,
      ];
    });
    sendCsv(res, `${event.id}-attendance.csv`, toCsv(header, rows));
  });
  return router;
}
