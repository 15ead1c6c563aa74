/**
 * Work teams (驻村工作队), stationing (驻村/包联: first secretaries, team leaders and members, Party-building
 * instructors, county and township leader links) and recalls (召回). Writes of stationing and teams need
 * force.station in the village; a recall is requested with recall.request and decided with recall.approve.
 */
import { z } from 'zod';
import { codesOf } from '../codes.ts';
import { APPROVAL_STATUSES, RECALL_REASONS, STATION_END_REASONS } from '../forces.ts';
import { contract } from './contract.ts';
import { RecallView, StationRoleSchema, StationView, UnitRef } from './cadres.ts';
import {
  DateString,
  DecisionBody,
  ForcePaging,
  Id,
  IdParam,
  listOf,
  optionalText,
  QueryFlag,
  QueryId,
  RegionCode,
  text,
  VersionField,
} from './fields.ts';

const tags = ['cadres'];

export const TeamMember = z.object({ stationId: z.number(), personId: z.number(), name: z.string(), role: z.string() });
export type TeamMember = z.output<typeof TeamMember>;

export const TeamView = z.object({
  id: z.number(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  unit: UnitRef.nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** Cadres stationed in the team now. */
  size: z.number(),
  /** The policy minimum (team_min_size). */
  minimum: z.number(),
  belowMinimum: z.boolean(),
  members: z.array(TeamMember),
  version: z.number(),
});
export type TeamView = z.output<typeof TeamView>;

/** A page of teams; `belowMinimum` counts the teams of the whole filter below the minimum, not the page's. */
export const TeamPage = listOf(TeamView).extend({ belowMinimum: z.number() });
export type TeamPage = z.output<typeof TeamPage>;

export const TeamListQuery = z.object({
  region: RegionCode.optional(),
  belowMinimum: QueryFlag,
  /** Teams not ended (the default), or every team (false). */
  active: QueryFlag,
  ...ForcePaging,
});
export type TeamListQuery = z.output<typeof TeamListQuery>;

export const TeamInput = z.object({
  /** The village. */
  regionCode: RegionCode,
  name: text(100),
  unitId: Id.nullable().optional(),
  startDate: DateString,
  endDate: DateString.nullable().optional(),
});
export type TeamInput = z.output<typeof TeamInput>;
export const TeamPatch = TeamInput.partial().extend(VersionField).strict();
export type TeamPatch = z.output<typeof TeamPatch>;

export const StationListQuery = z.object({
  region: RegionCode.optional(),
  /** One role or several, comma-separated (the work-team cadres: `team_leader,team_member`). */
  role: z
    .string()
    .max(200)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(StationRoleSchema).optional()),
  /** In force today (the default), ended or not started (false), or all. */
  active: z
    .enum(['true', 'false', 'all'])
    .default('true')
    .transform((v) => (v === 'all' ? undefined : v === 'true')),
  personId: QueryId.optional(),
  teamId: QueryId.optional(),
  ...ForcePaging,
});
export type StationListQuery = z.output<typeof StationListQuery>;

export const StationInput = z.object({
  personId: Id,
  /** The village. */
  regionCode: RegionCode,
  role: StationRoleSchema,
  teamId: Id.nullable().optional(),
  /** The sending unit (absent: the cadre's own unit). */
  unitId: Id.nullable().optional(),
  startDate: DateString,
  endDate: DateString.nullable().optional(),
});
export type StationInput = z.output<typeof StationInput>;

/** Ending a term: the day and why (a recall ends it through its approval instead). */
export const StationEndInput = z.object({
  endedOn: DateString,
  reason: z.enum(codesOf(STATION_END_REASONS).filter((r) => r !== 'recall') as ['completed', 'rotation', 'other']),
});
export type StationEndInput = z.output<typeof StationEndInput>;

export const RecallListQuery = z.object({
  region: RegionCode.optional(),
  status: z.enum(codesOf(APPROVAL_STATUSES)).optional(),
  personId: QueryId.optional(),
  ...ForcePaging,
});
export type RecallListQuery = z.output<typeof RecallListQuery>;

export const RecallInput = z.object({
  stationId: Id,
  reason: z.enum(codesOf(RECALL_REASONS)),
  note: optionalText(500),
  effectiveDate: DateString,
});
export type RecallInput = z.output<typeof RecallInput>;

export const RecallDecision = DecisionBody.extend(VersionField);
export type RecallDecision = z.output<typeof RecallDecision>;

export const teams = {
  list: contract({
    method: 'GET',
    path: '/api/teams',
    summary: '驻村工作队 Work teams',
    tags,
    query: TeamListQuery,
    response: TeamPage,
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  detail: contract({
    method: 'GET',
    path: '/api/teams/:id',
    summary: '工作队 Work team',
    tags,
    params: IdParam,
    response: TeamView,
    permission: 'force.read',
    scope: 'row',
  }),
  create: contract({
    method: 'POST',
    path: '/api/teams',
    summary: '新建工作队 Create work team',
    tags,
    body: TeamInput,
    response: TeamView,
    status: 201,
    permission: 'force.station',
    scope: { region: 'body', key: 'regionCode' },
  }),
  update: contract({
    method: 'PATCH',
    path: '/api/teams/:id',
    summary: '修改工作队 Update work team (versioned)',
    tags,
    params: IdParam,
    body: TeamPatch,
    response: TeamView,
    permission: 'force.station',
    scope: 'row',
    versioned: true,
  }),
};

export const stations = {
  list: contract({
    method: 'GET',
    path: '/api/stations',
    summary: '驻村与包联 Stationings',
    tags,
    query: StationListQuery,
    response: listOf(StationView),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  detail: contract({
    method: 'GET',
    path: '/api/stations/:id',
    summary: '驻村记录 Stationing',
    tags,
    params: IdParam,
    response: StationView,
    permission: 'force.read',
    scope: 'row',
  }),
  create: contract({
    method: 'POST',
    path: '/api/stations',
    summary: '选派驻村/包联 Station a cadre',
    tags,
    body: StationInput,
    response: StationView,
    status: 201,
    permission: 'force.station',
    scope: { region: 'body', key: 'regionCode' },
  }),
  end: contract({
    method: 'POST',
    path: '/api/stations/:id/end',
    summary: '结束驻村（轮换、期满）End a stationing (versioned)',
    tags,
    params: IdParam,
    body: StationEndInput.extend(VersionField),
    response: StationView,
    permission: 'force.station',
    scope: 'row',
    versioned: true,
  }),
};

export const recalls = {
  list: contract({
    method: 'GET',
    path: '/api/recalls',
    summary: '召回记录 Recalls',
    tags,
    query: RecallListQuery,
    response: listOf(RecallView),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  request: contract({
    method: 'POST',
    path: '/api/recalls',
    summary: '申请召回 Request a recall',
    tags,
    body: RecallInput,
    response: RecallView,
    status: 201,
    permission: 'recall.request',
    scope: 'row',
  }),
  decide: contract({
    method: 'POST',
    path: '/api/recalls/:id/decide',
    summary: '审批召回 Decide a recall (versioned: of two approvers at once, one wins, the other gets 409)',
    tags,
    params: IdParam,
    body: RecallDecision,
    response: RecallView,
    permission: 'recall.approve',
    scope: 'row',
    versioned: true,
  }),
};
