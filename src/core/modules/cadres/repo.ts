/**
 * Queries of the help-force core tables: cadres (person), stationing, recalls. Each list is a range
 * condition on an indexed region code plus the actor's scope (withinScope); pages load their details
 * in one query each.
 */
import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Permission } from '../../../shared/codes.ts';
import {
  BACHELOR_OR_HIGHER,
  STATIONED_ROLES,
  type StationEndReason,
  type StationRole,
  type UnitLevel,
} from '../../../shared/forces.ts';
import type { Actor } from '../../access/permissions.ts';
import { rangesFor, withinScope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import type { DB } from '../../db/schema.ts';
import { stationActiveOn } from './rules.ts';

export interface UnitRef {
  id: number;
  name: string;
  level: UnitLevel;
}

export interface Station {
  id: number;
  personId: number;
  personName: string;
  role: StationRole;
  regionCode: string;
  regionName: string;
  teamId: number | null;
  teamName: string | null;
  unit: UnitRef | null;
  startDate: string;
  endDate: string | null;
  endedOn: string | null;
  endReason: StationEndReason | null;
  active: boolean;
}

/**
 * The SQL twin of `stationActiveOn`: the stationing `alias` is in force on `day` — started, and not
 * ended before the day (ended_on; the planned end_date does not end it). Other modules may use it.
 */
export const activeOn = (alias: string, day: string) =>
  sql<SqlBool>`(${sql.ref(`${alias}.start_date`)} <= ${day} and (${sql.ref(`${alias}.ended_on`)} is null or ${sql.ref(
    `${alias}.ended_on`,
  )} >= ${day}))`;

/** The opposite of `activeOn` (ended, or not started yet). */
export const inactiveOn = (alias: string, day: string) =>
  sql<SqlBool>`(${sql.ref(`${alias}.start_date`)} > ${day} or ${sql.ref(`${alias}.ended_on`)} < ${day})`;

export const unitRef = (id: number | null, name: string | null, level: string | null): UnitRef | null =>
  id === null ? null : { id, name: name ?? '', level: (level ?? 'county') as UnitLevel };

export function stationQuery(db: Db) {
  return db
    .selectFrom('stationing as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .leftJoin('region as r', 'r.code', 's.region_code')
    .leftJoin('help_unit as u', 'u.id', 's.unit_id')
    .leftJoin('work_team as t', 't.id', 's.team_id')
    .select([
      's.id',
      's.person_id',
      'p.name as person_name',
      's.role',
      's.region_code',
      'r.name as region_name',
      's.team_id',
      't.name as team_name',
      's.unit_id',
      'u.name as unit_name',
      'u.level as unit_level',
      's.start_date',
      's.end_date',
      's.ended_on',
      's.end_reason',
    ]);
}

type StationRow = Awaited<ReturnType<ReturnType<typeof stationQuery>['executeTakeFirstOrThrow']>>;

export function toStation(r: StationRow, today: string): Station {
  const dates = { startDate: r.start_date, endDate: r.end_date, endedOn: r.ended_on };
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    role: r.role as StationRole,
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    teamId: r.team_id,
    teamName: r.team_name,
    unit: unitRef(r.unit_id, r.unit_name, r.unit_level),
    ...dates,
    endReason: r.end_reason as StationEndReason | null,
    active: stationActiveOn(dates, today),
  };
}

export async function findStation(db: Db, id: number, today: string): Promise<Station | undefined> {
  const row = await stationQuery(db).where('s.id', '=', id).executeTakeFirst();
  return row && toStation(row, today);
}

/** The stationings of some cadres inside the actor's scope: current ones only, or all (history). */
export async function stationsOf(
  db: Db,
  actor: Actor,
  personIds: readonly number[],
  today: string,
  current: boolean,
): Promise<Map<number, Station[]>> {
  const out = new Map<number, Station[]>();
  if (personIds.length === 0) return out;
  const rows = await stationQuery(db)
    .where('s.person_id', 'in', personIds)
    .$if(current, (qb) => qb.where(activeOn('s', today)))
    .$call(withinScope(actor, 'force.read', 's.region_code'))
    .orderBy('s.person_id')
    .orderBy('s.start_date', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push(toStation(r, today));
    out.set(r.person_id, list);
  }
  return out;
}

export interface StationFilter {
  lo: string;
  hi: string;
  role?: StationRole;
  /** true: in force today; false: not in force (ended or not started); undefined: all. */
  active?: boolean;
  personId?: number;
  teamId?: number;
  today: string;
  page: number;
  pageSize: number;
}

export async function listStations(db: Db, actor: Actor, f: StationFilter) {
  const base = db
    .selectFrom('stationing as s')
    .where('s.region_code', '>=', f.lo)
    .where('s.region_code', '<', f.hi)
    .$if(!!f.role, (qb) => qb.where('s.role', '=', f.role!))
    .$if(f.personId !== undefined, (qb) => qb.where('s.person_id', '=', f.personId!))
    .$if(f.teamId !== undefined, (qb) => qb.where('s.team_id', '=', f.teamId!))
    .$if(f.active === true, (qb) => qb.where(activeOn('s', f.today)))
    .$if(f.active === false, (qb) => qb.where(inactiveOn('s', f.today)))
    .$call(withinScope(actor, 'force.read', 's.region_code'));
  const [{ total }, ids] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('s.id')
      .orderBy('s.region_code')
      .orderBy('s.role')
      .orderBy('s.start_date', 'desc')
      .orderBy('s.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const order = new Map(ids.map((r, i) => [r.id, i]));
  const rows = ids.length
    ? await stationQuery(db)
        .where(
          's.id',
          'in',
          ids.map((r) => r.id),
        )
        .execute()
    : [];
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { total: Number(total), items: rows.map((r) => toStation(r, f.today)) };
}

// ---- cadres ----

export interface CadreFilter {
  lo: string;
  hi: string;
  role?: StationRole;
  q?: string;
  unitId?: number;
  active?: boolean;
  /** Only cadres holding a current stationed role (first secretary, team leader or member). */
  stationed?: boolean;
  /** Cadres sent to a village (a stationed role) since this day: stationings begun then or later, ended ones too. */
  sentFrom?: string;
  /** Born after this date (bornAfterForMaxAge: aged at most N today). */
  bornAfter?: string;
  /** Bachelor's degree or higher (true), or below it or unknown (false), as the statistics count. */
  bachelorOrHigher?: boolean;
  today: string;
  page: number;
  pageSize: number;
}

function cadreQuery(db: Db) {
  return db
    .selectFrom('person as p')
    .leftJoin('region as r', 'r.code', 'p.region_code')
    .leftJoin('help_unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.gender',
      'p.birth_date',
      'p.education',
      'p.political_status',
      'p.phone',
      'p.id_number',
      'p.post',
      'p.rank',
      'p.unit_id',
      'u.name as unit_name',
      'u.level as unit_level',
      'p.region_code',
      'r.name as region_name',
    ]);
}

export type CadreRow = Awaited<ReturnType<ReturnType<typeof cadreQuery>['executeTakeFirstOrThrow']>>;

export async function findCadre(db: Db, id: number): Promise<CadreRow | undefined> {
  return cadreQuery(db).where('p.id', '=', id).executeTakeFirst();
}

/** `column` lies in [lo, hi) and in a region where the actor holds `permission` (an index-friendly condition). */
function managedSql(actor: Actor, permission: Permission, column: string, lo: string, hi: string) {
  const ref = sql.ref(column);
  const ranges = rangesFor(actor, permission);
  const scope =
    ranges === 'all'
      ? sql<SqlBool>`1 = 1`
      : ranges.length === 0
        ? sql<SqlBool>`1 = 0`
        : sql<SqlBool>`(${sql.join(
            ranges.map((r) => sql`(${ref} >= ${r.lo} and ${ref} < ${r.hi})`),
            sql` or `,
          )})`;
  return sql<SqlBool>`(${ref} >= ${lo} and ${ref} < ${hi} and ${scope})`;
}

/**
 * One page of cadres. With a role: those holding it now in a village of the range. Without: those
 * managed in the range (person.region_code) or with a current stationing there. Both conditions are
 * index range conditions limited to the actor's scope; the total is counted as managed + stationed
 * but managed elsewhere (two indexed counts rather than one OR over every person); the page's rows
 * and current stationings follow in one query each.
 */
export async function listCadres(db: Db, actor: Actor, f: CadreFilter) {
  const stationedHere = (role?: StationRole) =>
    db
      .selectFrom('stationing as s')
      .where('s.region_code', '>=', f.lo)
      .where('s.region_code', '<', f.hi)
      .$if(!!role, (qb) => qb.where('s.role', '=', role!))
      .$if(!role && (!!f.stationed || !!f.sentFrom), (qb) => qb.where('s.role', 'in', STATIONED_ROLES as StationRole[]))
      // Sent since a day: any stationing that began then or later (ended ones too); else a current one.
      .$if(!!f.sentFrom, (qb) => qb.where('s.start_date', '>=', f.sentFrom!).where('s.start_date', '<=', f.today))
      .$if(!f.sentFrom, (qb) => qb.where(activeOn('s', f.today)))
      .$call(withinScope(actor, 'force.read', 's.region_code'));
  const managed = managedSql(actor, 'force.read', 'p.region_code', f.lo, f.hi);
  // Filters on the cadre itself.
  const own = <QB extends SelectQueryBuilder<DB & { p: DB['person'] }, 'p', object>>(qb: QB): QB =>
    qb
      .$if(f.active === false, (q) =>
        q.where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('stationing as a')
                .select(sql`1`.as('one'))
                .whereRef('a.person_id', '=', 'p.id')
                .where(activeOn('a', f.today)),
            ),
          ),
        ),
      )
      .$if(f.unitId !== undefined, (q) => q.where('p.unit_id', '=', f.unitId!))
      .$if(!!f.bornAfter, (q) => q.where('p.birth_date', '>', f.bornAfter!))
      .$if(f.bachelorOrHigher === true, (q) => q.where('p.education', 'in', [...BACHELOR_OR_HIGHER]))
      .$if(f.bachelorOrHigher === false, (q) =>
        q.where((eb) => eb.or([eb('p.education', 'is', null), eb('p.education', 'not in', [...BACHELOR_OR_HIGHER])])),
      )
      .$if(!!f.q, (q) => q.where('p.name', 'like', `%${f.q}%`)) as QB;
  const stationedOnly = !!f.role || !!f.stationed || !!f.sentFrom || f.active === true;
  const base = db
    .selectFrom('person as p')
    .$call((qb) => {
      if (stationedOnly) return qb.where('p.id', 'in', stationedHere(f.role).select('s.person_id'));
      return qb.where((eb) => eb.or([managed, eb('p.id', 'in', stationedHere().select('s.person_id'))]));
    })
    .$call(own);
  const countTotal = async () => {
    if (stationedOnly) {
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(n);
    }
    const [a, b] = await Promise.all([
      db
        .selectFrom('person as p')
        .where(managed)
        .$call(own)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      stationedHere()
        .innerJoin('person as p', 'p.id', 's.person_id')
        .where(sql<SqlBool>`not ${managed}`)
        .$call(own)
        .select((eb) => eb.fn.count<number>('s.person_id').distinct().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return Number(a.n) + Number(b.n);
  };
  const [total, ids] = await Promise.all([
    countTotal(),
    base
      .select('p.id')
      .orderBy('p.region_code')
      .orderBy('p.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const pageIds = ids.map((r) => r.id);
  const [rows, stations] = await Promise.all([
    pageIds.length ? cadreQuery(db).where('p.id', 'in', pageIds).execute() : Promise.resolve([]),
    stationsOf(db, actor, pageIds, f.today, true),
  ]);
  const order = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { total, rows, stations };
}

/** Region codes that make a cadre visible: where the record is managed, and where the cadre was ever stationed. */
export async function cadreRegions(db: Db, person: { id: number; region_code: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('stationing')
    .select('region_code')
    .distinct()
    .where('person_id', '=', person.id)
    .execute();
  return [person.region_code, ...rows.map((r) => r.region_code)];
}

// ---- recalls ----

export interface Recall {
  id: number;
  stationId: number;
  personId: number;
  personName: string;
  role: StationRole;
  regionCode: string;
  regionName: string;
  reason: string;
  note: string | null;
  effectiveDate: string;
  status: string;
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export function recallQuery(db: Db) {
  return db
    .selectFrom('recall as c')
    .innerJoin('stationing as s', 's.id', 'c.stationing_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('region as r', 'r.code', 'c.region_code')
    .select([
      'c.id',
      'c.stationing_id',
      'c.person_id',
      'p.name as person_name',
      's.role',
      'c.region_code',
      'r.name as region_name',
      'c.reason',
      'c.note',
      'c.effective_date',
      'c.status',
      'c.requested_by',
      'c.requested_at',
      'c.decided_by',
      'c.decided_at',
      'c.decision_note',
    ]);
}

type RecallRow = Awaited<ReturnType<ReturnType<typeof recallQuery>['executeTakeFirstOrThrow']>>;

export const toRecall = (r: RecallRow): Recall => ({
  id: r.id,
  stationId: r.stationing_id,
  personId: r.person_id,
  personName: r.person_name,
  role: r.role as StationRole,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  reason: r.reason,
  note: r.note,
  effectiveDate: r.effective_date,
  status: r.status,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
});

export async function findRecall(db: Db, id: number): Promise<Recall | undefined> {
  const row = await recallQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row && toRecall(row);
}
