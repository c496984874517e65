import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Serve the built client; every page route falls back to index.html (client-side routing). */
export function staticClient(distDir: string | null): Router {
  const router = Router();
  if (!distDir || !existsSync(join(distDir, 'index.html'))) {
    router.get('/', (_req, res) => {
      res.type('text/plain').send('Live Workshop server is running; the client is not built (npm run build).');
    });
    return router;
  }
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|socket\.io\/|livekit\/).*/, (_req, res) => {
    res.sendFile(join(distDir, 'index.html'));
  });
  return router;
}
