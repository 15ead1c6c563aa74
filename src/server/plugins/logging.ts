import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming request id we accept as ours: short, and only characters that cannot forge a log line. */
const WELL_FORMED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The request's id: the caller's x-request-id when well-formed (a proxy's, say), else a new UUID. */
export function requestId(raw: IncomingMessage): string {
  const given = raw.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && WELL_FORMED_ID.test(given) ? given : randomUUID();
}

/**
 * Query parameters whose values are logged: codes, ids, years, dates, page numbers and enums, never personal
 * data. Any other parameter (a search `q`, a name, a username, a phone…) is logged by name with its value
 * elided, so an ID number or a person's name typed into a search box never reaches the logs.
 */
const LOGGED_QUERY_VALUES = new Set([
  'region',
  'regionCode',
  'year',
  'from',
  'to',
  'page',
  'pageSize',
  'limit',
  'status',
  'kind',
  'type',
  'level',
  'role',
  'active',
  'workflow',
  'format',
  'mode',
  'by',
  'period',
  'entity',
  'action',
  'attribute',
  'cause',
  'grade',
  'id',
  'personId',
  'householdId',
  'teamId',
  'unitId',
  'progressId',
  'awaiting',
  'overdue',
]);

/** The URL as logged: the path as is, the query with the values of unlisted parameters replaced by `…`. */
export function loggedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const parts = [...params].map(([k, v]) =>
    LOGGED_QUERY_VALUES.has(k) ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${encodeURIComponent(k)}=…`,
  );
  return parts.length ? `${url.slice(0, q)}?${parts.join('&')}` : url.slice(0, q);
}

/**
 * One log line per request (pino JSON, with the request id as `reqId`): method, url (see loggedUrl),
 * status, milliseconds, the user's id and the error code when the answer is an error. Every response
 * carries its id in x-request-id, so a user's report of a failure finds its lines. Unhandled errors are
 * logged with their stack by the error handler (plugins/errors.ts), under the same reqId. Requests outside
 * /api (the web app's files) are logged at debug level.
 */
export function registerLogging(app: FastifyInstance) {
  const errorCodes = new WeakMap<FastifyRequest, string>();
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
  app.addHook('onError', async (req, _reply, err) => {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') errorCodes.set(req, code);
  });
  app.addHook('onResponse', async (req, reply) => {
    const status = reply.statusCode;
    const line = {
      method: req.method,
      url: loggedUrl(req.url),
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      userId: req.actor?.userId ?? null,
      ...(errorCodes.has(req) ? { error: errorCodes.get(req) } : {}),
    };
    if (status >= 500) req.log.error(line, 'request');
    else if (req.url.startsWith('/api/')) req.log.info(line, 'request');
    else req.log.debug(line, 'request');
  });
}
