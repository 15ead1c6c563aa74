import type { FastifyInstance } from 'fastify';
import { controlCharPaths } from '../../shared/control-chars.ts';
import { AppError } from '../../core/errors.ts';
import { msg } from '../../core/i18n.ts';

/**
 * The one check every input passes before its schema: no control characters in any text of the query, the path
 * or a JSON body (400 naming each field, in the error format of the schemas: body fields bare, query.x, params.x).
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const paths = [
      ...controlCharPaths(req.query, 'query'),
      ...controlCharPaths(req.params, 'params'),
      ...(req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? controlCharPaths(req.body) : []),
    ];
    if (paths.length === 0) return;
    const message = msg('含有不允许的控制字符（如 NUL）', 'Contains a control character (such as NUL)');
    const list = paths.join(', ');
    throw new AppError(
      'VALIDATION',
      msg(`输入有误：${list} 含有不允许的控制字符`, `Invalid input: ${list} contains a control character`),
      paths.map((path) => ({ path, message })),
    );
  });
}
