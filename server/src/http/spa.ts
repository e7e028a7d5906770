import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built client. Hashed assets are cached for a year; every other path gets
 * index.html so client-side routes (/g/<id>) survive a reload.
 */
export function spaRouter(staticDir: string): Router {
  const router = Router();
  const indexHtml = join(staticDir, 'index.html');
  router.use(
    '/assets',
    express.static(join(staticDir, 'assets'), { immutable: true, maxAge: '1y' }),
  );
  router.use(express.static(staticDir, { index: false }));
  router.get('/{*splat}', (_request, response) => {
    if (!existsSync(indexHtml)) {
      response
        .status(503)
        .type('text')
        .send('The client is not built yet. Run `pnpm start` (it builds first) or `pnpm build`.');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
  return router;
}
