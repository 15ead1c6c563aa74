import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { msg } from '../../core/i18n.ts';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the built web app, looking files up at request time (a rebuild needs no restart). Unknown
 * API paths and missing assets answer 404; other GETs get index.html (client-side routes).
 */
export async function registerWeb(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const isPage =
      req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/assets/') && !/\.[a-z0-9]+$/i.test(path);
    if (!isPage || !existsSync(join(WEB_DIST, 'index.html'))) {
      throw new AppError('NOT_FOUND', msg(`不存在：${req.method} ${path}`, `Not found: ${req.method} ${path}`));
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
