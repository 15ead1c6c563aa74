import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/permissions.ts';
import type { Config } from '../../core/config.ts';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { msg } from '../../core/i18n.ts';
import { resolveSession } from '../../core/modules/users/sessions.ts';

export const SESSION_COOKIE = 'xh_sid';
export const CSRF_COOKIE = 'xh_csrf';
export const CSRF_HEADER = 'x-csrf-token';

type UserActor = Extract<Actor, { kind: 'user' }>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: UserActor | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** The route is reachable without a session (login, health, docs). */
    public?: boolean;
    /** The route is reachable while the user must change the password an administrator gave (me, password). */
    beforePasswordChange?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The logged-in actor of a request (the auth hook has already refused anonymous API calls). */
export function actorOf(req: FastifyRequest): UserActor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', msg('请先登录', 'Please log in'));
  return req.actor;
}

export function cookieOptions(req: FastifyRequest, config: Config, httpOnly: boolean, maxAgeSeconds?: number) {
  const secure = config.cookieSecure === 'auto' ? req.protocol === 'https' : config.cookieSecure;
  return {
    path: '/',
    httpOnly,
    sameSite: 'lax' as const,
    secure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/**
 * Session cookie → actor; API routes other than public ones answer 401 without a session; cookie-
 * authenticated writes must carry the session's CSRF token in the x-csrf-token header. A user who must change
 * the password an administrator gave reaches only the routes marked `beforePasswordChange` (403
 * PASSWORD_CHANGE_REQUIRED elsewhere).
 */
export function registerAuth(app: FastifyInstance, db: Db, sessionCacheMs = 0) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(db, token, { cacheMs: sessionCacheMs }) : null;
    if (session) {
      req.actor = { ...session.actor, ip: req.ip };
      req.sessionId = session.sessionId;
    }
    if (req.routeOptions.config?.public) return;
    if (!session)
      throw new AppError(
        'UNAUTHENTICATED',
        msg('未登录或会话已过期，请重新登录', 'Not logged in or the session expired'),
      );
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError(
        'CSRF',
        msg('请求缺少有效的 CSRF 令牌，请刷新页面后重试', 'Missing or invalid CSRF token; reload the page'),
      );
    }
    if (session.mustChangePassword && !req.routeOptions.config?.beforePasswordChange)
      throw new AppError(
        'PASSWORD_CHANGE_REQUIRED',
        msg(
          '您的密码由管理员设置，请先修改密码后再继续使用',
          'Your password was set by an administrator: change it before going on',
        ),
      );
  });
}
