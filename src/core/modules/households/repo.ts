import { sql, type SelectQueryBuilder } from 'kysely';
import type { HouseholdFilter, HouseholdListQuery } from '../../../shared/contracts/households.ts';
import type { Scope } from '../../access/scope.ts';
import { listPage } from '../../db/list.ts';
import type { Db } from '../../db/index.ts';
import type { DB } from '../../db/schema.ts';
import { jsonArrayFrom, jsonRows } from '../../db/json.ts';
import { prepared } from '../../db/prepared.ts';
import { awaitingSteps } from '../workflow/rules.ts';

/** The list's filters with the year resolved (the region is the Scope's). */
export type HouseholdQuery = Omit<HouseholdFilter, 'region' | 'year'> & { year: number };

/** The region-code column a scope filters households by: the group code for a group, else the village code. */
const scopeColumn = (scope: Scope) => (scope.region?.level === 'group' ? 'h.group_code' : 'h.region_code');

/** The latest year that has yearly records (the default year of lists and statistics). */
export async function latestYear(db: Db): Promise<number> {
  const r = await db
    .selectFrom('household_year')
    .select((eb) => eb.fn.max('year').as('y'))
    .executeTakeFirst();
  return Number(r?.y ?? new Date().getUTCFullYear());
}

/**
 * Households matching a filter, without the scope (`scopedHouseholds` and `listHouseholds` add it). Conditions on
 * the selected year's record are EXISTS subqueries (indexed by household and year), so counting and paging touch
 * the household table only.
 */
function matchingHouseholds(db: Db, f: HouseholdQuery) {
  const yearCond = f.incomeMin !== undefined || f.incomeMax !== undefined || !!f.yearStatus?.length;
  return db
    .selectFrom('household as h')
    .$if(!!f.status?.length, (qb) => qb.where('h.status', 'in', f.status!))
    .$if(!!f.mainCause, (qb) => qb.where('h.main_cause', '=', f.mainCause!))
    .$if(!!f.attribute, (qb) => qb.where('h.attribute', '=', f.attribute!))
    .$if(!!f.housingGrade, (qb) => qb.where('h.housing_grade', '=', f.housingGrade!))
    .$if(!!f.cause, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('h.main_cause', '=', f.cause!),
          eb('h.other_causes', '=', f.cause!),
          eb('h.other_causes', 'like', `${f.cause},%`),
          eb('h.other_causes', 'like', `%,${f.cause}`),
        ]),
      ),
    )
    .$if(yearCond, (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('household_year as y')
            .select(sql`1`.as('one'))
            .whereRef('y.household_id', '=', 'h.id')
            .where('y.year', '=', f.year)
            .$if(f.incomeMin !== undefined, (q) => q.where('y.per_capita_income', '>=', f.incomeMin!))
            .$if(f.incomeMax !== undefined, (q) => q.where('y.per_capita_income', '<', f.incomeMax!))
            .$if(!!f.yearStatus?.length, (q) => q.where('y.status', 'in', f.yearStatus!)),
        ),
      ),
    )
    .$if(!!f.awaiting, (qb) => {
      // The last recorded step (household_event_hh_idx), in a workflow still under way for the status.
      const steps = awaitingSteps(f.awaiting!);
      const last = sql<string>`(select e.step from household_event e where e.household_id = h.id order by e.id desc limit 1)`;
      return qb.where((eb) =>
        eb.or([
          eb.and([eb('h.status', '=', 'applicant'), eb(last, 'in', steps.identification)]),
          eb.and([eb('h.status', 'in', ['poor', 'returned']), eb(last, 'in', steps.exit)]),
        ]),
      );
    })
    .$if(!!f.q, (qb) => qb.where((eb) => eb.or([eb('h.head_name', 'like', `%${f.q}%`), eb('h.code', '=', f.q!)])))
    .$if(f.flag === 'duplicate_id', (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('household_member as m')
            .innerJoin('household_member as m2', (j) =>
              j.onRef('m2.id_number', '=', 'm.id_number').onRef('m2.household_id', '!=', 'm.household_id'),
            )
            .select(sql`1`.as('one'))
            .whereRef('m.household_id', '=', 'h.id'),
        ),
      ),
    )
    .$if(f.flag === 'missing_indicator', (qb) =>
      qb.where('h.status', 'in', ['poor', 'returned', 'exited']).where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('household_year as y')
              .select(sql`1`.as('one'))
              .whereRef('y.household_id', '=', 'h.id')
              .where('y.year', '=', f.year)
              .where('y.food_clothing', 'is not', null)
              .where('y.education', 'is not', null)
              .where('y.medical', 'is not', null)
              .where('y.housing', 'is not', null)
              .where('y.water', 'is not', null),
          ),
        ),
      ),
    );
}

/** Households matching a filter inside the scope (exports and counts). */
export function scopedHouseholds(db: Db, scope: Scope, f: HouseholdQuery) {
  return matchingHouseholds(db, f).$call(scope.where(scopeColumn(scope)));
}

type HouseholdOrder = HouseholdQuery & Pick<HouseholdListQuery, 'sort'>;

/** ORDER BY of the list's `sort` (code by default; income is the selected year's), then the id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function householdOrder<Q extends SelectQueryBuilder<DB, any, any>>(qb: Q, f: HouseholdOrder): Q {
  const income = sql<number>`(select y.per_capita_income from household_year y where y.household_id = h.id and y.year = ${f.year})`;
  const sort = f.sort ?? 'code';
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const column = { code: 'h.code', head: 'h.head_name', persons: 'h.persons', '-persons': 'h.persons' } as const;
  return (sort === 'income' || sort === '-income' ? qb.orderBy(income, dir) : qb.orderBy(column[sort], dir)).orderBy(
    'h.id',
  ) as Q;
}

/** The list's row of each household (the selected year's income joined), in no particular order. */
export function householdRows(db: Db, ids: readonly number[], year: number) {
  return db
    .selectFrom('household as h')
    .innerJoin('region as v', 'v.code', 'h.region_code')
    .leftJoin('region as g', 'g.code', 'h.group_code')
    .leftJoin('household_year as y', (j) => j.onRef('y.household_id', '=', 'h.id').on('y.year', '=', year))
    .select([
      'h.id',
      'h.code',
      'h.region_code',
      'v.name as village_name',
      'g.name as group_name',
      'h.head_name',
      'h.persons',
      'h.status',
      'h.attribute',
      'h.main_cause',
      'h.other_causes',
      'h.housing_grade',
      'h.identified_year',
      'h.exited_year',
      'y.per_capita_income',
    ])
    .where('h.id', 'in', ids)
    .execute();
}
export type HouseholdListRow = Awaited<ReturnType<typeof householdRows>>[number];

/** One page of households: the page's ids first (sorted, on the household table), then their details. */
export async function listHouseholds(
  db: Db,
  scope: Scope,
  f: HouseholdOrder & Pick<HouseholdListQuery, 'page' | 'pageSize'>,
) {
  return listPage({
    scope,
    base: matchingHouseholds(db, f),
    scopeColumn: scopeColumn(scope),
    order: (qb) => householdOrder(qb, f),
    page: f,
    id: 'h.id',
    details: (ids) => householdRows(db, ids, f.year),
  });
}

/** Every id of the scoped, filtered list in the list's order (an export reads their rows in chunks). */
export async function sortedHouseholdIds(db: Db, scope: Scope, f: HouseholdOrder): Promise<number[]> {
  const rows = await householdOrder(scopedHouseholds(db, scope, f).select('h.id'), f).execute();
  return rows.map((r) => Number(r.id));
}

export async function findHousehold(db: Db, id: number) {
  return db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function membersOf(db: Db, householdId: number) {
  return db
    .selectFrom('household_member')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('seq')
    .orderBy('id')
    .execute();
}

/**
 * A household for its detail page in one query: the household row with its village's and group's names
 * (null when unknown), and as JSON arrays its members (each with `duplicate_id` = 1 when its ID number also
 * appears in another household), its yearly records and its workflow events, each in display order.
 */
export async function findHouseholdDetail(db: Db, id: number) {
  const [row] = await detailQuery(db, id);
  return row && { ...row, members: jsonRows(row.members), years: jsonRows(row.years), events: jsonRows(row.events) };
}

const detailQuery = prepared((db: Db, id: number) =>
  db
    .selectFrom('household as h')
    .leftJoin('region as v', 'v.code', 'h.region_code')
    .leftJoin('region as g', 'g.code', 'h.group_code')
    .selectAll('h')
    .select((eb) => [
      'v.name as village_name',
      'g.name as group_name',
      jsonArrayFrom(
        db,
        eb
          .selectFrom('household_member as m')
          .select([
            'm.id',
            'm.name',
            'm.id_number',
            'm.gender',
            'm.birth_date',
            'm.relation',
            'm.ethnicity',
            'm.education',
            'm.student_status',
            'm.health',
            'm.labour',
            'm.work_status',
            'm.migrant_months',
            'm.migrant_place',
            'm.medical_insurance',
            'm.pension_insurance',
            'm.dibao',
            'm.party_member',
            'm.phone',
          ])
          .select((eb2) =>
            eb2
              .case()
              .when(
                eb2.exists(
                  eb2
                    .selectFrom('household_member as m2')
                    .select(sql`1`.as('one'))
                    .whereRef('m2.id_number', '=', 'm.id_number')
                    .whereRef('m2.household_id', '!=', 'm.household_id'),
                ),
              )
              .then(1)
              .else(0)
              .end()
              .as('duplicate_id'),
          )
          .whereRef('m.household_id', '=', 'h.id')
          .orderBy('m.seq')
          .orderBy('m.id'),
      ).as('members'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('household_year as y')
          .select([
            'y.year',
            'y.status',
            'y.persons',
            'y.income_wage',
            'y.income_business',
            'y.income_transfer',
            'y.income_property',
            'y.production_cost',
            'y.net_income',
            'y.per_capita_income',
            'y.food_clothing',
            'y.education',
            'y.medical',
            'y.housing',
            'y.water',
          ])
          .whereRef('y.household_id', '=', 'h.id')
          .orderBy('y.year'),
      ).as('years'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('household_event as e')
          .select(['e.id', 'e.workflow', 'e.step', 'e.event_date', 'e.actor_name', 'e.note', 'e.attachments'])
          .whereRef('e.household_id', '=', 'h.id')
          .orderBy('e.id'),
      ).as('events'),
    ])
    .where('h.id', '=', id),
);

/** The scoped, filtered households with the selected year's record joined as `y` (for exports). */
export function scopedHouseholdsWithYear(db: Db, scope: Scope, f: HouseholdQuery) {
  return scopedHouseholds(db, scope, f).leftJoin('household_year as y', (j) =>
    j.onRef('y.household_id', '=', 'h.id').on('y.year', '=', f.year),
  );
}

/** How a person is looked for: a name (contained), an exact ID number, or the visible parts of a masked one. */
export type MemberMatch = { name: string } | { idNumber: string } | { idPrefix: string; idSuffix: string };

/** Members of the households in the scope matching `m` (the global search), by name, at most `limit`. */
export function searchMembers(db: Db, scope: Scope, m: MemberMatch, limit: number) {
  return db
    .selectFrom('household_member as m')
    .innerJoin('household as h', 'h.id', 'm.household_id')
    .innerJoin('region as v', 'v.code', 'h.region_code')
    .select([
      'm.id',
      'm.household_id',
      'm.name',
      'm.relation',
      'm.id_number',
      'm.region_code',
      'h.code as household_code',
      'v.name as village_name',
    ])
    .$call(scope.where(scopeColumn(scope)))
    .$call((qb) =>
      'name' in m
        ? qb.where('m.name', 'like', `%${m.name}%`)
        : 'idNumber' in m
          ? qb.where('m.id_number', '=', m.idNumber)
          : qb.where('m.id_number', 'like', `${m.idPrefix}%`).where('m.id_number', 'like', `%${m.idSuffix}`),
    )
    .orderBy('m.name')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}
