import { Router } from 'express';
import { transcriptQuery, type AgendaState, type RoomId } from '@live-workshop/shared';
import { requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { parseOr400 } from '../../platform/httpErrors.js';
import type { CaptionStore } from './captionStore.js';

/** A transcript as plain text: one caption line per line, each with its time (UTC). */
export function transcriptText(lines: readonly { at: number; text: string }[]): string {
  return lines.map((l) => `[${new Date(l.at).toISOString().slice(11, 19)}] ${l.text}`).join('\n') + (lines.length ? '\n' : '');
}

/** Everyone in the event downloads a room's caption transcript (of one agenda item, or all of it). */
export function transcriptRoutes(deps: { store: CaptionStore; credentials: Credentials; state: () => AgendaState }): Router {
  const router = Router();
  router.get('/api/captions/transcript', requireSession(deps.credentials), (req, res) => {
    const query = parseOr400(transcriptQuery, req.query, res);
    if (!query) return;
    const roomId = query.roomId as RoomId;
    const lines = deps.store.transcript(roomId, query.item);
    const name = `${deps.state().event.id}-${roomId.replace(':', '-')}${query.item === undefined ? '' : `-item-${query.item + 1}`}-captions.txt`;
    res.set('cache-control', 'no-store');
    res.attachment(name).type('text/plain; charset=utf-8').send(transcriptText(lines));
  });
  return router;
}
