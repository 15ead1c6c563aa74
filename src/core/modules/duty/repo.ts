/**
 * Queries of the daily-management module. Cadres and their stations are read straight from the
 * person and stationing tables (the cadres module owns their writes).
 */
import type { Db } from '../../db/index.ts';
import { isStationedRole, termCovers } from './rules.ts';

export interface CadreRow {
  id: number;
  name: string;
  regionCode: string;
}

export interface StationRow {
  id: number;
  personId: number;
  role: string;
  regionCode: string;
  teamId: number | null;
  start: string;
  endDate: string | null;
  endedOn: string | null;
}

export async function findCadre(db: Db, id: number): Promise<CadreRow | undefined> {
  return db
    .selectFrom('person')
    .select(['id', 'name', 'region_code as regionCode'])
    .where('id', '=', id)
    .executeTakeFirst();
}

const STATION_COLUMNS = [
  'id',
  'person_id as personId',
  'role',
  'region_code as regionCode',
  'team_id as teamId',
  'start_date as start',
  'end_date as endDate',
  'ended_on as endedOn',
] as const;

/** Every stationing of a cadre (all roles, history included), oldest first. */
export async function stationsOf(db: Db, personId: number): Promise<StationRow[]> {
  return db
    .selectFrom('stationing')
    .select(STATION_COLUMNS)
    .where('person_id', '=', personId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
}

/** The stationings of many cadres begun by `until` (all roles), oldest first per cadre; 500 cadres a query. */
export async function stationsOfCadres(
  db: Db,
  personIds: readonly number[],
  until: string,
): Promise<Map<number, StationRow[]>> {
  const out = new Map<number, StationRow[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('stationing')
      .select(STATION_COLUMNS)
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .where('start_date', '<=', until)
      .orderBy('start_date')
      .orderBy('id')
      .execute();
    for (const s of rows) out.set(s.personId, [...(out.get(s.personId) ?? []), s]);
  }
  return out;
}

/** The cadre's current station on `day`: a stationed role, started, not ended (the latest if several). */
export function stationOn(stations: readonly StationRow[], day: string): StationRow | undefined {
  return stations.filter((s) => isStationedRole(s.role) && termCovers(s, day)).at(-1);
}

/** The last stationed term that overlaps [from, to] (e.g. an assessment period), if any. */
export function stationWithin(stations: readonly StationRow[], from: string, to: string): StationRow | undefined {
  return stations.filter((s) => isStationedRole(s.role) && s.start <= to && (s.endedOn ?? to) >= from).at(-1);
}

/** The stationed role each cadre holds (held) in a village over [from, to]: the latest such term. */
export async function rolesIn(
  db: Db,
  pairs: readonly { personId: number; regionCode: string }[],
  from: string,
  to: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(pairs.map((p) => p.personId))];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('stationing')
      .select(['person_id', 'region_code', 'role', 'start_date', 'ended_on'])
      .where('person_id', 'in', ids.slice(i, i + 500))
      .where('start_date', '<=', to)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', from)]))
      .orderBy('start_date')
      .orderBy('id')
      .execute();
    for (const r of rows) if (isStationedRole(r.role)) out.set(`${r.person_id}:${r.region_code}`, r.role);
  }
  return out;
}
