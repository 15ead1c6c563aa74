import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GENDERS } from '../../shared/codes.ts';
import { codesOf } from '../../shared/codes.ts';
import {
  APPROVAL_STATUSES,
  CADRE_EDUCATION,
  PARTNER_KINDS,
  POLITICAL_STATUSES,
  RECALL_REASONS,
  STATION_END_REASONS,
  STATION_ROLES,
  UNIT_KINDS,
  UNIT_LEVELS,
} from '../../shared/forces.ts';
import { localized } from '../../core/i18n.ts';
import { decideRecall, recallList, requestRecall } from '../../core/modules/cadres/recalls.ts';
import { cadreDetail, cadreList, createCadre, revealCadre, updateCadre } from '../../core/modules/cadres/service.ts';
import { createStation, endStation, stationDetail, stationList } from '../../core/modules/cadres/stations.ts';
import { createTeam, teamDetail, teamList, updateTeam } from '../../core/modules/cadres/teams.ts';
import {
  createHelpUnit,
  createPartner,
  helpUnitList,
  partnerList,
  updateHelpUnit,
  updatePartner,
} from '../../core/modules/cadres/units.ts';
import { actorOf } from '../plugins/auth.ts';
import { DecisionBody, ForcePaging, IdParam, listOf, optionalText, QueryFlag } from '../schemas.ts';
import type { Deps } from './deps.ts';

// ---- inputs ----

/** Lists of this module page at most 200 rows. */
const Paging = ForcePaging;
const region = z.string().max(20).optional();
const flag = QueryFlag;
const id = z.coerce.number().int().positive().max(2_147_483_647);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, localized('日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD'));
const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  // '*' lets a masked value travel back unchanged (the stored number is kept)
  .regex(/^[0-9*+\-\s]{5,20}$/, localized('电话号码格式不正确（5–20 位数字）', 'Malformed phone number (5–20 digits)'))
  .nullable()
  .optional();

const ROLE = z.enum(codesOf(STATION_ROLES));

const CadreBody = z.object({
  name: text(50),
  gender: z.enum(GENDERS).nullable().optional(),
  birthDate: date.nullable().optional(),
  idNumber: z.string().trim().max(30).nullable().optional(),
  education: z.enum(codesOf(CADRE_EDUCATION)).nullable().optional(),
  politicalStatus: z.enum(codesOf(POLITICAL_STATUSES)).nullable().optional(),
  phone,
  post: optionalText(100),
  rank: optionalText(50),
  unitId: id.nullable().optional(),
  regionCode: z.string().max(20),
});

const HelpUnitBody = z.object({
  name: text(100),
  level: z.enum(codesOf(UNIT_LEVELS)),
  kind: z.enum(codesOf(UNIT_KINDS)),
  regionCode: z.string().max(20),
});

const PartnerBody = z.object({
  name: text(100),
  kind: z.enum(codesOf(PARTNER_KINDS)),
  regionCode: z.string().max(20),
  contact: optionalText(50),
  phone,
});

const TeamBody = z.object({
  regionCode: z.string().max(20),
  name: text(100),
  unitId: id.nullable().optional(),
  startDate: date,
  endDate: date.nullable().optional(),
});

const StationBody = z.object({
  personId: id,
  regionCode: z.string().max(20),
  role: ROLE,
  teamId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  startDate: date,
  endDate: date.nullable().optional(),
});

// ---- outputs ----

const UnitRef = z.object({ id: z.number(), name: z.string(), level: z.string() });

export const StationSchema = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  role: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  unit: UnitRef.nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  active: z.boolean(),
});

export const RecallSchema = z.object({
  id: z.number(),
  stationId: z.number(),
  personId: z.number(),
  personName: z.string(),
  role: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  reason: z.string(),
  note: z.string().nullable(),
  effectiveDate: z.string(),
  status: z.string(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  canDecide: z.boolean(),
});

export const CadreSchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  education: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  phone: z.string().nullable(),
  post: z.string().nullable(),
  rank: z.string().nullable(),
  unit: UnitRef.nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  stations: z.array(StationSchema),
});

export const CadreDetailSchema = CadreSchema.extend({
  idNumber: z.string().nullable(),
  recalls: z.array(RecallSchema),
  canEdit: z.boolean(),
  canReveal: z.boolean(),
});

const HelpUnitSchema = z.object({
  id: z.number(),
  name: z.string(),
  level: z.string(),
  kind: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
});
const HelpUnitItem = HelpUnitSchema.extend({ cadres: z.number(), villages: z.number() });

const PartnerSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  villages: z.number(),
});

export const TeamSchema = z.object({
  id: z.number(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  unit: UnitRef.nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  size: z.number(),
  minimum: z.number(),
  belowMinimum: z.boolean(),
  members: z.array(z.object({ stationId: z.number(), personId: z.number(), name: z.string(), role: z.string() })),
});

export const cadreRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['cadres'];

    // ---- cadres ----

    app.get(
      '/api/cadres',
      {
        schema: {
          tags,
          summary: '干部列表 Cadres',
          querystring: z.object({
            region,
            role: ROLE.optional(),
            q: z.string().trim().max(50).optional(),
            unitId: id.optional(),
            active: flag,
            stationed: flag,
            sentSince: z.coerce.number().int().min(2000).max(2100).optional(),
            maxAge: z.coerce.number().int().min(0).max(120).optional(),
            bachelorOrHigher: flag,
            ...Paging,
          }),
          response: { 200: listOf(CadreSchema) },
        },
      },
      async (req) => cadreList(db, actorOf(req), req.query),
    );

    app.get(
      '/api/cadres/:id',
      { schema: { tags, summary: '干部详情 Cadre', params: IdParam, response: { 200: CadreDetailSchema } } },
      async (req) => cadreDetail(db, actorOf(req), req.params.id),
    );

    app.post(
      '/api/cadres',
      { schema: { tags, summary: '新增干部 Create cadre', body: CadreBody, response: { 201: CadreDetailSchema } } },
      async (req, reply) => reply.status(201).send(await createCadre(db, actorOf(req), req.body)),
    );

    app.patch(
      '/api/cadres/:id',
      {
        schema: {
          tags,
          summary: '修改干部 Update cadre',
          params: IdParam,
          body: CadreBody.partial().strict(),
          response: { 200: CadreDetailSchema },
        },
      },
      async (req) => updateCadre(db, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/api/cadres/:id/reveal',
      {
        schema: {
          tags,
          summary: '查看完整身份证号和电话（留痕）Reveal ID number and phone (audited)',
          params: IdParam,
          response: { 200: z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() }) },
        },
      },
      async (req) => revealCadre(db, actorOf(req), req.params.id),
    );

    // ---- help units and partners ----

    app.get(
      '/api/help-units',
      {
        schema: {
          tags,
          summary: '帮扶单位 Help units',
          querystring: z.object({
            region,
            level: z.enum(codesOf(UNIT_LEVELS)).optional(),
            kind: z.enum(codesOf(UNIT_KINDS)).optional(),
            q: z.string().trim().max(50).optional(),
            ...Paging,
          }),
          response: { 200: listOf(HelpUnitItem) },
        },
      },
      async (req) => helpUnitList(db, actorOf(req), req.query),
    );

    app.post(
      '/api/help-units',
      {
        schema: {
          tags,
          summary: '新增帮扶单位 Create help unit',
          body: HelpUnitBody,
          response: { 201: HelpUnitSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await createHelpUnit(db, actorOf(req), req.body)),
    );

    app.patch(
      '/api/help-units/:id',
      {
        schema: {
          tags,
          summary: '修改帮扶单位 Update help unit',
          params: IdParam,
          body: HelpUnitBody.partial().strict(),
          response: { 200: HelpUnitSchema },
        },
      },
      async (req) => updateHelpUnit(db, actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/api/partners',
      {
        schema: {
          tags,
          summary: '企业与合作社 Partners',
          querystring: z.object({
            region,
            kind: z.enum(codesOf(PARTNER_KINDS)).optional(),
            q: z.string().trim().max(50).optional(),
            ...Paging,
          }),
          response: { 200: listOf(PartnerSchema) },
        },
      },
      async (req) => partnerList(db, actorOf(req), req.query),
    );

    app.post(
      '/api/partners',
      { schema: { tags, summary: '新增合作主体 Create partner', body: PartnerBody, response: { 201: PartnerSchema } } },
      async (req, reply) => reply.status(201).send(await createPartner(db, actorOf(req), req.body)),
    );

    app.patch(
      '/api/partners/:id',
      {
        schema: {
          tags,
          summary: '修改合作主体 Update partner',
          params: IdParam,
          body: PartnerBody.partial().strict(),
          response: { 200: PartnerSchema },
        },
      },
      async (req) => updatePartner(db, actorOf(req), req.params.id, req.body),
    );

    // ---- teams ----

    app.get(
      '/api/teams',
      {
        schema: {
          tags,
          summary: '驻村工作队 Work teams',
          querystring: z.object({ region, belowMinimum: flag, active: flag, ...Paging }),
          response: { 200: listOf(TeamSchema).extend({ belowMinimum: z.number() }) },
        },
      },
      async (req) => teamList(db, actorOf(req), req.query),
    );

    app.get(
      '/api/teams/:id',
      { schema: { tags, summary: '工作队 Work team', params: IdParam, response: { 200: TeamSchema } } },
      async (req) => teamDetail(db, actorOf(req), req.params.id),
    );

    app.post(
      '/api/teams',
      { schema: { tags, summary: '新建工作队 Create work team', body: TeamBody, response: { 201: TeamSchema } } },
      async (req, reply) => reply.status(201).send(await createTeam(db, actorOf(req), req.body)),
    );

    app.patch(
      '/api/teams/:id',
      {
        schema: {
          tags,
          summary: '修改工作队 Update work team',
          params: IdParam,
          body: TeamBody.partial().strict(),
          response: { 200: TeamSchema },
        },
      },
      async (req) => updateTeam(db, actorOf(req), req.params.id, req.body),
    );

    // ---- stationing ----

    app.get(
      '/api/stations',
      {
        schema: {
          tags,
          summary: '驻村与包联 Stationings',
          querystring: z.object({
            region,
            role: ROLE.optional(),
            active: z
              .enum(['true', 'false', 'all'])
              .default('true')
              .transform((v) => (v === 'all' ? undefined : v === 'true')),
            personId: id.optional(),
            teamId: id.optional(),
            ...Paging,
          }),
          response: { 200: listOf(StationSchema) },
        },
      },
      async (req) => stationList(db, actorOf(req), req.query),
    );

    app.get(
      '/api/stations/:id',
      { schema: { tags, summary: '驻村记录 Stationing', params: IdParam, response: { 200: StationSchema } } },
      async (req) => stationDetail(db, actorOf(req), req.params.id),
    );

    app.post(
      '/api/stations',
      {
        schema: {
          tags,
          summary: '选派驻村/包联 Station a cadre',
          body: StationBody,
          response: { 201: StationSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await createStation(db, actorOf(req), req.body)),
    );

    app.post(
      '/api/stations/:id/end',
      {
        schema: {
          tags,
          summary: '结束驻村（轮换、期满）End a stationing',
          params: IdParam,
          body: z.object({
            endedOn: date,
            reason: z.enum(
              codesOf(STATION_END_REASONS).filter((r) => r !== 'recall') as ['completed', 'rotation', 'other'],
            ),
          }),
          response: { 200: StationSchema },
        },
      },
      async (req) => endStation(db, actorOf(req), req.params.id, req.body),
    );

    // ---- recalls ----

    app.get(
      '/api/recalls',
      {
        schema: {
          tags,
          summary: '召回记录 Recalls',
          querystring: z.object({
            region,
            status: z.enum(codesOf(APPROVAL_STATUSES)).optional(),
            personId: id.optional(),
            ...Paging,
          }),
          response: { 200: listOf(RecallSchema) },
        },
      },
      async (req) => recallList(db, actorOf(req), req.query),
    );

    app.post(
      '/api/recalls',
      {
        schema: {
          tags,
          summary: '申请召回 Request a recall',
          body: z.object({
            stationId: id,
            reason: z.enum(codesOf(RECALL_REASONS)),
            note: optionalText(500),
            effectiveDate: date,
          }),
          response: { 201: RecallSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await requestRecall(db, actorOf(req), req.body)),
    );

    app.post(
      '/api/recalls/:id/decide',
      {
        schema: {
          tags,
          summary: '审批召回 Decide a recall',
          params: IdParam,
          body: DecisionBody,
          response: { 200: RecallSchema },
        },
      },
      async (req) => decideRecall(db, actorOf(req), req.params.id, req.body),
    );
  };
