/**
 * Statistics of the household register (建档立卡) for a region: poverty incidence (贫困发生率) by child region, and
 * the register's breakdowns (by cause, attribute, status, housing grade) with the income distribution of a year.
 * The region is the `region` query (short or padded code; 404 unknown, 403 outside the caller's scope) or, when
 * absent, the caller's first scope. The statistics page, the region page and the workbench read them.
 */
import { z } from 'zod';
import { contract } from './contract.ts';
import { QueryYear, RegionCode } from './fields.ts';

const tags = ['stats'];

/** The region the statistics are of. */
export const StatsRegion = z.object({ code: z.string(), name: z.string(), level: z.string() });

/** Households and persons, the poor among them, and the incidence (poor persons ÷ persons; 0 when none). */
export const PovertyCounts = z.object({
  households: z.number(),
  persons: z.number(),
  poorHouseholds: z.number(),
  poorPersons: z.number(),
  incidence: z.number(),
});
export type PovertyCounts = z.output<typeof PovertyCounts>;

export const PovertyByChild = PovertyCounts.extend({ code: z.string(), name: z.string(), level: z.string() });
export type PovertyByChild = z.output<typeof PovertyByChild>;

export const PovertyIncidenceQuery = z.object({
  region: RegionCode.optional(),
  by: z.enum(['child']).default('child'),
  /** Poor households and persons from that year's records; without it, from the households' current status. */
  year: QueryYear.optional(),
});
export type PovertyIncidenceQuery = z.output<typeof PovertyIncidenceQuery>;

export const PovertyIncidence = z.object({
  region: StatsRegion,
  year: z.number().nullable(),
  /** The region's total (absent for a group, which has no child regions). */
  total: PovertyCounts.optional(),
  items: z.array(PovertyByChild),
});
export type PovertyIncidence = z.output<typeof PovertyIncidence>;

/** The region's incidence in one year: that year's poor households and persons ÷ the register's persons. */
export const IncidenceYear = z.object({
  year: z.number(),
  persons: z.number(),
  poorHouseholds: z.number(),
  poorPersons: z.number(),
  incidence: z.number(),
});
export type IncidenceYear = z.output<typeof IncidenceYear>;

/** Households and persons with one code (a cause, an attribute, a status, a housing grade; '' = none). */
export const CodeCount = z.object({ code: z.string(), households: z.number(), persons: z.number() });
export type CodeCount = z.output<typeof CodeCount>;

/** Households whose per-capita net income of the year lies in [lo, hi) yuan (hi null: open). */
export const IncomeBucket = z.object({ lo: z.number(), hi: z.number().nullable(), households: z.number() });
export type IncomeBucket = z.output<typeof IncomeBucket>;

export const RegisterBreakdownQuery = z.object({
  region: RegionCode.optional(),
  /** The year of the income distribution and the poverty line (the latest year with records by default). */
  year: QueryYear.optional(),
});
export type RegisterBreakdownQuery = z.output<typeof RegisterBreakdownQuery>;

export const RegisterBreakdown = z.object({
  region: StatsRegion,
  year: z.number(),
  /** The year's poverty line for the region's province (null when none is set). */
  povertyLine: z.number().nullable(),
  /** Registered households (poor, exited, returned) by main cause. */
  byCause: z.array(CodeCount),
  byAttribute: z.array(CodeCount),
  /** Every household by current status. */
  byStatus: z.array(CodeCount),
  byHousingGrade: z.array(CodeCount),
  incomeDistribution: z.array(IncomeBucket),
});
export type RegisterBreakdown = z.output<typeof RegisterBreakdown>;

const region = { region: 'query', key: 'region' } as const;

export const stats = {
  povertyIncidence: contract({
    method: 'GET',
    path: '/api/stats/poverty',
    summary: '贫困发生率（按下级区域）Poverty incidence by child region',
    tags,
    query: PovertyIncidenceQuery,
    response: PovertyIncidence,
    permission: 'household.read',
    scope: region,
  }),
  registerBreakdown: contract({
    method: 'GET',
    path: '/api/stats/register',
    summary: '建档立卡结构统计 Register breakdowns and income distribution',
    tags,
    query: RegisterBreakdownQuery,
    response: RegisterBreakdown,
    permission: 'household.read',
    scope: region,
  }),
};
