/**
 * Pairings (结对帮扶) of the five kinds, the pairing gaps and summary, measures (帮扶措施) and the household plan
 * (一户一策). Pairings and measures are editable records: reads carry their version; ending or editing a pairing
 * and editing a measure send it back (409 when someone saved first).
 */
import { z } from 'zod';
import { codesOf } from '../codes.ts';
import { MEASURE_STATUSES, MEASURE_TYPES, PAIRING_KINDS, UNIT_LEVELS } from '../forces.ts';
import { HouseholdStatusSchema } from '../household.ts';
import { localized } from '../lang.ts';
import { contract } from './contract.ts';
import { DateString, ForcePaging, Id, IdParam, listOf, QueryId, RegionCode, VersionField } from './fields.ts';

const tags = ['pairings'];

export const PairingKindSchema = z.enum(codesOf(PAIRING_KINDS));
export const MeasureTypeSchema = z.enum(codesOf(MEASURE_TYPES));
export const MeasureStatusSchema = z.enum(codesOf(MEASURE_STATUSES));
export const UnitLevelSchema = z.enum(codesOf(UNIT_LEVELS));

/** A calendar date that exists (2025-02-30 does not). */
export const RealDate = DateString.refine(
  (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
  localized('日期不存在', 'Not a real date'),
);

const name = z.string().trim().max(50).nullable().optional();
const note = z.string().trim().max(500).nullable().optional();

export const CadreRef = z.object({ id: z.number(), name: z.string() });
export const UnitRef = z.object({ id: z.number(), name: z.string(), level: UnitLevelSchema });
const RegionRef = z.object({ code: z.string(), name: z.string() });

/** A pairing as every read shows it (list, create, end, edit, the 409 of a stale write). */
export const PairingView = z.object({
  id: z.number(),
  kind: PairingKindSchema,
  /** The helped side's village. */
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
  version: z.number(),
});
export type PairingView = z.output<typeof PairingView>;

/** A comma-separated list of unit levels in a query string (`central,provincial,city`). */
const UnitLevelList = z
  .string()
  .max(100)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(UnitLevelSchema))
  .optional()
  .describe('comma-separated unit levels (central,provincial,city…)');

export const PairingListQuery = z.object({
  region: RegionCode.optional(),
  kind: PairingKindSchema.optional(),
  personId: QueryId.optional(),
  householdId: QueryId.optional(),
  unitLevel: UnitLevelList,
  /** true (default) = active today, false = ended, all = both. */
  active: z.enum(['true', 'false', 'all']).default('true'),
  ...ForcePaging,
});
export type PairingListQuery = z.output<typeof PairingListQuery>;

/** A new pairing: the fields its kind needs (PAIRING_REQUIRED in core/modules/pairings/rules.ts). */
export const PairingBody = z.object({
  kind: PairingKindSchema,
  regionCode: RegionCode.nullable().optional(),
  householdId: Id.nullable().optional(),
  personId: Id.nullable().optional(),
  unitId: Id.nullable().optional(),
  partnerId: Id.nullable().optional(),
  helperRegionCode: RegionCode.nullable().optional(),
  helperName: name,
  helpedName: name,
  startDate: RealDate,
  note,
});
export type PairingInput = z.output<typeof PairingBody>;

/** What an edit may change: the start date and the note (the two sides stay; end it and pair anew instead). */
export const PairingPatch = z.object({ startDate: RealDate.optional(), note }).strict().extend(VersionField);
export type PairingPatch = z.output<typeof PairingPatch>;

export const PairingEndBody = z.object({ endDate: RealDate }).extend(VersionField);

/** 未落实帮扶责任人 — a registered poor household without an active responsible cadre. */
export const PairingGap = z.object({
  id: z.number(),
  code: z.string(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: HouseholdStatusSchema,
});
export type PairingGap = z.output<typeof PairingGap>;

export const HouseholdsPerCadre = z.array(z.object({ households: z.number(), cadres: z.number() }));

export const PairingSummary = z.object({
  region: RegionRef,
  byKind: z.array(z.object({ kind: PairingKindSchema, pairs: z.number() })),
  gaps: z.number(),
  cadres: z.number(),
  households: z.number(),
  householdsPerCadre: HouseholdsPerCadre,
});
export type PairingSummary = z.output<typeof PairingSummary>;

export const MeasureView = z.object({
  id: z.number(),
  householdId: z.number(),
  householdCode: z.string(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  type: MeasureTypeSchema,
  title: z.string(),
  amount: z.number().nullable(),
  plannedDate: z.string().nullable(),
  doneDate: z.string().nullable(),
  person: CadreRef.nullable(),
  status: MeasureStatusSchema,
  evidence: z.string().nullable(),
  version: z.number(),
});
export type MeasureView = z.output<typeof MeasureView>;

export const MeasureListQuery = z.object({
  region: RegionCode.optional(),
  type: MeasureTypeSchema.optional(),
  status: MeasureStatusSchema.optional(),
  householdId: QueryId.optional(),
  ...ForcePaging,
});
export type MeasureListQuery = z.output<typeof MeasureListQuery>;

const MeasureFields = {
  type: MeasureTypeSchema,
  title: z.string().trim().min(1).max(200),
  amount: z.number().min(0).max(1e10).nullable().optional(),
  plannedDate: RealDate.nullable().optional(),
  doneDate: RealDate.nullable().optional(),
  personId: Id.nullable().optional(),
  status: MeasureStatusSchema,
  evidence: z.string().trim().max(1000).nullable().optional(),
};
export const MeasureBody = z.object({ householdId: Id, ...MeasureFields });
export type MeasureInput = z.output<typeof MeasureBody>;
/** An edit or a status change: the fields sent replace the stored ones; the merged measure is checked again. */
export const MeasurePatch = z.object(MeasureFields).partial().strict().extend(VersionField);
export type MeasurePatch = z.output<typeof MeasurePatch>;

/** A responsible cadre (帮扶责任人) of a household: an active cadre ↔ household pairing, phone masked. */
export const ResponsibleCadre = CadreRef.extend({
  phone: z.string().nullable(),
  post: z.string().nullable(),
  unit: UnitRef.nullable(),
  pairingId: z.number(),
  startDate: z.string(),
});
export type ResponsibleCadre = z.output<typeof ResponsibleCadre>;

export const HouseholdPlan = z.object({
  household: z.object({
    id: z.number(),
    code: z.string(),
    headName: z.string(),
    regionCode: z.string(),
    status: HouseholdStatusSchema,
    mainCause: z.string().nullable(),
    otherCauses: z.array(z.string()),
  }),
  responsible: z.array(ResponsibleCadre),
  measures: z.array(MeasureView),
  suggestedTypes: z.array(MeasureTypeSchema),
});
export type HouseholdPlan = z.output<typeof HouseholdPlan>;

export const pairings = {
  list: contract({
    method: 'GET',
    path: '/api/pairings',
    summary: '结对帮扶列表 Pairings (active: true = active today, false = ended, all = both)',
    tags,
    query: PairingListQuery,
    response: listOf(PairingView),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  create: contract({
    method: 'POST',
    path: '/api/pairings',
    summary: '新建结对 Create pairing (the helped household or village must be in the caller’s scope)',
    tags,
    body: PairingBody,
    response: PairingView,
    status: 201,
    permission: 'force.write',
    scope: 'row',
  }),
  update: contract({
    method: 'PATCH',
    path: '/api/pairings/:id',
    summary: '修改结对（开始日期、备注）Edit pairing (send the version read; 409 when stale)',
    tags,
    params: IdParam,
    body: PairingPatch,
    response: PairingView,
    permission: 'force.write',
    scope: 'row',
    versioned: true,
  }),
  end: contract({
    method: 'POST',
    path: '/api/pairings/:id/end',
    summary: '结束结对 End pairing (send the version read; 409 when stale or already ended)',
    tags,
    params: IdParam,
    body: PairingEndBody,
    response: PairingView,
    permission: 'force.write',
    scope: 'row',
    versioned: true,
  }),
  gaps: contract({
    method: 'GET',
    path: '/api/pairings/gaps',
    summary: '未落实帮扶责任人的贫困户 Poor households without a responsible cadre',
    tags,
    query: z.object({ region: RegionCode.optional(), ...ForcePaging }),
    response: listOf(PairingGap),
    permission: 'household.read',
    scope: { region: 'query', key: 'region' },
  }),
  summary: contract({
    method: 'GET',
    path: '/api/pairings/summary',
    summary: '结对帮扶汇总 Pairing summary (of the region, else the caller’s first scope)',
    tags,
    query: z.object({ region: RegionCode.optional() }),
    response: PairingSummary,
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  plan: contract({
    method: 'GET',
    path: '/api/households/:id/plan',
    summary: '一户一策 Household plan (needs household.read as well)',
    tags,
    params: IdParam,
    response: HouseholdPlan,
    permission: 'force.read',
    scope: 'row',
  }),
};

export const measures = {
  list: contract({
    method: 'GET',
    path: '/api/measures',
    summary: '帮扶措施列表 Measures',
    tags,
    query: MeasureListQuery,
    response: listOf(MeasureView),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  create: contract({
    method: 'POST',
    path: '/api/measures',
    summary: '新增帮扶措施 Create measure',
    tags,
    body: MeasureBody,
    response: MeasureView,
    status: 201,
    permission: 'force.write',
    scope: 'row',
  }),
  update: contract({
    method: 'PATCH',
    path: '/api/measures/:id',
    summary: '修改帮扶措施（含状态）Update measure (send the version read; 409 when stale)',
    tags,
    params: IdParam,
    body: MeasurePatch,
    response: MeasureView,
    permission: 'force.write',
    scope: 'row',
    versioned: true,
  }),
};
