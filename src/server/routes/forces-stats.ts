import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIVE_ONES } from '../../core/modules/cadres/rules.ts';
import { fiveOnesList, villageFiveOnes } from '../../core/modules/stats/five-ones.ts';
import { cadreStats } from '../../core/modules/stats/forces.ts';
import { actorOf } from '../plugins/auth.ts';
import { CodeParam, QueryFlag as bool } from '../schemas.ts';
import type { Deps } from './deps.ts';

const FiveOne = z.enum(FIVE_ONES);
const RegionRef = z.object({ code: z.string(), name: z.string() });
const CadreRef = z.object({ id: z.number(), name: z.string() });
const UnitRef = z.object({ id: z.number(), name: z.string(), level: z.string() });
const Share = z.object({ count: z.number(), share: z.number() });
const counts = z.object(Object.fromEntries(FIVE_ONES.map((f) => [f, z.number()])) as Record<FiveOne, z.ZodNumber>);
type FiveOne = (typeof FIVE_ONES)[number];

const CadreStats = z.object({
  region: RegionRef.extend({ level: z.string() }),
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
  pairs: z.array(z.object({ kind: z.string(), pairs: z.number() })),
  pairingCadres: z.number(),
  pairedHouseholds: z.number(),
  householdsPerPairingCadre: z.array(z.object({ households: z.number(), cadres: z.number() })),
  recalls: z.object({
    total: z.number(),
    pending: z.number(),
    byReason: z.array(z.object({ reason: z.string(), count: z.number() })),
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

const VillageFiveOnes = z.object({
  code: z.string(),
  name: z.string(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
  poor: z.boolean(),
  complete: z.boolean(),
  missing: z.array(FiveOne),
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

const FiveOnesList = z.object({
  region: RegionRef,
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      townshipCode: z.string().nullable(),
      townshipName: z.string().nullable(),
      poor: z.boolean(),
      complete: z.boolean(),
      missing: z.array(FiveOne),
      present: counts,
    }),
  ),
  total: z.number(),
  villages: z.number(),
  complete: z.number(),
  gaps: z.array(z.object({ kind: FiveOne, villages: z.number() })),
});

export const forceStatsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const tags = ['forces-stats'];

    app.get(
      '/api/stats/cadres',
      {
        schema: {
          tags,
          summary: '帮扶力量统计 Help-force statistics',
          querystring: z.object({
            region: z.string().max(20).optional(),
            since: z.coerce.number().int().min(2000).max(2100).optional(),
          }),
          response: { 200: CadreStats },
        },
      },
      async (req) => cadreStats(db, actorOf(req), req.query.region, { since: req.query.since }),
    );

    app.get(
      '/api/villages/:code/five-ones',
      {
        schema: {
          tags,
          summary: '村“五个一”落实情况 Five ones of a village',
          params: CodeParam,
          response: { 200: VillageFiveOnes },
        },
      },
      async (req) => villageFiveOnes(db, actorOf(req), req.params.code),
    );

    app.get(
      '/api/five-ones',
      {
        schema: {
          tags,
          summary: '“五个一”缺项村 Villages and their five-ones gaps',
          querystring: z.object({
            region: z.string().max(20).optional(),
            missing: bool,
            kind: FiveOne.optional(),
            poorOnly: bool,
            page: z.coerce.number().int().min(1).max(100_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: FiveOnesList },
        },
      },
      async (req) => fiveOnesList(db, actorOf(req), req.query),
    );
  };
