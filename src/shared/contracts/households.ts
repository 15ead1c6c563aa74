/** The household register (建档立卡): list with filters, detail, create, update, the household card, reveal. */
import { z } from 'zod';
import { HouseholdInputSchema, HouseholdStatusSchema } from '../household.ts';
import { DECIDING_LEVELS } from '../workflow.ts';
import { contract } from './contract.ts';
import { IdParam, listOf, Paging, QueryFlag, QueryYear, RegionCode, VersionField } from './fields.ts';

const tags = ['households'];

/** A comma-separated list of statuses in a query string (`poor,returned`). */
const StatusList = z
  .string()
  .max(200)
  .optional()
  .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
  .pipe(z.array(HouseholdStatusSchema).optional());

export const HOUSEHOLD_FLAGS = ['duplicate_id', 'missing_indicator'] as const;
export const HOUSEHOLD_SORTS = ['code', 'head', 'persons', 'income', '-persons', '-income'] as const;

/**
 * The filters of the household list — the same for the list, the export and every link that opens the list
 * (a statistics number drills to `/households?region=…&status=poor,returned`).
 */
export const HouseholdFilters = z.object({
  region: RegionCode.optional(),
  status: StatusList,
  /** Status in the selected year's record (history), rather than the current one. */
  yearStatus: StatusList,
  attribute: z.string().max(20).optional(),
  /** Main or other cause. */
  cause: z.string().max(30).optional(),
  mainCause: z.string().max(30).optional(),
  housingGrade: z.string().max(1).optional(),
  incomeMin: z.coerce.number<number | string>().min(0).max(1e9).optional(),
  incomeMax: z.coerce.number<number | string>().min(0).max(1e9).optional(),
  flag: z.enum(HOUSEHOLD_FLAGS).optional(),
  /** An identification or exit under way whose next step this level decides (the workbench's to-do). */
  awaiting: z.enum(DECIDING_LEVELS).optional(),
  q: z.string().trim().max(50).optional(),
  year: QueryYear.optional(),
});
export type HouseholdFilter = z.output<typeof HouseholdFilters>;
export const HOUSEHOLD_FILTER_KEYS = Object.keys(HouseholdFilters.shape) as (keyof HouseholdFilter)[];

export const HouseholdListQuery = HouseholdFilters.extend({
  sort: z.enum(HOUSEHOLD_SORTS).optional(),
  ...Paging,
});
export type HouseholdListQuery = z.output<typeof HouseholdListQuery>;

export const HouseholdRow = z.object({
  id: z.number(),
  code: z.string(),
  regionCode: z.string(),
  villageName: z.string(),
  groupName: z.string().nullable(),
  headName: z.string(),
  persons: z.number(),
  status: HouseholdStatusSchema,
  attribute: z.string().nullable(),
  mainCause: z.string().nullable(),
  otherCauses: z.array(z.string()),
  housingGrade: z.string().nullable(),
  identifiedYear: z.number().nullable(),
  exitedYear: z.number().nullable(),
  perCapitaIncome: z.number().nullable(),
});
export type HouseholdRow = z.output<typeof HouseholdRow>;

export const HouseholdPage = listOf(HouseholdRow).extend({ year: z.number() });

export const MemberView = z.object({
  id: z.number(),
  name: z.string(),
  /** Masked (420323********123X); the full number through reveal. */
  idNumber: z.string().nullable(),
  /** The ID number appears in another household too. */
  duplicateId: z.boolean(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  relation: z.string().nullable(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  studentStatus: z.string().nullable(),
  health: z.string().nullable(),
  labour: z.string().nullable(),
  workStatus: z.string().nullable(),
  migrantMonths: z.number().nullable(),
  migrantPlace: z.string().nullable(),
  medicalInsurance: z.boolean(),
  pensionInsurance: z.boolean(),
  dibao: z.boolean(),
  partyMember: z.boolean(),
  /** Masked (139****0001). */
  phone: z.string().nullable(),
});
export type MemberView = z.output<typeof MemberView>;

const indicator = z.boolean().nullable();
export const YearView = z.object({
  year: z.number(),
  status: HouseholdStatusSchema,
  persons: z.number(),
  incomeWage: z.number(),
  incomeBusiness: z.number(),
  incomeTransfer: z.number(),
  incomeProperty: z.number(),
  productionCost: z.number(),
  netIncome: z.number(),
  perCapitaIncome: z.number(),
  foodClothing: indicator,
  education: indicator,
  medical: indicator,
  housing: indicator,
  water: indicator,
});
export type YearView = z.output<typeof YearView>;

/** A step of the identification, exit or return workflow as recorded. */
export const HouseholdEventView = z.object({
  id: z.number(),
  workflow: z.string(),
  step: z.string(),
  /** Localised step name (the workflow endpoints send it). */
  label: z.string().optional(),
  date: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  attachments: z.array(z.unknown()),
});
export type HouseholdEventView = z.output<typeof HouseholdEventView>;

export const HouseholdDetail = z.object({
  id: z.number(),
  code: z.string(),
  countyCode: z.string(),
  regionCode: z.string(),
  villageName: z.string(),
  groupCode: z.string().nullable(),
  groupName: z.string().nullable(),
  headName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  housingGrade: z.string().nullable(),
  attribute: z.string().nullable(),
  mainCause: z.string().nullable(),
  otherCauses: z.array(z.string()),
  status: HouseholdStatusSchema,
  identifiedYear: z.number().nullable(),
  exitedYear: z.number().nullable(),
  persons: z.number(),
  version: z.number(),
  canReveal: z.boolean(),
  canEdit: z.boolean(),
  members: z.array(MemberView),
  years: z.array(YearView),
  events: z.array(HouseholdEventView),
});
export type HouseholdDetail = z.output<typeof HouseholdDetail>;

/** The export takes the list's filters, a region (required), the format and whether to mask everything. */
export const HouseholdExportQuery = HouseholdFilters.extend({
  region: RegionCode,
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  mask: QueryFlag,
});

/** 导出当前列表: the list's filters and sort, a region (required); always xlsx, one row per household. */
export const HouseholdListExportQuery = HouseholdFilters.extend({
  region: RegionCode,
  sort: z.enum(HOUSEHOLD_SORTS).optional(),
});

const Saved = z.object({ id: z.number(), version: z.number() });
const Revealed = z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() });

export const households = {
  list: contract({
    method: 'GET',
    path: '/api/households',
    summary: '农户列表 Households',
    tags,
    query: HouseholdListQuery,
    response: HouseholdPage,
    permission: 'household.read',
    scope: { region: 'query', key: 'region' },
  }),
  detail: contract({
    method: 'GET',
    path: '/api/households/:id',
    summary: '农户详情 Household',
    tags,
    params: IdParam,
    response: HouseholdDetail,
    permission: 'household.read',
    scope: 'row',
  }),
  create: contract({
    method: 'POST',
    path: '/api/households',
    summary: '新增农户 Create household',
    tags,
    body: HouseholdInputSchema,
    response: Saved,
    status: 201,
    permission: 'household.write',
    scope: { region: 'body', key: 'villageCode' },
  }),
  update: contract({
    method: 'PUT',
    path: '/api/households/:id',
    summary: '修改农户 Update household (send the version read: body version or If-Match; 409 when stale)',
    tags,
    params: IdParam,
    body: HouseholdInputSchema.extend(VersionField),
    response: Saved,
    permission: 'household.write',
    scope: 'row',
    versioned: true,
  }),
  card: contract({
    method: 'GET',
    path: '/api/households/:id/card.docx',
    summary: '明白卡（Word）Household card (cadre phones in full for pii.reveal, audited; mask=true masks them)',
    tags,
    params: IdParam,
    query: z.object({ mask: QueryFlag }),
    response: 'file',
    permission: 'household.read',
    scope: 'row',
  }),
  export: contract({
    method: 'GET',
    path: '/api/households/export',
    summary: '导出导入格式 Export households in the import layout (xlsx or csv, one row per person), masked per role',
    tags: ['imports'],
    query: HouseholdExportQuery,
    response: 'file',
    permission: 'household.read',
    scope: { region: 'query', key: 'region' },
  }),
  exportList: contract({
    method: 'GET',
    path: '/api/households/export-list',
    summary:
      '导出当前列表 Export the household list as shown: one row per household, its columns, filters and sort (xlsx)',
    tags,
    query: HouseholdListExportQuery,
    response: 'file',
    permission: 'household.read',
    scope: { region: 'query', key: 'region' },
  }),
  reveal: contract({
    method: 'POST',
    path: '/api/households/:id/reveal',
    summary: '查看完整身份证号/电话（留痕）Reveal (audited)',
    tags,
    params: IdParam,
    body: z.object({ memberId: z.number().int().positive().optional() }).optional(),
    response: Revealed,
    permission: 'household.read',
    scope: 'row',
  }),
};
