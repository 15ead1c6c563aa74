import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCodeLists, loadParams, setParam, upsertCode } from '../../core/modules/policy/service.ts';
import { actorOf } from '../plugins/auth.ts';
import type { Deps } from './deps.ts';

export const policyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['policy'];
    const Param = z.object({
      key: z.string().max(50),
      province: z.string().max(2).default(''),
      year: z.number().int().min(0).max(2100).default(0),
      value: z.unknown(),
    });

    app.get(
      '/api/policy/params',
      {
        schema: { tags, summary: '政策参数 Policy parameters', response: { 200: z.object({ items: z.array(Param) }) } },
      },
      async () => ({ items: await loadParams(db) }),
    );

    app.put(
      '/api/policy/params',
      { schema: { tags, summary: '设置政策参数 Set a parameter', body: Param } },
      async (req, reply) => {
        await setParam(db, actorOf(req), { ...req.body, value: req.body.value });
        return reply.status(204).send();
      },
    );

    app.get('/api/code-lists', { schema: { tags, summary: '代码表 Code lists' } }, async () => ({
      lists: await listCodeLists(db),
    }));

    app.put(
      '/api/code-lists/:list/:code',
      {
        schema: {
          tags,
          summary: '修改代码 Set a code',
          params: z.object({ list: z.string().max(30), code: z.string().max(30) }),
          body: z.object({
            zh: z.string().trim().min(1).max(100),
            en: z.string().trim().min(1).max(100),
            sortOrder: z.number().int().min(0).max(10000).optional(),
            active: z.boolean().optional(),
          }),
        },
      },
      async (req, reply) => {
        await upsertCode(db, actorOf(req), req.params.list, req.params.code, req.body);
        return reply.status(204).send();
      },
    );
  };
