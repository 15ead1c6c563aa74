import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { msg } from '../../core/i18n.ts';
import { login } from '../../core/modules/users/login.ts';
import { changePassword, loadMe } from '../../core/modules/users/service.ts';
import { deleteSession } from '../../core/modules/users/sessions.ts';
import { RateLimiter } from '../../core/modules/users/rules.ts';
import { actorOf, clearSessionCookies, cookieOptions, CSRF_COOKIE, SESSION_COOKIE } from '../plugins/auth.ts';
import { MeSchema } from '../schemas.ts';
import type { Deps } from './deps.ts';

export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const limiter = new RateLimiter(deps.loginRate.max, deps.loginRate.windowMs);
    const MeResponse = z.object({ user: MeSchema, csrfToken: z.string() });

    app.post(
      '/api/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: '登录 Log in',
          body: z.object({ username: z.string().trim().min(1).max(50), password: z.string().min(1).max(200) }),
          response: { 200: MeResponse },
        },
      },
      async (req, reply) => {
        if (!limiter.hit(req.ip))
          throw new AppError(
            'RATE_LIMITED',
            msg('登录尝试过于频繁，请稍后再试', 'Too many login attempts; try again later'),
          );
        const r = await login(
          db,
          { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] },
          { lockout: deps.lockout, sessionHours: deps.config.sessionHours },
        );
        const maxAge = deps.config.sessionHours * 3600;
        reply.setCookie(SESSION_COOKIE, r.session.token, cookieOptions(req, deps.config, true, maxAge));
        reply.setCookie(CSRF_COOKIE, r.session.csrfToken, cookieOptions(req, deps.config, false, maxAge));
        return { user: r.me, csrfToken: r.session.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { public: true }, schema: { tags: ['auth'], summary: '退出 Log out' } },
      async (req, reply) => {
        if (req.sessionId) await deleteSession(db, req.sessionId);
        clearSessionCookies(reply);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: MeResponse } } },
      async (req) => {
        const actor = actorOf(req);
        const session = await db
          .selectFrom('session')
          .select('csrf_token')
          .where('id', '=', req.sessionId!)
          .executeTakeFirstOrThrow();
        return { user: await loadMe(db, actor.userId), csrfToken: session.csrf_token };
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: '修改密码 Change password',
          body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
        },
      },
      async (req, reply) => {
        await changePassword(db, actorOf(req), { ...req.body, keepSessionId: req.sessionId ?? undefined });
        return reply.status(204).send();
      },
    );
  };
