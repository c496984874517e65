import { Router } from 'express';
import { occupancyQuery, type AgendaState } from '@live-workshop/shared';
import { claimsOf, requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { sendCsv, toCsv } from '../../platform/csv.js';
import { parseOr400 } from '../../platform/httpErrors.js';
import { attendanceThresholdOf, type AttendanceService } from './attendanceService.js';

/** Longest occupancy series answered, in steps. */
export const OCCUPANCY_MAX_STEPS = 24 * 60;

/** Attendance for moderators (JSON, CSV, occupancy over time) and for each person (their own). */
export function attendanceRoutes(deps: { attendance: AttendanceService; credentials: Credentials; state: () => AgendaState }): Router {
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
    res.json(deps.attendance.roomOccupancy({ ...query, maxSteps: OCCUPANCY_MAX_STEPS }));
  });

  router.get('/api/moderator/attendance.csv', moderator, (_req, res) => {
    const { header, rows } = deps.attendance.table();
    sendCsv(res, `${deps.state().event.id}-attendance.csv`, toCsv(header, rows));
  });
  return router;
}
