import { sql } from 'kysely';
import { POOR_STATUSES, REGISTERED_STATUSES } from '../../../shared/register.ts';
import { NATION_CODE } from '../../../shared/regions.ts';
import type {
  IncidenceYear,
  PovertyIncidence,
  PovertyIncidenceQuery,
  RegisterBreakdown,
  RegisterBreakdownQuery,
} from '../../../shared/contracts/stats.ts';
import type { Scope, ScopeRegion } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { forbidden } from '../../errors.ts';
import { latestYear } from '../households/repo.ts';
import { povertyLine } from '../policy/service.ts';
import { listChildren } from '../regions/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { bucketOf, childPrefixLength, incidence, INCOME_BUCKETS } from './rules.ts';

const poor = sql.join(POOR_STATUSES.map((s) => sql.lit(s)));

/**
 * The region a statistic is of, and the Scope narrowed to it: the region the call named (the registrar resolved
 * it), else the caller's first scope (the nation for a national or system caller).
 */
export async function statsRegion(db: Db, scope: Scope): Promise<{ region: ScopeRegion; scope: Scope }> {
  if (scope.region) return { region: scope.region, scope };
  const ranges = scope.codeRanges();
  if (ranges !== 'all' && ranges.length === 0) throw forbidden();
  const first = ranges === 'all' || ranges[0]!.lo === '0' ? NATION_CODE : ranges[0]!.lo;
  const region = await requireRegion(db, first, 'region');
  return { region, scope: scope.narrow(region) };
}

const regionOf = (r: ScopeRegion) => ({ code: r.code, name: r.name, level: r.level });

/** The households of the scope (the scope's subtree, inside the caller's scope). */
const householdsIn = (db: Db, scope: Scope) => db.selectFrom('household as h').$call(scope.where('h.region_code'));

/** The child region a household belongs to, in SQL (its group for a village's children), and of a child's code. */
const childKey = (len: number | 'group') =>
  len === 'group' ? sql<string>`coalesce(h.group_code, '')` : sql<string>`substr(h.region_code, 1, ${sql.lit(len)})`;
const keyOfChild = (code: string, len: number | 'group') => (len === 'group' ? code : code.slice(0, len));

/**
 * 贫困发生率 — poverty incidence per child region of the scope's region. Without `year`: from the households'
 * current status. With `year`: poor persons from that year's records; the rural registered population is the
 * register's.
 */
export async function povertyIncidence(
  db: Db,
  callerScope: Scope,
  q: Pick<PovertyIncidenceQuery, 'year'>,
): Promise<PovertyIncidence> {
  const { region, scope } = await statsRegion(db, callerScope);
  const year = q.year;
  const len = childPrefixLength(region.level);
  if (len === null) return { region: regionOf(region), year: year ?? null, items: [] };
  const children = await listChildren(db, region.code);
  const key = childKey(len);
  const base = householdsIn(db, scope);
  const totals = await base
    .select([
      key.as('k'),
      (eb) => eb.fn.countAll<number>().as('households'),
      (eb) => eb.fn.sum<number>('h.persons').as('persons'),
      sql<number>`sum(case when h.status in (${poor}) then 1 else 0 end)`.as('poor_households'),
      sql<number>`sum(case when h.status in (${poor}) then h.persons else 0 end)`.as('poor_persons'),
    ])
    .groupBy(key)
    .execute();
  const byKey = new Map(totals.map((t) => [t.k, t]));
  let yearPoor = new Map<string, { households: number; persons: number }>();
  if (year !== undefined) {
    const rows = await base
      .innerJoin('household_year as y', (j) => j.onRef('y.household_id', '=', 'h.id').on('y.year', '=', year))
      .where('y.status', 'in', POOR_STATUSES as string[])
      .select([
        key.as('k'),
        (eb) => eb.fn.countAll<number>().as('households'),
        (eb) => eb.fn.sum<number>('y.persons').as('persons'),
      ])
      .groupBy(key)
      .execute();
    yearPoor = new Map(rows.map((r) => [r.k, { households: Number(r.households), persons: Number(r.persons) }]));
  }
  const items = children.map((c) => {
    const k = keyOfChild(c.code, len);
    const t = byKey.get(k);
    const persons = Number(t?.persons ?? 0);
    const poorPersons = year !== undefined ? (yearPoor.get(k)?.persons ?? 0) : Number(t?.poor_persons ?? 0);
    const poorHouseholds = year !== undefined ? (yearPoor.get(k)?.households ?? 0) : Number(t?.poor_households ?? 0);
    return {
      code: c.code,
      name: c.name,
      level: c.level,
      households: Number(t?.households ?? 0),
      persons,
      poorHouseholds,
      poorPersons,
      incidence: incidence(poorPersons, persons),
    };
  });
  const sum = (f: (i: (typeof items)[number]) => number) => items.reduce((a, i) => a + f(i), 0);
  const total = {
    households: sum((i) => i.households),
    persons: sum((i) => i.persons),
    poorHouseholds: sum((i) => i.poorHouseholds),
    poorPersons: sum((i) => i.poorPersons),
    incidence: incidence(
      sum((i) => i.poorPersons),
      sum((i) => i.persons),
    ),
  };
  return { region: regionOf(region), year: year ?? null, total, items };
}

/**
 * Register breakdowns of the scope's region: by cause, attribute and housing grade (registered households), by
 * status (every household); the per-capita income distribution of a year (the latest with records by default).
 */
export async function registerBreakdown(
  db: Db,
  callerScope: Scope,
  q: RegisterBreakdownQuery,
): Promise<RegisterBreakdown> {
  const { region, scope } = await statsRegion(db, callerScope);
  const year = q.year ?? (await latestYear(db));
  const base = householdsIn(db, scope);
  const count = async (
    col: 'h.main_cause' | 'h.attribute' | 'h.status' | 'h.housing_grade',
    registeredOnly: boolean,
  ) => {
    const rows = await base
      .$if(registeredOnly, (qb) => qb.where('h.status', 'in', REGISTERED_STATUSES as string[]))
      .select([
        sql<string | null>`${sql.ref(col)}`.as('code'),
        (eb) => eb.fn.countAll<number>().as('households'),
        (eb) => eb.fn.sum<number>('h.persons').as('persons'),
      ])
      .groupBy(col)
      .orderBy(col)
      .execute();
    return rows.map((r) => ({ code: r.code ?? '', households: Number(r.households), persons: Number(r.persons ?? 0) }));
  };
  const incomes = await base
    .innerJoin('household_year as y', (j) => j.onRef('y.household_id', '=', 'h.id').on('y.year', '=', year))
    .select(['y.per_capita_income as income'])
    .execute();
  const counts = INCOME_BUCKETS.map(() => 0);
  for (const r of incomes) counts[bucketOf(Number(r.income))]!++;
  let line: number | null = null;
  try {
    line = await povertyLine(db, year, region.code.slice(0, 2));
  } catch {
    line = null;
  }
  return {
    region: regionOf(region),
    year,
    povertyLine: line,
    byCause: await count('h.main_cause', true),
    byAttribute: await count('h.attribute', true),
    byStatus: await count('h.status', false),
    byHousingGrade: await count('h.housing_grade', true),
    incomeDistribution: INCOME_BUCKETS.map(([lo, hi], i) => ({ lo, hi, households: counts[i]! })),
  };
}

/**
 * The region's poverty incidence in each year from the first to the last with yearly records: that year's poor
 * persons (records with a poor status) ÷ the register's persons — the same figures as `povertyIncidence` with
 * `year` gives as its total (households counted through the region's children alike), in one pass.
 */
export async function incidenceByYear(db: Db, callerScope: Scope): Promise<IncidenceYear[]> {
  const { region, scope } = await statsRegion(db, callerScope);
  const len = childPrefixLength(region.level);
  if (len === null) return [];
  const key = childKey(len);
  const base = householdsIn(db, scope);
  const [children, totals, poorRows, span] = await Promise.all([
    listChildren(db, region.code),
    base
      .select([key.as('k'), (eb) => eb.fn.sum<number>('h.persons').as('persons')])
      .groupBy(key)
      .execute(),
    base
      .innerJoin('household_year as y', 'y.household_id', 'h.id')
      .where('y.status', 'in', POOR_STATUSES as string[])
      .select([
        key.as('k'),
        'y.year',
        (eb) => eb.fn.countAll<number>().as('households'),
        (eb) => eb.fn.sum<number>('y.persons').as('persons'),
      ])
      .groupBy([key, 'y.year'])
      .execute(),
    db
      .selectFrom('household_year')
      .select((eb) => [eb.fn.min('year').as('lo'), eb.fn.max('year').as('hi')])
      .executeTakeFirst(),
  ]);
  const keys = new Set(children.map((c) => keyOfChild(c.code, len)));
  const persons = totals.filter((t) => keys.has(t.k)).reduce((a, t) => a + Number(t.persons ?? 0), 0);
  const poorOf = new Map<number, { households: number; persons: number }>();
  for (const r of poorRows) {
    if (!keys.has(r.k)) continue;
    const y = poorOf.get(Number(r.year)) ?? { households: 0, persons: 0 };
    y.households += Number(r.households);
    y.persons += Number(r.persons ?? 0);
    poorOf.set(Number(r.year), y);
  }
  if (span?.lo === null || span?.lo === undefined) return [];
  const out: IncidenceYear[] = [];
  for (let year = Number(span.lo); year <= Number(span.hi); year++) {
    const p = poorOf.get(year) ?? { households: 0, persons: 0 };
    out.push({
      year,
      persons,
      poorHouseholds: p.households,
      poorPersons: p.persons,
      incidence: incidence(p.persons, persons),
    });
  }
  return out;
}
