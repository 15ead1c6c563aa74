/**
 * Kysely queries of pairings (结对帮扶) and measures (帮扶措施). Lists take the Scope and filter on the helped
 * side's region_code (through listPage); single rows are read whole and checked by the use case.
 * "Active" = no end date or ending today or later.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { MeasureListQuery } from '../../../shared/contracts/pairings.ts';
import { POOR_STATUSES } from '../../../shared/register.ts';
import { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { listPage, type PageRequest } from '../../db/list.ts';

/** `end_date` null or >= today (the column of pairing `p`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const activeOn = (today: string) => (eb: ExpressionBuilder<any, any>) =>
  eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]);

/**
 * Pairings and measures belong to a village: a scope narrowed to a group (村民小组) covers its village's rows
 * (the group's households are a filter of the gaps only).
 */
export function villageScope(scope: Scope): Scope {
  const r = scope.region;
  if (r?.level !== 'group' || !scope.permission) return scope;
  return Scope.within(scope.actor, scope.permission, { code: r.code.slice(0, 12), level: 'village', name: r.name });
}

// ---- pairings ----

export interface PairingFilter {
  kind?: string;
  personId?: number;
  householdId?: number;
  /** true: active today; false: ended; undefined: all. */
  active?: boolean;
  /** Only pairings with a unit of these levels. */
  unitLevels?: readonly string[];
  today: string;
}

function filteredPairings(db: Db, f: PairingFilter) {
  return db
    .selectFrom('pairing as p')
    .$if(!!f.kind, (qb) => qb.where('p.kind', '=', f.kind!))
    .$if(f.personId !== undefined, (qb) => qb.where('p.person_id', '=', f.personId!))
    .$if(f.householdId !== undefined, (qb) => qb.where('p.household_id', '=', f.householdId!))
    .$if(!!f.unitLevels?.length, (qb) =>
      qb.where(
        'p.unit_id',
        'in',
        db
          .selectFrom('help_unit')
          .select('id')
          .where('level', 'in', [...f.unitLevels!]),
      ),
    )
    .$if(f.active === true, (qb) => qb.where(activeOn(f.today)))
    .$if(f.active === false, (qb) => qb.where('p.end_date', '<', f.today));
}

/** Pairings with everything a list row shows (household, cadre, unit, partner, helper village). */
function pairingDetails(db: Db) {
  return db
    .selectFrom('pairing as p')
    .leftJoin('region as r', 'r.code', 'p.region_code')
    .leftJoin('household as h', 'h.id', 'p.household_id')
    .leftJoin('person as c', 'c.id', 'p.person_id')
    .leftJoin('help_unit as u', 'u.id', 'p.unit_id')
    .leftJoin('partner as e', 'e.id', 'p.partner_id')
    .leftJoin('region as hr', 'hr.code', 'p.helper_region_code')
    .select([
      'p.id',
      'p.kind',
      'p.region_code',
      'r.name as region_name',
      'p.household_id',
      'h.code as household_code',
      'h.head_name',
      'p.person_id',
      'c.name as person_name',
      'p.unit_id',
      'u.name as unit_name',
      'u.level as unit_level',
      'p.partner_id',
      'e.name as partner_name',
      'e.kind as partner_kind',
      'p.helper_region_code',
      'hr.name as helper_region_name',
      'p.helper_name',
      'p.helped_name',
      'p.start_date',
      'p.end_date',
      'p.note',
      'p.version',
    ]);
}

export type PairingRow = Awaited<ReturnType<ReturnType<typeof pairingDetails>['executeTakeFirstOrThrow']>>;

/** One page of the pairings in the scope: ids by village, kind and id, then their details. */
export function listPairings(db: Db, scope: Scope, f: PairingFilter & PageRequest) {
  return listPage<PairingRow>({
    scope: villageScope(scope),
    base: filteredPairings(db, f),
    scopeColumn: 'p.region_code',
    order: (qb) => qb.orderBy('p.region_code').orderBy('p.kind').orderBy('p.id'),
    page: f,
    id: 'p.id',
    details: (ids) => pairingDetails(db).where('p.id', 'in', ids).execute(),
  });
}

export const findPairing = (db: Db, id: number) => pairingDetails(db).where('p.id', '=', id).executeTakeFirst();

/** Active cadre_household pairings of a cadre (the cap counts them, wherever the households are). */
export async function activeHouseholdPairings(db: Db, personId: number, today: string): Promise<number> {
  const r = await db
    .selectFrom('pairing as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.person_id', '=', personId)
    .where('p.kind', '=', 'cadre_household')
    .where(activeOn(today))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The two sides of a pairing as stored. */
export interface PairingSides {
  kind: string;
  regionCode: string;
  householdId: number | null;
  personId: number | null;
  unitId: number | null;
  partnerId: number | null;
  helperRegionCode: string | null;
  helperName: string | null;
  helpedName: string | null;
}

/** An active pairing of the same kind between the same two sides (the duplicate a new pairing would make). */
export async function findActiveDuplicate(db: Db, p: PairingSides, today: string) {
  const qb = db
    .selectFrom('pairing as p')
    .select('p.id')
    .where('p.kind', '=', p.kind)
    .where('p.region_code', '=', p.regionCode)
    .where(activeOn(today));
  const same = {
    cadre_household: () => qb.where('p.household_id', '=', p.householdId!).where('p.person_id', '=', p.personId!),
    village_village: () => qb.where('p.helper_region_code', '=', p.helperRegionCode!),
    unit_village: () => qb.where('p.unit_id', '=', p.unitId!),
    enterprise_village: () => qb.where('p.partner_id', '=', p.partnerId!),
    member_member: () => qb.where('p.helper_name', '=', p.helperName!).where('p.helped_name', '=', p.helpedName!),
  }[p.kind];
  return same ? same().executeTakeFirst() : undefined;
}

// ---- gaps ----

/** The column a household scope filters by: the group code for a group, else the village code. */
const householdColumn = (scope: Scope) => (scope.region?.level === 'group' ? 'h.group_code' : 'h.region_code');

/**
 * 未落实帮扶责任人 — registered poor households (poor | returned) without an active cadre_household pairing, before
 * the scope. A NOT EXISTS over pairing_household_idx per household; the households come from
 * household_region_idx (region_code, status).
 */
function gapHouseholds(db: Db, today: string) {
  return db
    .selectFrom('household as h')
    .where('h.status', 'in', [...POOR_STATUSES])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('pairing as p')
            .select(sql`1`.as('one'))
            .whereRef('p.household_id', '=', 'h.id')
            .where('p.kind', '=', 'cadre_household')
            .where(activeOn(today)),
        ),
      ),
    );
}

/** The number of gaps in the scope (a household.read scope). */
export async function countGaps(db: Db, scope: Scope, today: string): Promise<number> {
  const r = await gapHouseholds(db, today)
    .$call(scope.where(householdColumn(scope)))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of the gaps in the scope, by village and household code. */
export function listGaps(db: Db, scope: Scope, today: string, page: PageRequest) {
  return listPage({
    scope,
    base: gapHouseholds(db, today).innerJoin('region as r', 'r.code', 'h.region_code'),
    scopeColumn: householdColumn(scope),
    order: (qb) => qb.orderBy('h.region_code').orderBy('h.code'),
    page,
    select: (qb) => qb.select(['h.id', 'h.code', 'h.head_name', 'h.region_code', 'r.name as region_name', 'h.status']),
  });
}

// ---- cadres as seen by the caller ----

/** The cadre record and the villages where the cadre holds a station today (started, not ended). */
export async function cadreWithStations(db: Db, personId: number, today: string) {
  const person = await db
    .selectFrom('person')
    .select(['id', 'name', 'region_code'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) return undefined;
  const stations = await db
    .selectFrom('stationing')
    .select('region_code')
    .where('person_id', '=', personId)
    .where('start_date', '<=', today)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', today)]))
    .execute();
  return { ...person, stationRegions: stations.map((s) => s.region_code) };
}

/** Responsible cadres of a household: its active cadre_household pairings, with unit and (raw) phone. */
export async function responsibleCadres(db: Db, householdId: number, today: string) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('person as c', 'c.id', 'p.person_id')
    .leftJoin('help_unit as u', 'u.id', 'c.unit_id')
    .select([
      'p.id as pairing_id',
      'p.start_date',
      'c.id',
      'c.name',
      'c.phone',
      'c.post',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.level as unit_level',
    ])
    .where('p.household_id', '=', householdId)
    .where('p.kind', '=', 'cadre_household')
    .where(activeOn(today))
    .orderBy('p.start_date')
    .orderBy('p.id')
    .execute();
}

// ---- measures ----

function measureDetails(db: Db) {
  return db
    .selectFrom('measure as m')
    .innerJoin('household as h', 'h.id', 'm.household_id')
    .leftJoin('region as r', 'r.code', 'm.region_code')
    .leftJoin('person as c', 'c.id', 'm.person_id')
    .select([
      'm.id',
      'm.household_id',
      'h.code as household_code',
      'h.head_name',
      'm.region_code',
      'r.name as region_name',
      'm.type',
      'm.title',
      'm.amount',
      'm.planned_date',
      'm.done_date',
      'm.person_id',
      'c.name as person_name',
      'm.status',
      'm.evidence',
      'm.version',
    ]);
}

export type MeasureRow = Awaited<ReturnType<ReturnType<typeof measureDetails>['executeTakeFirstOrThrow']>>;

/** One page of the measures in the scope: ids by village, household and id, then their details. */
export function listMeasures(db: Db, scope: Scope, f: Omit<MeasureListQuery, 'region'>) {
  return listPage<MeasureRow>({
    scope: villageScope(scope),
    base: db
      .selectFrom('measure as m')
      .$if(!!f.type, (qb) => qb.where('m.type', '=', f.type!))
      .$if(!!f.status, (qb) => qb.where('m.status', '=', f.status!))
      .$if(f.householdId !== undefined, (qb) => qb.where('m.household_id', '=', f.householdId!)),
    scopeColumn: 'm.region_code',
    order: (qb) => qb.orderBy('m.region_code').orderBy('m.household_id').orderBy('m.id'),
    page: f,
    id: 'm.id',
    details: (ids) => measureDetails(db).where('m.id', 'in', ids).execute(),
  });
}

export const findMeasure = (db: Db, id: number) => measureDetails(db).where('m.id', '=', id).executeTakeFirst();

/** A household's measures in plan order (planned date, then entry order). */
export const measuresOfHousehold = (db: Db, householdId: number) =>
  measureDetails(db)
    .where('m.household_id', '=', householdId)
    .orderBy(sql`coalesce(m.planned_date, m.done_date, '9999-12-31')`)
    .orderBy('m.id')
    .execute();
