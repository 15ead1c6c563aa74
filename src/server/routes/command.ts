import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMMAND_UNIT_KINDS } from '../../shared/codes.ts';
import type { Actor } from '../../core/access/permissions.ts';
import { authorize } from '../../core/access/scope.ts';
import type { Db } from '../../core/db/index.ts';
import { listPeople, listUnits } from '../../core/modules/command/repo.ts';
import {
  addMember,
  createPerson,
  createUnit,
  deleteUnit,
  getUnit,
  removeMember,
  revealPersonPhone,
  updatePerson,
  updateUnit,
} from '../../core/modules/command/service.ts';
import { requireRegion } from '../../core/modules/regions/service.ts';
import { NATION_CODE, subtreeRange } from '../../shared/regions.ts';
import type { Permission } from '../../shared/codes.ts';
import { actorOf } from '../plugins/auth.ts';
import {
  CommandUnitSchema,
  IdParam,
  listOf,
  Paging,
  PersonInputSchema,
  PersonSchema,
  UnitInputSchema,
} from '../schemas.ts';
import type { Deps } from './deps.ts';

/** The subtree a list is asked for: the given region (which must be inside the scope) or everything in scope. */
async function listRange(db: Db, actor: Actor, permission: Permission, region: string | undefined) {
  if (!region) return subtreeRange(NATION_CODE);
  const r = await requireRegion(db, region, 'region');
  authorize(actor, permission, r.code);
  return subtreeRange(r.code);
}

export const commandRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['command'];
    const UnitDetail = CommandUnitSchema.extend({
      members: z.array(
        z.object({
          id: z.number(),
          duty: z.string().nullable(),
          person: z.object({
            id: z.number(),
            name: z.string(),
            post: z.string().nullable(),
            phone: z.string().nullable(),
          }),
        }),
      ),
    });

    app.get(
      '/api/command-units',
      {
        schema: {
          tags,
          summary: '指挥单元列表 Command units',
          querystring: z.object({
            region: z.string().max(20).optional(),
            kind: z.enum(COMMAND_UNIT_KINDS).optional(),
            ...Paging,
          }),
          response: { 200: listOf(CommandUnitSchema) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const range = await listRange(db, actor, 'command.read', req.query.region);
        return listUnits(db, actor, {
          ...range,
          kind: req.query.kind,
          page: req.query.page,
          pageSize: req.query.pageSize,
        });
      },
    );

    app.get(
      '/api/command-units/:id',
      { schema: { tags, summary: '指挥单元 Command unit', params: IdParam, response: { 200: UnitDetail } } },
      async (req) => getUnit(db, actorOf(req), req.params.id),
    );

    app.post(
      '/api/command-units',
      {
        schema: {
          tags,
          summary: '新建指挥单元 Create unit',
          body: UnitInputSchema,
          response: { 201: CommandUnitSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await createUnit(db, actorOf(req), req.body)),
    );

    app.patch(
      '/api/command-units/:id',
      {
        schema: {
          tags,
          summary: '修改指挥单元 Update unit',
          params: IdParam,
          body: UnitInputSchema.partial().strict(),
          response: { 200: CommandUnitSchema },
        },
      },
      async (req) => updateUnit(db, actorOf(req), req.params.id, req.body),
    );

    app.delete(
      '/api/command-units/:id',
      { schema: { tags, summary: '删除指挥单元 Delete unit', params: IdParam } },
      async (req, reply) => {
        await deleteUnit(db, actorOf(req), req.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/command-units/:id/members',
      {
        schema: {
          tags,
          summary: '添加成员 Add member',
          params: IdParam,
          body: z.object({
            personId: z.number().int().positive(),
            duty: z.string().trim().max(100).nullable().optional(),
          }),
          response: {
            201: z.object({ id: z.number(), unitId: z.number(), personId: z.number(), duty: z.string().nullable() }),
          },
        },
      },
      async (req, reply) => reply.status(201).send(await addMember(db, actorOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/api/command-units/:id/members/:memberId',
      {
        schema: {
          tags,
          summary: '移除成员 Remove member',
          params: IdParam.extend({ memberId: z.coerce.number().int().positive().max(2_147_483_647) }),
        },
      },
      async (req, reply) => {
        await removeMember(db, actorOf(req), req.params.id, req.params.memberId);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/people',
      {
        schema: {
          tags,
          summary: '人员列表 People',
          querystring: z.object({
            region: z.string().max(20).optional(),
            q: z.string().trim().max(50).optional(),
            ...Paging,
          }),
          response: { 200: listOf(PersonSchema) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const range = await listRange(db, actor, 'person.read', req.query.region);
        return listPeople(db, actor, { ...range, q: req.query.q, page: req.query.page, pageSize: req.query.pageSize });
      },
    );

    app.post(
      '/api/people',
      { schema: { tags, summary: '新增人员 Create person', body: PersonInputSchema, response: { 201: PersonSchema } } },
      async (req, reply) => reply.status(201).send(await createPerson(db, actorOf(req), req.body)),
    );

    app.patch(
      '/api/people/:id',
      {
        schema: {
          tags,
          summary: '修改人员 Update person',
          params: IdParam,
          body: PersonInputSchema.partial().strict(),
          response: { 200: PersonSchema },
        },
      },
      async (req) => updatePerson(db, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/api/people/:id/reveal',
      {
        schema: {
          tags,
          summary: '查看完整电话（留痕）Reveal phone (audited)',
          params: IdParam,
          response: { 200: z.object({ phone: z.string().nullable() }) },
        },
      },
      async (req) => revealPersonPhone(db, actorOf(req), req.params.id),
    );
  };
