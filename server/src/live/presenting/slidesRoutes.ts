import express, { Router } from 'express';
import { SLIDES_MAX_BYTES } from '@live-workshop/shared';
import type { Credentials } from '../../people/credentials/credentials.js';
import { claimsOf, requireSession } from '../../people/credentials/bearer.js';
import { sendError } from '../../platform/httpErrors.js';
import type { Slides } from './slides.js';

/** The file name a browser sends URI-encoded (headers are ASCII). */
function fileNameOf(header: string | undefined): string {
  try {
    return header ? decodeURIComponent(header) : 'slides.pdf';
  } catch {
    return 'slides.pdf';
  }
}

/**
 * Slides over HTTP, for the event's participants only (a valid personal link): upload a PDF
 * (the raw file as the body, its name in `x-file-name`), read what is up, fetch a deck's PDF.
 * Page changes go over the socket (`slides:show`): one small message each.
 */
export function slidesRoutes(deps: { slides: Slides; credentials: Credentials }): Router {
  const router = Router();
  const signedIn = requireSession(deps.credentials);
  // Any content type: the file is judged by its bytes, not by what the browser calls it.
  const raw = express.raw({ type: () => true, limit: SLIDES_MAX_BYTES + 1 });

  router.post('/api/slides', signedIn, (req, res, next) => {
    raw(req, res, (err?: unknown) => {
      if (err && (err as { type?: string }).type === 'entity.too.large') {
        sendError(res, 413, 'too_large', `Slides may be at most ${SLIDES_MAX_BYTES / 1024 / 1024} MB. Export the PDF with smaller images.`);
        return;
      }
      if (err) return next(err);
      const body: unknown = req.body;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const name = fileNameOf(req.get('x-file-name'));
      deps.slides.upload(claimsOf(res).participantId, name, bytes).then((outcome) => {
        if (outcome.ok) res.status(201).json(outcome.slides);
        else sendError(res, outcome.status, outcome.code, outcome.message);
      }, next);
    });
  });

  router.get('/api/slides', signedIn, (_req, res) => {
    res.set('cache-control', 'no-store').json({ slides: deps.slides.current() });
  });

  router.get('/api/slides/:deckId.pdf', signedIn, (req, res) => {
    const deckId = String(req.params.deckId);
    const pdf = /^[A-Za-z0-9_-]{8,32}$/.test(deckId) ? deps.slides.pdf(deckId) : null;
    if (!pdf) {
      sendError(res, 404, 'not_found', 'There are no such slides.');
      return;
    }
    // private: a shared cache must never keep a file that only participants may read.
    res.set({ 'content-type': 'application/pdf', 'cache-control': 'private, max-age=3600', 'content-disposition': 'inline' }).send(pdf);
  });

  return router;
}
