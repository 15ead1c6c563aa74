/**
 * Kysely queries of pairings (结对帮扶) and measures (帮扶措施). Every list filters by the actor's scope
 * (withinScope) on the helped side's region_code. "Active" = no end date or ending today or later.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Actor } from '../../access/permissions.ts';
import { withinScope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { POOR_STATUSES } from '../../../shared/register.ts';

export interface Range {
  lo: string;
  hi: string;
}

/** `end_date` null or >= today (the column of pairing `p`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const activeOn = (today: string) => (eb: ExpressionBuilder<any, any>) =>
  eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]);

// ---- pairings ----

export interface PairingFilter {
  range?: Range;
  kind?: string;
  personId?: number;
  householdId?: number;
  /** true: active today; false: ended; undefined: all. */
  active?: boolean;
  /** Only pairings with a unit of these levels. */
  unitLevels?: readonly string[];
  today: string;
}

function filteredPairings(db: Db, actor: Actor, f: PairingFilter) {
  return db
    .selectFrom('pairing as p')
    .$call(withinScope(actor, 'force.read', 'p.region_code'))
    .$if(!!f.range, (qb) => qb.where('p.region_code', '>=', f.range!.lo).where('p.region_code', '<', f.range!.hi))
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
    ]);
}

export type PairingRow = Awaited<ReturnType<ReturnType<typeof pairingDetails>['executeTakeFirstOrThrow']>>;

export async function listPairings(db: Db, actor: Actor, f: PairingFilter & { page: number; pageSize: number }) {
  const base = filteredPairings(db, actor, f);
  const [{ total }, page] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('p.id')
      .orderBy('p.region_code')
      .orderBy('p.kind')
      .orderBy('p.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await pairingDetails(db).where('p.id', 'in', ids).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total: Number(total), rows: ids.map((id) => byId.get(id)!) };
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

/** An active pairing of the same kind between the same two sides (the duplicate a new pairing would make). */
export async function findActiveDuplicate(
  db: Db,
  p: {
    kind: string;
    regionCode: string;
    householdId: number | null;
    personId: number | null;
    unitId: number | null;
    partnerId: number | null;
    helperRegionCode: string | null;
    helperName: string | null;
    helpedName: string | null;
  },
  today: string,
) {
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

// ---- gaps and summary ----

export interface GapFilter {
  range: Range;
  groupCode?: string;
  today: string;
}

/**
 * 未落实帮扶责任人 — registered poor households (poor | returned) without an active cadre_household
 * pairing. A NOT EXISTS over pairing_household_idx per household; the households come from
 * household_region_idx (region_code, status).
 */
function gapHouseholds(db: Db, actor: Actor, f: GapFilter) {
  return db
    .selectFrom('household as h')
    .where('h.region_code', '>=', f.range.lo)
    .where('h.region_code', '<', f.range.hi)
    .$call(withinScope(actor, 'household.read', 'h.region_code'))
    .where('h.status', 'in', [...POOR_STATUSES])
    .$if(!!f.groupCode, (qb) => qb.where('h.group_code', '=', f.groupCode!))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('pairing as p')
            .select(sql`1`.as('one'))
            .whereRef('p.household_id', '=', 'h.id')
            .where('p.kind', '=', 'cadre_household')
            .where(activeOn(f.today)),
        ),
      ),
    );
}

export async function countGaps(db: Db, actor: Actor, f: GapFilter): Promise<number> {
  const r = await gapHouseholds(db, actor, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listGaps(db: Db, actor: Actor, f: GapFilter & { page: number; pageSize: number }) {
  const [total, rows] = await Promise.all([
    countGaps(db, actor, f),
    gapHouseholds(db, actor, f)
      .innerJoin('region as r', 'r.code', 'h.region_code')
      .select(['h.id', 'h.code', 'h.head_name', 'h.region_code', 'r.name as region_name', 'h.status'])
      .orderBy('h.region_code')
      .orderBy('h.code')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return { total, rows };
}

/**
 * Active pairings of a region: the pairs of each kind, the distribution of households per pairing cadre
 * and the distinct paired households. Two passes over the region's cadre_household pairings (the
 * distribution is grouped twice in SQL so only a few rows come back); the other kinds are few and
 * counted from pairing_region_idx.
 */
export async function pairingCounts(db: Db, actor: Actor, range: Range, today: string) {
  const scoped = () =>
    db
      .selectFrom('pairing as p')
      .where('p.region_code', '>=', range.lo)
      .where('p.region_code', '<', range.hi)
      .$call(withinScope(actor, 'force.read', 'p.region_code'))
      .where(activeOn(today));
  const perCadre = scoped()
    .where('p.kind', '=', 'cadre_household')
    .where('p.person_id', 'is not', null)
    // one active pairing per cadre and household (a duplicate is refused), so count(*) = distinct households
    .select(['p.person_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('p.person_id');
  const [others, distribution, households] = await Promise.all([
    scoped()
      .where('p.kind', '!=', 'cadre_household')
      .select(['p.kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('p.kind')
      .execute(),
    db
      .selectFrom(perCadre.as('c'))
      .select(['c.n', (eb) => eb.fn.countAll<number>().as('cadres')])
      .groupBy('c.n')
      .execute(),
    scoped()
      .where('p.kind', '=', 'cadre_household')
      .select((eb) => eb.fn.count<number>('p.household_id').distinct().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const householdsPerCadre = distribution
    .map((r) => ({ households: Number(r.n), cadres: Number(r.cadres) }))
    .filter((r) => r.households > 0)
    .sort((a, b) => a.households - b.households);
  const byKind = new Map(others.map((r) => [r.kind, Number(r.n)]));
  byKind.set(
    'cadre_household',
    householdsPerCadre.reduce((sum, r) => sum + r.households * r.cadres, 0),
  );
  return {
    byKind,
    householdsPerCadre,
    cadres: householdsPerCadre.reduce((sum, r) => sum + r.cadres, 0),
    households: Number(households.n),
  };
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

export interface MeasureFilter {
  range?: Range;
  type?: string;
  status?: string;
  householdId?: number;
}

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
    ]);
}

export type MeasureRow = Awaited<ReturnType<ReturnType<typeof measureDetails>['executeTakeFirstOrThrow']>>;

export async function listMeasures(db: Db, actor: Actor, f: MeasureFilter & { page: number; pageSize: number }) {
  const base = db
    .selectFrom('measure as m')
    .$call(withinScope(actor, 'force.read', 'm.region_code'))
    .$if(!!f.range, (qb) => qb.where('m.region_code', '>=', f.range!.lo).where('m.region_code', '<', f.range!.hi))
    .$if(!!f.type, (qb) => qb.where('m.type', '=', f.type!))
    .$if(!!f.status, (qb) => qb.where('m.status', '=', f.status!))
    .$if(f.householdId !== undefined, (qb) => qb.where('m.household_id', '=', f.householdId!));
  const [{ total }, page] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('m.id')
      .orderBy('m.region_code')
      .orderBy('m.household_id')
      .orderBy('m.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await measureDetails(db).where('m.id', 'in', ids).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total: Number(total), rows: ids.map((id) => byId.get(id)!) };
}

export const findMeasure = (db: Db, id: number) => measureDetails(db).where('m.id', '=', id).executeTakeFirst();

/** A household's measures in plan order (planned date, then entry order). */
export const measuresOfHousehold = (db: Db, householdId: number) =>
  measureDetails(db)
    .where('m.household_id', '=', householdId)
    .orderBy(sql`coalesce(m.planned_date, m.done_date, '9999-12-31')`)
    .orderBy('m.id')
    .execute();
