import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../shared/codes.ts';
import { authorizeAny } from '../../core/access/scope.ts';
import { listAudit } from '../../core/modules/audit/repo.ts';
import { requireRegion } from '../../core/modules/regions/service.ts';
import { subtreeRange } from '../../shared/regions.ts';
import { createUser, listUsers, unlockUser, updateUser } from '../../core/modules/users/service.ts';
import { actorOf } from '../plugins/auth.ts';
import { GrantSchema, IdParam, listOf, Paging, Username } from '../schemas.ts';
import type { Deps } from './deps.ts';

export const adminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const UserSchema = z.object({
      id: z.number(),
      username: z.string(),
      displayName: z.string(),
      active: z.boolean(),
      lockedUntil: z.string().nullable(),
      lastLoginAt: z.string().nullable(),
      roles: z.array(z.object({ role: z.enum(ROLES), scopeCode: z.string(), scopeName: z.string() })),
    });

    app.get(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          summary: '用户列表 Users',
          querystring: z.object({ q: z.string().trim().max(50).optional(), ...Paging }),
          response: { 200: listOf(UserSchema) },
        },
      },
      async (req) => listUsers(db, actorOf(req), req.query),
    );

    app.post(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          summary: '新建用户 Create user',
          body: z.object({
            username: Username,
            displayName: z.string().trim().min(1).max(100),
            password: z.string().max(200),
            roles: z.array(GrantSchema).min(1).max(20),
          }),
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (req, reply) => reply.status(201).send({ id: await createUser(db, actorOf(req), req.body) }),
    );

    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: '修改用户 Update user',
          params: IdParam,
          body: z
            .object({
              displayName: z.string().trim().min(1).max(100),
              active: z.boolean(),
              roles: z.array(GrantSchema).min(1).max(20),
              password: z.string().max(200),
            })
            .partial()
            .strict(),
        },
      },
      async (req, reply) => {
        await updateUser(db, actorOf(req), req.params.id, req.body);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/users/:id/unlock',
      { schema: { tags: ['users'], summary: '解锁 Unlock', params: IdParam } },
      async (req, reply) => {
        await unlockUser(db, actorOf(req), req.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary: '审计日志 Audit log',
          querystring: z.object({
            username: z.string().trim().max(50).optional(),
            entity: z.string().trim().max(50).optional(),
            action: z.string().trim().max(50).optional(),
            from: z.iso.datetime({ offset: true }).optional().or(z.iso.date().optional()),
            to: z.iso.datetime({ offset: true }).optional().or(z.iso.date().optional()),
            region: z.string().max(20).optional(),
            ...Paging,
          }),
          response: {
            200: listOf(
              z.object({
                id: z.number(),
                at: z.string(),
                username: z.string().nullable(),
                action: z.string(),
                entity: z.string(),
                entityId: z.string().nullable(),
                regionCode: z.string().nullable(),
                before: z.record(z.string(), z.unknown()).nullable(),
                after: z.record(z.string(), z.unknown()).nullable(),
              }),
            ),
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorizeAny(actor, 'audit.read');
        const q = req.query;
        const region = q.region ? subtreeRange((await requireRegion(db, q.region, 'region')).code) : undefined;
        const iso = (s: string | undefined, endOfDay: boolean) =>
          !s
            ? undefined
            : s.length === 10
              ? `${s}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`
              : new Date(s).toISOString();
        return listAudit(db, { ...q, from: iso(q.from, false), to: iso(q.to, true), region });
      },
    );
  };
