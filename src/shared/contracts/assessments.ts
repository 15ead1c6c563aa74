/**
 * 考核表彰 — half-year and annual assessments (半年/年度考核) of stationed cadres with their evidence, and honours
 * (表彰). One assessment per cadre and period: saving it again corrects it, with the version read.
 */
import { z } from 'zod';
import { codesOf } from '../codes.ts';
import { ASSESSMENT_GRADES, ASSESSMENT_KINDS, HONOURS } from '../forces.ts';
import { contract } from './contract.ts';
import { StationRoleSchema } from './duty.ts';
import {
  ForcePaging,
  Id,
  IdParam,
  listOf,
  optionalText,
  QueryId,
  QueryYear,
  RegionCode,
  VersionField,
  Year,
} from './fields.ts';

const tags = ['duty'];

export const AssessmentKindSchema = z.enum(codesOf(ASSESSMENT_KINDS));
export const AssessmentGradeSchema = z.enum(codesOf(ASSESSMENT_GRADES));
export const HonourSchema = z.enum(codesOf(HONOURS));

export const AssessmentBody = z
  .object({
    personId: Id,
    kind: AssessmentKindSchema,
    period: z.string().trim().max(10),
    grade: AssessmentGradeSchema,
    score: z.number().int().min(0).max(100).nullable().optional(),
    comments: optionalText(1000),
  })
  .extend(VersionField);
export type AssessmentBody = z.output<typeof AssessmentBody>;

export const AssessmentQuery = z.object({
  region: RegionCode.optional(),
  period: z.string().max(10).optional(),
  grade: AssessmentGradeSchema.optional(),
  personId: QueryId.optional(),
  ...ForcePaging,
});
export type AssessmentQuery = z.output<typeof AssessmentQuery>;

export const Assessment = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  /** The stationed role held in the assessed village over the period. */
  role: StationRoleSchema.nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: AssessmentKindSchema,
  period: z.string(),
  grade: AssessmentGradeSchema,
  score: z.number().nullable(),
  comments: z.string().nullable(),
  assessedBy: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Assessment = z.output<typeof Assessment>;

export const Evidence = z.object({
  personId: z.number(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  checkInDays: z.number(),
  approvedLeaveDays: z.number(),
  awayDays: z.number(),
  unapprovedAwayDays: z.number(),
  logs: z.number(),
  recentLogs: z.array(z.object({ day: z.string(), content: z.string() })),
  leaves: z.number(),
  leaveList: z.array(z.object({ startDate: z.string(), endDate: z.string(), days: z.number() })),
});
export type Evidence = z.output<typeof Evidence>;

export const HonourBody = z.object({
  personId: Id,
  title: HonourSchema,
  year: Year,
  awardedBy: optionalText(100),
  note: optionalText(200),
});
export type HonourBody = z.output<typeof HonourBody>;

export const HonourQuery = z.object({
  region: RegionCode.optional(),
  year: QueryYear.optional(),
  personId: QueryId.optional(),
  title: HonourSchema.optional(),
  ...ForcePaging,
});
export type HonourQuery = z.output<typeof HonourQuery>;

export const Honour = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  title: HonourSchema,
  year: z.number(),
  awardedBy: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type Honour = z.output<typeof Honour>;

export const assessments = {
  list: contract({
    method: 'GET',
    path: '/api/assessments',
    summary: '考核 Assessments',
    tags,
    query: AssessmentQuery,
    response: listOf(Assessment),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  save: contract({
    method: 'POST',
    path: '/api/assessments',
    summary:
      '考核（同一期间再次提交即修改）Assess a cadre, one assessment per period: a correction sends the version read; ' +
      '409 with the current assessment when it moved on, or when one exists and no version was sent',
    tags,
    body: AssessmentBody,
    response: Assessment,
    permission: 'force.assess',
    scope: 'row',
    versioned: true,
  }),
  evidence: contract({
    method: 'GET',
    path: '/api/cadres/:id/evidence',
    summary: '考核依据 Assessment evidence (attendance, logs, leave)',
    tags,
    params: IdParam,
    query: z.object({ period: z.string().trim().max(10) }),
    response: Evidence,
    permission: 'force.read',
    scope: 'row',
  }),
  honours: contract({
    method: 'GET',
    path: '/api/honours',
    summary: '表彰 Honours',
    tags,
    query: HonourQuery,
    response: listOf(Honour),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  addHonour: contract({
    method: 'POST',
    path: '/api/honours',
    summary: '登记表彰 Record an honour',
    tags,
    body: HonourBody,
    response: Honour,
    status: 201,
    permission: 'force.assess',
    scope: 'row',
  }),
};
