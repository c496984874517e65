import { Router } from 'express';
import { pollLabels, type AgendaState } from '@live-workshop/shared';
import { requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { sendCsv, toCsv, type Cell } from '../../platform/csv.js';
import type { PollBoard } from './pollBoard.js';

/** The columns of the polls export: one row per poll and answer (option, rating or word). */
export const POLLS_CSV_HEADER = ['poll', 'question', 'kind', 'audience', 'opened_at', 'closes_at', 'status', 'voters', 'answer', 'count'] as const;

/** Every poll's results as a table. */
export function pollsTable(board: PollBoard) {
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  const rows: Cell[][] = [];
  for (const p of board.all()) {
    const head = [p.id, p.definition.question, p.definition.kind, p.audience.kind === 'everyone' ? 'everyone' : p.audience.roomId, iso(p.openedAt), iso(p.closesAt), p.status, p.results!.voters];
    const answers = p.definition.kind === 'word'
      ? p.results!.words.map((w) => [w.word, w.count] as const)
      : pollLabels(p.definition).map((label, i) => [label, p.results!.counts[i] ?? 0] as const);
    for (const [answer, count] of answers) rows.push([...head, answer, count]);
    if (answers.length === 0) rows.push([...head, '', 0]);
  }
  return { header: POLLS_CSV_HEADER, rows };
}

/** Moderators download every poll's results (CSV). */
export function pollRoutes(deps: { board: PollBoard; credentials: Credentials; state: () => AgendaState }): Router {
  const router = Router();
  router.get('/api/moderator/polls.csv', requireSession(deps.credentials, { moderator: true }), (_req, res) => {
    const { header, rows } = pollsTable(deps.board);
    sendCsv(res, `${deps.state().event.id}-polls.csv`, toCsv(header, rows));
  });
  return router;
}
