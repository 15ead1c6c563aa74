import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HOUSEHOLD_STATUSES } from '../../shared/register.ts';
import {
  householdDetail,
  householdList,
  revealHousehold,
  saveHousehold,
} from '../../core/modules/households/service.ts';
import { householdCard } from '../../core/modules/households/card.ts';
import { actorOf } from '../plugins/auth.ts';
import { IdParam, listOf, Paging, QueryFlag } from '../schemas.ts';
import type { Deps } from './deps.ts';

const STATUS = z.enum(HOUSEHOLD_STATUSES.map((s) => s.code) as [string, ...string[]]);
const code = z.string().trim().max(30);
const opt = (max: number) => z.string().trim().max(max).nullable().optional();
const flag = z.boolean().optional();
const money = z.number().min(0).max(1e9).optional();
const indicator = z.boolean().nullable().optional();

export const MemberBody = z.object({
  name: z.string().trim().max(50), // emptiness is reported by the domain rules with the other problems
  idNumber: opt(30),
  gender: opt(10),
  birthDate: opt(10),
  relation: opt(20),
  ethnicity: opt(20),
  education: opt(20),
  studentStatus: opt(20),
  health: opt(20),
  labour: opt(20),
  workStatus: opt(20),
  migrantMonths: z.number().int().min(0).max(12).nullable().optional(),
  migrantPlace: opt(100),
  medicalInsurance: flag,
  pensionInsurance: flag,
  dibao: flag,
  partyMember: flag,
  phone: opt(20),
});

export const YearBody = z.object({
  year: z.number().int().min(2000).max(2100),
  status: STATUS,
  incomeWage: money,
  incomeBusiness: money,
  incomeTransfer: money,
  incomeProperty: money,
  productionCost: money,
  foodClothing: indicator,
  education: indicator,
  medical: indicator,
  housing: indicator,
  water: indicator,
});

export const HouseholdBody = z.object({
  code: z.string().trim().min(1).max(40),
  villageCode: z.string().max(20),
  groupNo: z.number().int().min(1).max(999).nullable().optional(),
  address: opt(200),
  phone: opt(20),
  housingGrade: opt(1),
  attribute: opt(20),
  mainCause: opt(30),
  otherCauses: z.array(code).max(5).optional(),
  status: STATUS,
  identifiedYear: z.number().int().min(2000).max(2100).nullable().optional(),
  exitedYear: z.number().int().min(2000).max(2100).nullable().optional(),
  members: z.array(MemberBody).min(1).max(30),
  years: z.array(YearBody).max(50).optional(),
});

const ListItem = z.object({
  id: z.number(),
  code: z.string(),
  regionCode: z.string(),
  villageName: z.string(),
  groupName: z.string().nullable(),
  headName: z.string(),
  persons: z.number(),
  status: z.string(),
  attribute: z.string().nullable(),
  mainCause: z.string().nullable(),
  otherCauses: z.array(z.string()),
  housingGrade: z.string().nullable(),
  identifiedYear: z.number().nullable(),
  exitedYear: z.number().nullable(),
  perCapitaIncome: z.number().nullable(),
});

export const HouseholdQuery = z.object({
  region: z.string().max(20).optional(),
  status: z
    .string()
    .max(200)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(STATUS).optional()),
  yearStatus: z
    .string()
    .max(200)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(STATUS).optional()),
  attribute: z.string().max(20).optional(),
  cause: z.string().max(30).optional(),
  mainCause: z.string().max(30).optional(),
  housingGrade: z.string().max(1).optional(),
  incomeMin: z.coerce.number().min(0).max(1e9).optional(),
  incomeMax: z.coerce.number().min(0).max(1e9).optional(),
  flag: z.enum(['duplicate_id', 'missing_indicator']).optional(),
  q: z.string().trim().max(50).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: z.enum(['code', 'head', 'persons', 'income', '-persons', '-income']).optional(),
  ...Paging,
});

export const householdRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['households'];

    app.get(
      '/api/households',
      {
        schema: {
          tags,
          summary: '农户列表 Households',
          querystring: HouseholdQuery,
          response: { 200: listOf(ListItem).extend({ year: z.number() }) },
        },
      },
      async (req) => householdList(db, actorOf(req), req.query),
    );

    app.get('/api/households/:id', { schema: { tags, summary: '农户详情 Household', params: IdParam } }, async (req) =>
      householdDetail(db, actorOf(req), req.params.id),
    );

    app.post(
      '/api/households',
      {
        schema: {
          tags,
          summary: '新增农户 Create household',
          body: HouseholdBody,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (req, reply) => reply.status(201).send({ id: await saveHousehold(db, actorOf(req), req.body as never) }),
    );

    app.put(
      '/api/households/:id',
      {
        schema: {
          tags,
          summary: '修改农户 Update household',
          params: IdParam,
          body: HouseholdBody,
          response: { 200: z.object({ id: z.number() }) },
        },
      },
      async (req) => ({ id: await saveHousehold(db, actorOf(req), req.body as never, req.params.id) }),
    );

    app.get(
      '/api/households/:id/card.docx',
      {
        schema: {
          tags,
          summary: '明白卡（Word）Household card (cadre phones in full for pii.reveal, audited; mask=true masks them)',
          params: IdParam,
          querystring: z.object({ mask: QueryFlag }),
        },
      },
      async (req, reply) => {
        const { buffer, filename } = await householdCard(db, actorOf(req), req.params.id, { mask: req.query.mask });
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
          .send(buffer);
      },
    );

    app.post(
      '/api/households/:id/reveal',
      {
        schema: {
          tags,
          summary: '查看完整身份证号/电话（留痕）Reveal (audited)',
          params: IdParam,
          body: z.object({ memberId: z.number().int().positive().optional() }).optional(),
          response: { 200: z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() }) },
        },
      },
      async (req) => revealHousehold(db, actorOf(req), req.params.id, req.body?.memberId),
    );
  };
