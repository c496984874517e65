import { Router } from 'express';
import type { AgendaState } from '@live-workshop/shared';
import { requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { sendCsv, toCsv } from '../../platform/csv.js';
import type { QuestionBoard } from './questionBoard.js';

/** The columns of the questions export. */
export const QUESTIONS_CSV_HEADER = ['id', 'asked_at', 'author', 'anonymous_to_room', 'text', 'status', 'votes', 'answered_at', 'merged_into', 'pinned'] as const;

/** The questions as a table: every question, its votes and whether it was answered. */
export function questionsTable(board: QuestionBoard) {
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  return {
    header: QUESTIONS_CSV_HEADER,
    rows: board.all().map((q) => [q.id, iso(q.askedAt), q.authorName, q.anonymous, q.text, q.status, q.votes, iso(q.answeredAt), q.mergedInto ?? '', board.pinned === q.id]),
  };
}

/** Moderators download the questions (CSV) during or after the event. */
export function questionRoutes(deps: { board: QuestionBoard; credentials: Credentials; state: () => AgendaState }): Router {
  const router = Router();
  router.get('/api/moderator/questions.csv', requireSession(deps.credentials, { moderator: true }), (_req, res) => {
    const { header, rows } = questionsTable(deps.board);
    sendCsv(res, `${deps.state().event.id}-questions.csv`, toCsv(header, rows));
  });
  return router;
}
