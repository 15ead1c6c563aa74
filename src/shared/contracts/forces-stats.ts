/**
 * Help-force statistics (帮扶力量统计) and the five ones (五个一) per village: the figures of a region (the one
 * asked, else the caller's first scope), one village's five with names, and the villages with their gaps.
 */
import { z } from 'zod';
import { codesOf } from '../codes.ts';
import { PAIRING_KINDS, RECALL_REASONS } from '../forces.ts';
import { REGION_LEVELS } from '../codes.ts';
import { contract } from './contract.ts';
import { CodeParam, ForcePaging, QueryFlag, QueryYear, RegionCode } from './fields.ts';
import { CadreRef, HouseholdsPerCadre, UnitRef } from './pairings.ts';

const tags = ['forces-stats'];

/** 五个一 — a county leader and a township leader linked, a county-or-higher unit paired, a first secretary, an instructor. */
export const FIVE_ONES = ['county_leader', 'township_leader', 'paired_unit', 'first_secretary', 'instructor'] as const;
export type FiveOne = (typeof FIVE_ONES)[number];
export const FiveOneSchema = z.enum(FIVE_ONES);

const RegionRef = z.object({ code: z.string(), name: z.string() });
const Share = z.object({ count: z.number(), share: z.number() });
const perFive = <T extends z.ZodType>(t: T) =>
  z.object(Object.fromEntries(FIVE_ONES.map((f) => [f, t])) as Record<FiveOne, T>);

export const CadreStats = z.object({
  region: RegionRef.extend({ level: z.enum(REGION_LEVELS) }),
  /** Cadres sent to villages (stationed roles) since a year: distinct cadres and stationings (人次). */
  sent: z.object({ since: z.number(), cadres: z.number(), stationings: z.number() }),
  /** Units above the county (central, provincial, city) with an active unit–village pairing. */
  higherUnits: z.number(),
  /** 万企帮万村: enterprises with an active enterprise–village pairing, and their villages. */
  enterprises: z.object({ partners: z.number(), villages: z.number() }),
  today: z.string(),
  firstSecretaries: z.number(),
  teamCadres: z.number(),
  teams: z.number(),
  villages: z.number(),
  villagesWithTeam: z.number(),
  cadresPerVillage: z.number(),
  teamsPerVillage: z.number(),
  stationed: z.number(),
  youngAgeMax: z.number(),
  aged45OrUnder: Share,
  bachelorOrHigher: Share,
  firstSecretaryShares: z.object({ total: z.number(), aged45OrUnder: Share, bachelorOrHigher: Share }),
  byChild: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      villages: z.number(),
      villagesWithTeam: z.number(),
      firstSecretaries: z.number(),
      teamCadres: z.number(),
      teams: z.number(),
    }),
  ),
  pairs: z.array(z.object({ kind: z.enum(codesOf(PAIRING_KINDS)), pairs: z.number() })),
  pairingCadres: z.number(),
  pairedHouseholds: z.number(),
  householdsPerPairingCadre: HouseholdsPerCadre,
  recalls: z.object({
    total: z.number(),
    pending: z.number(),
    byReason: z.array(z.object({ reason: z.enum(codesOf(RECALL_REASONS)), count: z.number() })),
  }),
  days: z.object({
    year: z.number(),
    minimum: z.number(),
    behind: z.number(),
    distribution: z.array(z.object({ lo: z.number(), hi: z.number().nullable(), cadres: z.number() })),
  }),
  smallTeams: z.number(),
  teamMinSize: z.number(),
});
export type CadreStats = z.output<typeof CadreStats>;

const VillageHead = {
  code: z.string(),
  name: z.string(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
  poor: z.boolean(),
  complete: z.boolean(),
  missing: z.array(FiveOneSchema),
};

export const VillageFiveOnes = z.object({
  ...VillageHead,
  present: z.object({
    county_leader: z.array(CadreRef),
    township_leader: z.array(CadreRef),
    paired_unit: z.array(UnitRef),
    first_secretary: z.array(CadreRef),
    instructor: z.array(CadreRef),
  }),
  /** Active unit pairings that do not count (a unit below county level). */
  otherUnits: z.array(UnitRef),
});
export type VillageFiveOnes = z.output<typeof VillageFiveOnes>;

export const FiveOnesRow = z.object({ ...VillageHead, present: perFive(z.number()) });
export type FiveOnesRow = z.output<typeof FiveOnesRow>;

export const FiveOnesList = z.object({
  region: RegionRef,
  items: z.array(FiveOnesRow),
  total: z.number(),
  villages: z.number(),
  complete: z.number(),
  gaps: z.array(z.object({ kind: FiveOneSchema, villages: z.number() })),
});
export type FiveOnesList = z.output<typeof FiveOnesList>;

export const FiveOnesQuery = z.object({
  region: RegionCode.optional(),
  /** Only villages with a gap. */
  missing: QueryFlag,
  /** Only villages missing this one. */
  kind: FiveOneSchema.optional(),
  poorOnly: QueryFlag,
  ...ForcePaging,
});
export type FiveOnesQuery = z.output<typeof FiveOnesQuery>;

export const forceStats = {
  cadres: contract({
    method: 'GET',
    path: '/api/stats/cadres',
    summary: '帮扶力量统计 Help-force statistics (of the region, else the caller’s first scope)',
    tags,
    query: z.object({ region: RegionCode.optional(), since: QueryYear.optional() }),
    response: CadreStats,
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  village: contract({
    method: 'GET',
    path: '/api/villages/:code/five-ones',
    summary: '村“五个一”落实情况 Five ones of a village',
    tags,
    params: CodeParam,
    response: VillageFiveOnes,
    permission: 'force.read',
    scope: { region: 'params', key: 'code' },
  }),
  list: contract({
    method: 'GET',
    path: '/api/five-ones',
    summary: '“五个一”缺项村 Villages and their five-ones gaps',
    tags,
    query: FiveOnesQuery,
    response: FiveOnesList,
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
};
