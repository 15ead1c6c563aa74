import { sql } from 'kysely';
import type { Actor } from '../../access/permissions.ts';
import { withinScope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { jsonArrayFrom, jsonRows } from '../../db/json.ts';
import { prepared } from '../../db/prepared.ts';

export interface HouseholdFilter {
  lo: string;
  hi: string;
  status?: string[];
  /** Status in the selected year's record (history), rather than the current one. */
  yearStatus?: string[];
  /** Households of one group (村民小组) only. */
  groupCode?: string;
  attribute?: string;
  mainCause?: string;
  cause?: string;
  housingGrade?: string;
  incomeMin?: number;
  incomeMax?: number;
  flag?: 'duplicate_id' | 'missing_indicator';
  q?: string;
  year: number;
  sort?: 'code' | 'head' | 'persons' | 'income' | '-persons' | '-income';
  page: number;
  pageSize: number;
}

/** The latest year that has yearly records (the default year of lists and statistics). */
export async function latestYear(db: Db): Promise<number> {
  const r = await db
    .selectFrom('household_year')
    .select((eb) => eb.fn.max('year').as('y'))
    .executeTakeFirst();
  return Number(r?.y ?? new Date().getUTCFullYear());
}

/**
 * Households matching a filter, inside the actor's scope. Conditions on the selected year's record are
 * EXISTS subqueries (indexed by household and year), so counting and paging touch the household table only.
 */
export function filteredHouseholds(db: Db, actor: Actor, f: Omit<HouseholdFilter, 'page' | 'pageSize' | 'sort'>) {
  const yearCond = f.incomeMin !== undefined || f.incomeMax !== undefined || !!f.yearStatus?.length;
  return db
    .selectFrom('household as h')
    .where('h.region_code', '>=', f.lo)
    .where('h.region_code', '<', f.hi)
    .$call(withinScope(actor, 'household.read', 'h.region_code'))
    .$if(!!f.status?.length, (qb) => qb.where('h.status', 'in', f.status!))
    .$if(!!f.groupCode, (qb) => qb.where('h.group_code', '=', f.groupCode!))
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

/** One page of households: the page's ids first (sorted, on the household table), then their details. */
export async function listHouseholds(db: Db, actor: Actor, f: HouseholdFilter) {
  const base = filteredHouseholds(db, actor, f);
  const income = sql<number>`(select y.per_capita_income from household_year y where y.household_id = h.id and y.year = ${f.year})`;
  const sort = f.sort ?? 'code';
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const [{ total }, page] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('h.id')
      .$call((qb) => {
        if (sort === 'income' || sort === '-income') return qb.orderBy(income, dir);
        const col = { code: 'h.code', head: 'h.head_name', persons: 'h.persons', '-persons': 'h.persons' }[
          sort
        ] as 'h.code';
        return qb.orderBy(col, dir);
      })
      .orderBy('h.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const ids = page.map((r) => r.id);
  const details = ids.length
    ? await db
        .selectFrom('household as h')
        .innerJoin('region as v', 'v.code', 'h.region_code')
        .leftJoin('region as g', 'g.code', 'h.group_code')
        .leftJoin('household_year as y', (j) => j.onRef('y.household_id', '=', 'h.id').on('y.year', '=', f.year))
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
        .execute()
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  return { total: Number(total), rows: ids.map((id) => byId.get(id)!) };
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

/** The filtered households with the selected year's record joined as `y` (for exports that need its columns). */
export function filteredHouseholdsWithYear(
  db: Db,
  actor: Actor,
  f: Omit<HouseholdFilter, 'page' | 'pageSize' | 'sort'>,
) {
  return filteredHouseholds(db, actor, f).leftJoin('household_year as y', (j) =>
    j.onRef('y.household_id', '=', 'h.id').on('y.year', '=', f.year),
  );
}
