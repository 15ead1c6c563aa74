import type { FastifyReply, FastifyRequest } from 'fastify';
import { auth as c } from '../../shared/contracts/auth.ts';
import { login } from '../../core/modules/users/login.ts';
import { RateLimiter } from '../../core/modules/users/rules.ts';
import { changePassword, currentUser, logout } from '../../core/modules/users/service.ts';
import { clearSessionCookies, cookieOptions, CSRF_COOKIE, SESSION_COOKIE } from '../plugins/auth.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** Logging in and out, the current user, the own password. The session lives in two cookies (HTTP's part). */
export const authBindings = ({ database: { db }, config, lockout, loginRate }: Deps) => {
  const limiter = new RateLimiter(loginRate.max, loginRate.windowMs);
  const setCookies = (req: FastifyRequest, reply: FastifyReply, s: { token: string; csrfToken: string }) => {
    const maxAge = config.sessionHours * 3600;
    reply.setCookie(SESSION_COOKIE, s.token, cookieOptions(req, config, true, maxAge));
    reply.setCookie(CSRF_COOKIE, s.csrfToken, cookieOptions(req, config, false, maxAge));
  };
  return [
    bind(c.login, async ({ body }, { req, reply }) => {
      const input = { ...body, ip: req.ip, userAgent: req.headers['user-agent'] };
      const r = await login(db, input, { lockout, sessionHours: config.sessionHours, limiter });
      setCookies(req, reply, r.session);
      return { user: r.me, csrfToken: r.session.csrfToken };
    }),
    bind(c.logout, async (_, { req, reply }) => {
      await logout(db, req.sessionId);
      clearSessionCookies(reply);
    }),
    bind(c.me, (_, { scope, req }) => currentUser(db, scope.actor, req.sessionId)),
    bind(c.password, ({ body }, { scope, req }) =>
      changePassword(db, scope.actor, { ...body, keepSessionId: req.sessionId ?? undefined }),
    ),
  ];
};
