import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { povertyByChild, registerBreakdown } from '../../core/modules/stats/service.ts';
import { actorOf } from '../plugins/auth.ts';
import type { Deps } from './deps.ts';

const Count = z.object({ code: z.string(), households: z.number(), persons: z.number() });

export const statsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['stats'];
    const Row = z.object({
      households: z.number(),
      persons: z.number(),
      poorHouseholds: z.number(),
      poorPersons: z.number(),
      incidence: z.number(),
    });

    app.get(
      '/api/stats/poverty',
      {
        schema: {
          tags,
          summary: '贫困发生率（按下级区域）Poverty incidence by child region',
          querystring: z.object({
            region: z.string().max(20),
            by: z.enum(['child']).default('child'),
            year: z.coerce.number().int().min(2000).max(2100).optional(),
          }),
          response: {
            200: z.object({
              region: z.object({ code: z.string(), name: z.string() }),
              year: z.number().nullable(),
              total: Row.optional(),
              items: z.array(Row.extend({ code: z.string(), name: z.string(), level: z.string() })),
            }),
          },
        },
      },
      async (req) => povertyByChild(db, actorOf(req), req.query.region, req.query.year),
    );

    app.get(
      '/api/stats/register',
      {
        schema: {
          tags,
          summary: '建档立卡结构统计 Register breakdowns',
          querystring: z.object({
            region: z.string().max(20),
            year: z.coerce.number().int().min(2000).max(2100).optional(),
          }),
          response: {
            200: z.object({
              region: z.object({ code: z.string(), name: z.string() }),
              year: z.number(),
              povertyLine: z.number().nullable(),
              byCause: z.array(Count),
              byAttribute: z.array(Count),
              byStatus: z.array(Count),
              byHousingGrade: z.array(Count),
              incomeDistribution: z.array(
                z.object({ lo: z.number(), hi: z.number().nullable(), households: z.number() }),
              ),
            }),
          },
        },
      },
      async (req) => registerBreakdown(db, actorOf(req), req.query.region, req.query.year),
    );
  };
