/**
 * Queries of stationing (驻村任职) and recalls (召回), and the SQL bits the help-force modules share. Lists take
 * the caller's Scope (listPage); a page's details load in one query.
 */
import { sql, type SqlBool } from 'kysely';
import type { RecallView, StationView, UnitRef } from '../../../shared/contracts/cadres.ts';
import type { StationListQuery } from '../../../shared/contracts/teams.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { stationActiveOn } from './rules.ts';

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
  id === null ? null : { id, name: name ?? '', level: level ?? 'county' };

/** The order of the page's ids kept for their details (loaded with `in`). */
export const inOrder = <R extends { id: number }>(ids: readonly number[], rows: R[]): R[] => {
  const at = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
};

// ---- stationing ----

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
      's.version',
    ]);
}

type StationRow = Awaited<ReturnType<ReturnType<typeof stationQuery>['executeTakeFirstOrThrow']>>;

export function toStation(r: StationRow, today: string): StationView {
  const dates = { startDate: r.start_date, endDate: r.end_date, endedOn: r.ended_on };
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    role: r.role,
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    teamId: r.team_id,
    teamName: r.team_name,
    unit: unitRef(r.unit_id, r.unit_name, r.unit_level),
    ...dates,
    endReason: r.end_reason,
    active: stationActiveOn(dates, today),
    version: r.version,
  };
}

export async function findStation(db: Db, id: number, today: string): Promise<StationView | undefined> {
  const row = await stationQuery(db).where('s.id', '=', id).executeTakeFirst();
  return row && toStation(row, today);
}

/** The stationings of some cadres inside the scope: current ones only, or all (history). */
export async function stationsOf(
  db: Db,
  scope: Scope,
  personIds: readonly number[],
  today: string,
  current: boolean,
): Promise<Map<number, StationView[]>> {
  const out = new Map<number, StationView[]>();
  if (personIds.length === 0) return out;
  const rows = await stationQuery(db)
    .where('s.person_id', 'in', personIds)
    .$if(current, (qb) => qb.where(activeOn('s', today)))
    .$call(scope.where('s.region_code'))
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

/** A page of stationings in the scope (`active`: in force today, not in force, or all). */
export async function listStations(db: Db, scope: Scope, f: Omit<StationListQuery, 'region'> & { today: string }) {
  const base = db
    .selectFrom('stationing as s')
    .$if(!!f.role?.length, (qb) => qb.where('s.role', 'in', f.role!))
    .$if(f.personId !== undefined, (qb) => qb.where('s.person_id', '=', f.personId!))
    .$if(f.teamId !== undefined, (qb) => qb.where('s.team_id', '=', f.teamId!))
    .$if(f.active === true, (qb) => qb.where(activeOn('s', f.today)))
    .$if(f.active === false, (qb) => qb.where(inactiveOn('s', f.today)));
  return listPage({
    scope,
    base,
    scopeColumn: 's.region_code',
    order: (qb) => qb.orderBy('s.region_code').orderBy('s.role').orderBy('s.start_date', 'desc').orderBy('s.id'),
    page: f,
    id: 's.id',
    details: async (ids) =>
      (await stationQuery(db).where('s.id', 'in', ids).execute()).map((r) => toStation(r, f.today)),
  });
}

// ---- recalls ----

export type Recall = Omit<RecallView, 'canDecide'>;

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
      'c.version',
    ]);
}

type RecallRow = Awaited<ReturnType<ReturnType<typeof recallQuery>['executeTakeFirstOrThrow']>>;

export const toRecall = (r: RecallRow): Recall => ({
  id: r.id,
  stationId: r.stationing_id,
  personId: r.person_id,
  personName: r.person_name,
  role: r.role,
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
  version: r.version,
});

export async function findRecall(db: Db, id: number): Promise<Recall | undefined> {
  const row = await recallQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row && toRecall(row);
}

/** A pairing in force on `day` (start ≤ day ≤ end, open end). */
export const pairingActive = (alias: string, day: string) =>
  sql<SqlBool>`(${sql.ref(`${alias}.start_date`)} <= ${day} and coalesce(${sql.ref(
    `${alias}.end_date`,
  )}, '9999-12-31') >= ${day})`;
