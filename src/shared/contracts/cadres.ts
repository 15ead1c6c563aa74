/**
 * Cadres (干部): the command hierarchy's person record with the help-force fields — list with the statistics'
 * profile filters, detail with the stationing and recall history, create, update (versioned), audited reveal.
 * The views of a stationing and a recall live here too: a cadre's detail carries both.
 */
import { z } from 'zod';
import { codesOf, GENDERS } from '../codes.ts';
import { CADRE_EDUCATION, POLITICAL_STATUSES, STATION_ROLES } from '../forces.ts';
import { contract } from './contract.ts';
import {
  DateString,
  ForcePaging,
  Id,
  IdParam,
  listOf,
  optionalText,
  Phone,
  QueryFlag,
  QueryId,
  QueryYear,
  RegionCode,
  text,
  VersionField,
} from './fields.ts';

const tags = ['cadres'];

export const StationRoleSchema = z.enum(codesOf(STATION_ROLES));

/** A sending / helping unit as other records name it. */
export const UnitRef = z.object({ id: z.number(), name: z.string(), level: z.string() });
export type UnitRef = z.output<typeof UnitRef>;

/** 驻村任职 — a cadre's role for a village over a term (stationed roles and leader links). */
export const StationView = z.object({
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
  /** The planned end of the term. */
  endDate: z.string().nullable(),
  /** The actual end (rotation, completion, recall). */
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** In force today. */
  active: z.boolean(),
  version: z.number(),
});
export type StationView = z.output<typeof StationView>;

/** 召回 — a request to recall a stationed cadre and its decision. */
export const RecallView = z.object({
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
  /** The caller may approve or reject it now (pending, recall.approve in its village). */
  canDecide: z.boolean(),
  version: z.number(),
});
export type RecallView = z.output<typeof RecallView>;

export const CadreView = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  education: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  /** Masked (139****5678); the full number through reveal. */
  phone: z.string().nullable(),
  post: z.string().nullable(),
  rank: z.string().nullable(),
  unit: UnitRef.nullable(),
  /** Where the record is managed. */
  regionCode: z.string(),
  regionName: z.string(),
  /** Current stationings (list) or all of them (detail), inside the caller's scope. */
  stations: z.array(StationView),
  version: z.number(),
});
export type CadreView = z.output<typeof CadreView>;

export const CadreDetail = CadreView.extend({
  /** Masked (420323********123X). */
  idNumber: z.string().nullable(),
  recalls: z.array(RecallView),
  canEdit: z.boolean(),
  canReveal: z.boolean(),
});
export type CadreDetail = z.output<typeof CadreDetail>;

/** The filters of the cadre list — the statistics link here with stationed, sentSince, maxAge, bachelorOrHigher. */
export const CadreListQuery = z.object({
  region: RegionCode.optional(),
  /** Holders of the role now, in a village of the region. */
  role: StationRoleSchema.optional(),
  q: z.string().trim().max(50).optional(),
  unitId: QueryId.optional(),
  /** true: holding a role now; false: holding none. */
  active: QueryFlag,
  /** Current first secretaries and team cadres only (the statistics' "stationed"). */
  stationed: QueryFlag,
  /** Sent to a village (a stationed role) since this year's 1 January, ended stationings too. */
  sentSince: QueryYear.optional(),
  /** Aged at most this many years today. */
  maxAge: z.coerce.number<number | string>().int().min(0).max(120).optional(),
  /** With a bachelor's degree or higher (true) or below it, unknown included (false). */
  bachelorOrHigher: QueryFlag,
  ...ForcePaging,
});
export type CadreListQuery = z.output<typeof CadreListQuery>;

/** A cadre as written: the managing region is required; the rest may be left empty. */
export const CadreInput = z.object({
  name: text(50),
  gender: z.enum(GENDERS).nullable().optional(),
  birthDate: DateString.nullable().optional(),
  /** 18 digits, or its mask sent back unchanged (the stored number is kept). */
  idNumber: z.string().trim().max(30).nullable().optional(),
  education: z.enum(codesOf(CADRE_EDUCATION)).nullable().optional(),
  politicalStatus: z.enum(codesOf(POLITICAL_STATUSES)).nullable().optional(),
  phone: Phone,
  post: optionalText(100),
  rank: optionalText(50),
  unitId: Id.nullable().optional(),
  regionCode: RegionCode,
});
export type CadreInput = z.output<typeof CadreInput>;

/** An edit names only the fields it changes (absent: kept), and the version it read. */
export const CadrePatch = CadreInput.partial().extend(VersionField).strict();
export type CadrePatch = z.output<typeof CadrePatch>;

export const Revealed = z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() });

export const cadres = {
  list: contract({
    method: 'GET',
    path: '/api/cadres',
    summary: '干部列表 Cadres (managed or stationed in the region; by role, unit, profile)',
    tags,
    query: CadreListQuery,
    response: listOf(CadreView),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  detail: contract({
    method: 'GET',
    path: '/api/cadres/:id',
    summary: '干部详情 Cadre (visible where managed and where stationed)',
    tags,
    params: IdParam,
    response: CadreDetail,
    permission: 'force.read',
    scope: 'row',
  }),
  create: contract({
    method: 'POST',
    path: '/api/cadres',
    summary: '新增干部 Create cadre',
    tags,
    body: CadreInput,
    response: CadreDetail,
    status: 201,
    permission: 'force.write',
    scope: { region: 'body', key: 'regionCode' },
  }),
  update: contract({
    method: 'PATCH',
    path: '/api/cadres/:id',
    summary: '修改干部 Update cadre (send the version read: body version or If-Match; 409 when stale)',
    tags,
    params: IdParam,
    body: CadrePatch,
    response: CadreDetail,
    permission: 'force.write',
    scope: 'row',
    versioned: true,
  }),
  reveal: contract({
    method: 'POST',
    path: '/api/cadres/:id/reveal',
    summary: '查看完整身份证号和电话（留痕）Reveal ID number and phone (audited)',
    tags,
    params: IdParam,
    response: Revealed,
    permission: 'force.read',
    scope: 'row',
  }),
};
