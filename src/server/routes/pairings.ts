import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codesOf } from '../../shared/codes.ts';
import { MEASURE_STATUSES, MEASURE_TYPES, PAIRING_KINDS, UNIT_LEVELS } from '../../shared/forces.ts';
import { HOUSEHOLD_STATUSES } from '../../shared/register.ts';
import { localized } from '../../core/i18n.ts';
import { createMeasure, measureList, updateMeasure } from '../../core/modules/pairings/measures.ts';
import { householdPlan } from '../../core/modules/pairings/plan.ts';
import {
  createPairing,
  endPairing,
  pairingGaps,
  pairingList,
  pairingSummary,
} from '../../core/modules/pairings/service.ts';
import { actorOf } from '../plugins/auth.ts';
import { ForcePaging, IdParam, listOf, QueryId } from '../schemas.ts';
import type { Deps } from './deps.ts';

const KIND = z.enum(codesOf(PAIRING_KINDS));
const MEASURE_TYPE = z.enum(codesOf(MEASURE_TYPES));
const MEASURE_STATUS = z.enum(codesOf(MEASURE_STATUSES));
const Paging = ForcePaging;
const Id = z.number().int().positive().max(2_147_483_647);
const Region = z.string().max(20);
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, localized('日期格式应为 YYYY-MM-DD', 'Dates are YYYY-MM-DD'))
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    localized('日期不存在', 'Not a real date'),
  );
const name = z.string().trim().max(50).nullable().optional();

const CadreRef = z.object({ id: z.number(), name: z.string() });
const UnitRef = z.object({ id: z.number(), name: z.string(), level: z.enum(codesOf(UNIT_LEVELS)) });
const RegionRef = z.object({ code: z.string(), name: z.string() });

const Pairing = z.object({
  id: z.number(),
  kind: KIND,
  regionCode: z.string(),
  regionName: z.string(),
  household: z.object({ id: z.number(), code: z.string(), headName: z.string() }).nullable(),
  person: CadreRef.nullable(),
  unit: UnitRef.nullable(),
  partner: z.object({ id: z.number(), name: z.string(), kind: z.string() }).nullable(),
  helperRegion: RegionRef.nullable(),
  helperName: z.string().nullable(),
  helpedName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  active: z.boolean(),
  note: z.string().nullable(),
});

const PairingBody = z.object({
  kind: KIND,
  regionCode: Region.nullable().optional(),
  householdId: Id.nullable().optional(),
  personId: Id.nullable().optional(),
  unitId: Id.nullable().optional(),
  partnerId: Id.nullable().optional(),
  helperRegionCode: Region.nullable().optional(),
  helperName: name,
  helpedName: name,
  startDate: IsoDate,
  note: z.string().trim().max(500).nullable().optional(),
});

const Measure = z.object({
  id: z.number(),
  householdId: z.number(),
  householdCode: z.string(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  type: MEASURE_TYPE,
  title: z.string(),
  amount: z.number().nullable(),
  plannedDate: z.string().nullable(),
  doneDate: z.string().nullable(),
  person: CadreRef.nullable(),
  status: MEASURE_STATUS,
  evidence: z.string().nullable(),
});

const MeasureFields = {
  type: MEASURE_TYPE,
  title: z.string().trim().min(1).max(200),
  amount: z.number().min(0).max(1e10).nullable().optional(),
  plannedDate: IsoDate.nullable().optional(),
  doneDate: IsoDate.nullable().optional(),
  personId: Id.nullable().optional(),
  status: MEASURE_STATUS,
  evidence: z.string().trim().max(1000).nullable().optional(),
};
const MeasureBody = z.object({ householdId: Id, ...MeasureFields });
const MeasurePatch = z.object(MeasureFields).partial().strict();

const Plan = z.object({
  household: z.object({
    id: z.number(),
    code: z.string(),
    headName: z.string(),
    regionCode: z.string(),
    status: z.enum(HOUSEHOLD_STATUSES.map((s) => s.code) as [string, ...string[]]),
    mainCause: z.string().nullable(),
    otherCauses: z.array(z.string()),
  }),
  responsible: z.array(
    CadreRef.extend({
      phone: z.string().nullable(),
      post: z.string().nullable(),
      unit: UnitRef.nullable(),
      pairingId: z.number(),
      startDate: z.string(),
    }),
  ),
  measures: z.array(Measure),
  suggestedTypes: z.array(MEASURE_TYPE),
});

export const pairingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['pairings'];

    app.get(
      '/api/pairings',
      {
        schema: {
          tags,
          summary: '结对帮扶列表 Pairings',
          description: 'active: true (default) = active today, false = ended, all = both',
          querystring: z.object({
            region: Region.optional(),
            kind: KIND.optional(),
            personId: QueryId.optional(),
            householdId: QueryId.optional(),
            unitLevel: z
              .string()
              .max(100)
              .transform((s) => s.split(',').filter(Boolean))
              .pipe(z.array(z.enum(codesOf(UNIT_LEVELS))))
              .optional()
              .describe('comma-separated unit levels (central,provincial,city…)'),
            active: z.enum(['true', 'false', 'all']).default('true'),
            ...Paging,
          }),
          response: { 200: listOf(Pairing) },
        },
      },
      async (req) => {
        const { active, unitLevel, ...q } = req.query;
        return pairingList(db, actorOf(req), {
          ...q,
          unitLevels: unitLevel,
          active: active === 'all' ? undefined : active === 'true',
        });
      },
    );

    app.post(
      '/api/pairings',
      {
        schema: { tags, summary: '新建结对 Create pairing', body: PairingBody, response: { 201: Pairing } },
      },
      async (req, reply) => reply.status(201).send(await createPairing(db, actorOf(req), req.body)),
    );

    app.post(
      '/api/pairings/:id/end',
      {
        schema: {
          tags,
          summary: '结束结对 End pairing',
          params: IdParam,
          body: z.object({ endDate: IsoDate }),
          response: { 200: Pairing },
        },
      },
      async (req) => endPairing(db, actorOf(req), req.params.id, req.body.endDate),
    );

    app.get(
      '/api/pairings/gaps',
      {
        schema: {
          tags,
          summary: '未落实帮扶责任人的贫困户 Poor households without a responsible cadre',
          querystring: z.object({ region: Region.optional(), ...Paging }),
          response: {
            200: listOf(
              z.object({
                id: z.number(),
                code: z.string(),
                headName: z.string(),
                regionCode: z.string(),
                regionName: z.string(),
                status: z.string(),
              }),
            ),
          },
        },
      },
      async (req) => pairingGaps(db, actorOf(req), req.query),
    );

    app.get(
      '/api/pairings/summary',
      {
        schema: {
          tags,
          summary: '结对帮扶汇总 Pairing summary',
          querystring: z.object({ region: Region.optional() }),
          response: {
            200: z.object({
              region: RegionRef,
              byKind: z.array(z.object({ kind: KIND, pairs: z.number() })),
              gaps: z.number(),
              cadres: z.number(),
              households: z.number(),
              householdsPerCadre: z.array(z.object({ households: z.number(), cadres: z.number() })),
            }),
          },
        },
      },
      async (req) => pairingSummary(db, actorOf(req), req.query),
    );

    app.get(
      '/api/households/:id/plan',
      {
        schema: { tags, summary: '一户一策 Household plan', params: IdParam, response: { 200: Plan } },
      },
      async (req) => householdPlan(db, actorOf(req), req.params.id),
    );

    app.get(
      '/api/measures',
      {
        schema: {
          tags,
          summary: '帮扶措施列表 Measures',
          querystring: z.object({
            region: Region.optional(),
            type: MEASURE_TYPE.optional(),
            status: MEASURE_STATUS.optional(),
            householdId: QueryId.optional(),
            ...Paging,
          }),
          response: { 200: listOf(Measure) },
        },
      },
      async (req) => measureList(db, actorOf(req), req.query),
    );

    app.post(
      '/api/measures',
      { schema: { tags, summary: '新增帮扶措施 Create measure', body: MeasureBody, response: { 201: Measure } } },
      async (req, reply) => reply.status(201).send(await createMeasure(db, actorOf(req), req.body)),
    );

    app.patch(
      '/api/measures/:id',
      {
        schema: {
          tags,
          summary: '修改帮扶措施 Update measure',
          params: IdParam,
          body: MeasurePatch,
          response: { 200: Measure },
        },
      },
      async (req) => updateMeasure(db, actorOf(req), req.params.id, req.body),
    );
  };
