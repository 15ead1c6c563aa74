import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addGroup,
  getChildren,
  getRegionDetail,
  getRoots,
  searchInScope,
  setFlags,
} from '../../core/modules/regions/service.ts';
import { actorOf } from '../plugins/auth.ts';
import { CodeParam, RegionDetailSchema, RegionFlagsSchema, RegionSchema, RegionSummarySchema } from '../schemas.ts';
import type { Deps } from './deps.ts';

export const regionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const Items = z.object({ items: z.array(RegionSummarySchema) });
    const tags = ['regions'];

    app.get(
      '/api/regions/roots',
      { schema: { tags, summary: '我的管辖区域 Scope roots', response: { 200: Items } } },
      async (req) => ({
        items: await getRoots(db, actorOf(req)),
      }),
    );

    app.get(
      '/api/regions/search',
      {
        schema: {
          tags,
          summary: '按名称查找区域 Search regions in scope',
          querystring: z.object({
            q: z.string().trim().min(1).max(50),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: { 200: Items },
        },
      },
      async (req) => ({ items: await searchInScope(db, actorOf(req), req.query.q, req.query.limit) }),
    );

    app.get(
      '/api/regions/:code',
      { schema: { tags, summary: '区域详情 Region', params: CodeParam, response: { 200: RegionDetailSchema } } },
      async (req) => getRegionDetail(db, actorOf(req), req.params.code),
    );

    app.get(
      '/api/regions/:code/children',
      { schema: { tags, summary: '下级区域 Children', params: CodeParam, response: { 200: Items } } },
      async (req) => ({ items: await getChildren(db, actorOf(req), req.params.code) }),
    );

    app.patch(
      '/api/regions/:code/flags',
      {
        schema: {
          tags,
          summary: '设置区域标识 Set region flags',
          params: CodeParam,
          body: RegionFlagsSchema.partial().strict(),
          response: { 200: RegionDetailSchema },
        },
      },
      async (req) => setFlags(db, actorOf(req), req.params.code, req.body),
    );

    app.post(
      '/api/regions/:code/groups',
      {
        schema: {
          tags,
          summary: '新增村民小组 Add a group',
          params: CodeParam,
          body: z.object({ no: z.number().int().min(1).max(999), name: z.string().trim().max(50).optional() }),
          response: { 201: RegionSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await addGroup(db, actorOf(req), req.params.code, req.body)),
    );
  };
