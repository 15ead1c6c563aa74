import { sql } from 'kysely';
import type { Actor } from '../../access/permissions.ts';
import { withinScope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';

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

/** Households matching a filter, inside the actor's scope, with that year's record joined. */
export function filteredHouseholds(db: Db, actor: Actor, f: Omit<HouseholdFilter, 'page' | 'pageSize' | 'sort'>) {
  return db
    .selectFrom('household as h')
    .leftJoin('household_year as y', (j) => j.onRef('y.household_id', '=', 'h.id').on('y.year', '=', f.year))
    .where('h.region_code', '>=', f.lo)
    .where('h.region_code', '<', f.hi)
    .$call(withinScope(actor, 'household.read', 'h.region_code'))
    .$if(!!f.status?.length, (qb) => qb.where('h.status', 'in', f.status!))
    .$if(!!f.yearStatus?.length, (qb) => qb.where('y.status', 'in', f.yearStatus!))
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
    .$if(f.incomeMin !== undefined, (qb) => qb.where('y.per_capita_income', '>=', f.incomeMin!))
    .$if(f.incomeMax !== undefined, (qb) => qb.where('y.per_capita_income', '<', f.incomeMax!))
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
      qb
        .where('h.status', 'in', ['poor', 'returned', 'exited'])
        .where((eb) =>
          eb.or([
            eb('y.id', 'is', null),
            eb('y.food_clothing', 'is', null),
            eb('y.education', 'is', null),
            eb('y.medical', 'is', null),
            eb('y.housing', 'is', null),
            eb('y.water', 'is', null),
          ]),
        ),
    );
}

export async function listHouseholds(db: Db, actor: Actor, f: HouseholdFilter) {
  const base = filteredHouseholds(db, actor, f);
  const order = {
    code: ['h.code', 'asc'],
    head: ['h.head_name', 'asc'],
    persons: ['h.persons', 'asc'],
    '-persons': ['h.persons', 'desc'],
    income: ['y.per_capita_income', 'asc'],
    '-income': ['y.per_capita_income', 'desc'],
  } as const;
  const [col, dir] = order[f.sort ?? 'code'];
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .innerJoin('region as v', 'v.code', 'h.region_code')
      .leftJoin('region as g', 'g.code', 'h.group_code')
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
        'y.year',
      ])
      .orderBy(col, dir)
      .orderBy('h.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return { total: Number(total), rows };
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

export async function yearsOf(db: Db, householdId: number) {
  return db.selectFrom('household_year').selectAll().where('household_id', '=', householdId).orderBy('year').execute();
}

/** ID numbers of these members that also appear in another household. */
export async function duplicatedIds(db: Db, householdId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('household_member as m')
    .innerJoin('household_member as m2', (j) =>
      j.onRef('m2.id_number', '=', 'm.id_number').onRef('m2.household_id', '!=', 'm.household_id'),
    )
    .select('m.id_number')
    .where('m.household_id', '=', householdId)
    .execute();
  return new Set(rows.map((r) => r.id_number!));
}
