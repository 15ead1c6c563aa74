import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../shared/codes.ts';
import { isUniqueViolation } from '../../core/db/rows.ts';
import { AppError, ERROR_STATUS } from '../../core/errors.ts';
import { msg, t, type Msg } from '../../core/i18n.ts';

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  message: Msg,
  details?: { path: string; message: string }[],
  current?: unknown,
) {
  return reply.status(ERROR_STATUS[code]).send({
    error: {
      code,
      message: t(message, req.lang),
      ...(details ? { details } : {}),
      ...(current !== undefined ? { current } : {}),
    },
  });
}

const PLAIN_CLIENT_ERRORS: Record<string, [ErrorCode, Msg]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['BAD_REQUEST', msg('请求体不是合法的 JSON', 'The request body is not valid JSON')],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['BAD_REQUEST', msg('请求体为空，应为 JSON', 'Empty body; JSON expected')],
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', msg('请求体过大', 'Request body too large')],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['BAD_REQUEST', msg('不支持的内容类型', 'Unsupported content type')],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['BAD_REQUEST', msg('Content-Length 不正确', 'Bad Content-Length')],
};

/** One error path for the whole API: AppError, validation, parser errors; anything else is a logged 500. */
export function registerErrors(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const details = err.details?.map((d) => ({
        path: d.path,
        message: typeof d.message === 'string' ? d.message : t(d.message, req.lang),
      }));
      return send(reply, req, err.code, err.msg, details, err.current);
    }
    if (isUniqueViolation(err)) {
      // A race the service's own check could not see (two requests at once): the database's key decides.
      req.log.info({ err: err.message }, 'unique violation answered 409');
      return send(
        reply,
        req,
        'CONFLICT',
        msg(
          '记录已存在（与已有记录重复），请刷新后重试',
          'The record already exists (a duplicate key); reload and retry',
        ),
      );
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext;
      const details = err.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const path =
          where === 'body' ? field : [where === 'querystring' ? 'query' : where, field].filter(Boolean).join('.');
        return { path: path || where || '', message: v.message ?? '' };
      });
      const list = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return send(reply, req, 'VALIDATION', msg(`输入有误：${list}`, `Invalid input: ${list}`), details);
    }
    const plain = err.code ? PLAIN_CLIENT_ERRORS[err.code] : undefined;
    if (plain) return send(reply, req, plain[0], plain[1]);
    if (err instanceof SyntaxError || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
      const code: ErrorCode =
        err.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : err.statusCode === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
      return send(reply, req, code, msg(`请求有误：${err.message}`, `Bad request: ${err.message}`));
    }
    req.log.error({ err }, 'unhandled error');
    return send(
      reply,
      req,
      'INTERNAL',
      msg('服务器内部错误，请联系管理员', 'Internal server error; please contact the administrator'),
    );
  });
}
