import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { msg } from '../../core/i18n.ts';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Serves the built web app; unknown non-API paths get index.html (client-side routes). */
export async function registerWeb(app: FastifyInstance) {
  const hasWeb = existsSync(join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      throw new AppError(
        'NOT_FOUND',
        msg(
          `接口不存在：${req.method} ${req.url.split('?')[0]}`,
          `No such endpoint: ${req.method} ${req.url.split('?')[0]}`,
        ),
      );
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
