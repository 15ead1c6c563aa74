/**
 * The "five ones" (五个一) per village: a county leader and a township leader linked, a county-or-higher
 * unit paired, a first secretary and a Party-building instructor. The queries only gather what each
 * village has (current stations by role, active unit–village pairings with the unit's level); the pure
 * rule fiveOnesGaps (cadres/rules.ts) decides what is missing. The list computes every village of the
 * region in three grouped queries, then filters and paginates in memory.
 */
import type { FiveOnesQuery } from '../../../shared/contracts/forces-stats.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import type { Db } from '../../db/index.ts';
import { invalid, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { FIVE_ONES, fiveOnesGaps, type FiveOne, type UnitLevel } from '../cadres/rules.ts';
import { parentOf } from '../../../shared/regions.ts';
import { findRegions } from '../regions/repo.ts';
import { countsAsPairedUnit } from './forces-rules.ts';
import { reportScope } from './forces.ts';
import { activeOn } from '../cadres/repo.ts';

/** The roles whose current stationing fills one of the five (the fifth is the paired unit). */
const LINK_ROLES = ['county_leader', 'township_leader', 'first_secretary', 'instructor'] as const;
type LinkRole = (typeof LINK_ROLES)[number];

interface CadreRef {
  id: number;
  name: string;
}
interface UnitRef {
  id: number;
  name: string;
  level: UnitLevel;
}

const gapsOf = (count: (role: LinkRole) => number, unitLevels: readonly string[]): FiveOne[] =>
  fiveOnesGaps({
    countyLeaders: count('county_leader'),
    townshipLeaders: count('township_leader'),
    firstSecretaries: count('first_secretary'),
    instructors: count('instructor'),
    pairedUnitLevels: unitLevels as UnitLevel[],
  });

/**
 * GET /api/villages/:code/five-ones — which of the five a village has, with names, and which are missing. The
 * scope is the village's (force.read), resolved from the path.
 */
export async function villageFiveOnes(db: Db, scope: Scope) {
  const asked = scope.region;
  if (!asked) throw notFound(msg('未指定村', 'No village named'));
  if (asked.level !== 'village')
    throw invalid(
      'code',
      msg(`${asked.name}（${asked.code}）不是村`, `${asked.name} (${asked.code}) is not a village`),
    );
  const today = todayInChina();
  const township = parentOf(asked.code)!;
  // The village's flags and its township's name come with the other reads (the scope has the village's code only).
  const [stations, units, regions] = await Promise.all([
    db
      .selectFrom('stationing as s')
      .innerJoin('person as c', 'c.id', 's.person_id')
      .select(['s.role as role', 'c.id as id', 'c.name as name'])
      .where('s.region_code', '=', asked.code)
      .where('s.role', 'in', LINK_ROLES as unknown as string[])
      .where(activeOn('s', today))
      .orderBy('s.start_date')
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('pairing as p')
      .innerJoin('help_unit as u', 'u.id', 'p.unit_id')
      .select(['u.id as id', 'u.name as name', 'u.level as level'])
      .where('p.region_code', '=', asked.code)
      .where('p.kind', '=', 'unit_village')
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]))
      .orderBy('u.id')
      .execute(),
    findRegions(db, [asked.code, township]),
  ]);
  const village = regions.find((r) => r.code === asked.code);
  if (!village) throw notFound(msg(`区划不存在：${asked.code}`, `Region not found: ${asked.code}`));
  const parent = regions.find((r) => r.code === township);
  const present = {
    county_leader: [] as CadreRef[],
    township_leader: [] as CadreRef[],
    paired_unit: [] as UnitRef[],
    first_secretary: [] as CadreRef[],
    instructor: [] as CadreRef[],
  };
  for (const s of stations) {
    const list = present[s.role as LinkRole];
    if (!list.some((c) => c.id === s.id)) list.push({ id: s.id, name: s.name });
  }
  const otherUnits: UnitRef[] = [];
  for (const u of units) {
    const list = countsAsPairedUnit(u.level) ? present.paired_unit : otherUnits;
    if (!list.some((x) => x.id === u.id)) list.push({ id: u.id, name: u.name, level: u.level as UnitLevel });
  }
  const missing = gapsOf(
    (role) => present[role].length,
    units.map((u) => u.level),
  );
  return {
    code: village.code,
    name: village.name,
    townshipCode: parent?.code ?? null,
    townshipName: parent?.name ?? null,
    poor: village.flags.poorVillage,
    complete: missing.length === 0,
    missing,
    present,
    otherUnits,
  };
}

/**
 * GET /api/five-ones — every village of the region with its gaps. Totals (villages, complete, gaps per
 * kind) are over the region's villages (only the poor ones with poorOnly), before the missing/kind filters.
 */
export async function fiveOnesList(db: Db, asked: Scope, q: FiveOnesQuery) {
  const { region, scope } = await reportScope(db, asked);
  const today = todayInChina();
  const [villages, stationCounts, units, unitLevels] = await Promise.all([
    db
      .selectFrom('region as r')
      .select(['r.code', 'r.name', 'r.parent_code as parentCode', 'r.poor_village as poor'])
      .where('r.level', '=', 'village')
      .$call(scope.where('r.code'))
      .$if(q.poorOnly === true, (qb) => qb.where('r.poor_village', '=', 1))
      .orderBy('r.code')
      .execute(),
    db
      .selectFrom('stationing as s')
      .select([
        's.region_code as code',
        's.role as role',
        (eb) => eb.fn.count<number>('s.person_id').distinct().as('n'),
      ])
      .$call(scope.where('s.region_code'))
      .where('s.role', 'in', LINK_ROLES as unknown as string[])
      .where(activeOn('s', today))
      .groupBy(['s.region_code', 's.role'])
      .execute(),
    // Unit pairings along pairing_region_idx, and the units' levels apart (a small catalogue): no join
    // for the planner to drive from another index.
    db
      .selectFrom('pairing as p')
      .select(['p.region_code as code', 'p.unit_id as unitId'])
      .where('p.kind', '=', 'unit_village')
      .$call(scope.where('p.region_code'))
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]))
      .where('p.unit_id', 'is not', null)
      .execute(),
    db.selectFrom('help_unit').select(['id', 'level']).execute(),
  ]);
  const levelOf = new Map(unitLevels.map((u) => [u.id, u.level]));

  const counts = new Map<string, Partial<Record<LinkRole, number>>>();
  for (const s of stationCounts) {
    let c = counts.get(s.code);
    if (!c) counts.set(s.code, (c = {}));
    c[s.role as LinkRole] = Number(s.n);
  }
  const unitsOf = new Map<string, Map<number, string>>();
  for (const u of units) {
    const level = levelOf.get(u.unitId!);
    if (level === undefined) continue;
    let m = unitsOf.get(u.code);
    if (!m) unitsOf.set(u.code, (m = new Map()));
    m.set(u.unitId!, level);
  }
  const townships = new Map(
    (await findRegions(db, [...new Set(villages.map((v) => v.parentCode).filter((c): c is string => !!c))])).map(
      (t) => [t.code, t.name],
    ),
  );

  const all = villages.map((v) => {
    const c = counts.get(v.code) ?? {};
    const levels = [...(unitsOf.get(v.code)?.values() ?? [])];
    const missing = gapsOf((role) => c[role] ?? 0, levels);
    return {
      code: v.code,
      name: v.name,
      townshipCode: v.parentCode,
      townshipName: v.parentCode ? (townships.get(v.parentCode) ?? null) : null,
      poor: Number(v.poor) === 1,
      complete: missing.length === 0,
      missing,
      present: {
        county_leader: c.county_leader ?? 0,
        township_leader: c.township_leader ?? 0,
        paired_unit: levels.filter(countsAsPairedUnit).length,
        first_secretary: c.first_secretary ?? 0,
        instructor: c.instructor ?? 0,
      },
    };
  });

  const filtered = all.filter(
    (v) => (q.missing !== true || !v.complete) && (q.kind === undefined || v.missing.includes(q.kind)),
  );
  const start = (q.page - 1) * q.pageSize;
  return {
    region: { code: region.code, name: region.name },
    items: filtered.slice(start, start + q.pageSize),
    total: filtered.length,
    villages: all.length,
    complete: all.filter((v) => v.complete).length,
    gaps: FIVE_ONES.map((kind) => ({ kind, villages: all.filter((v) => v.missing.includes(kind)).length })),
  };
}
