/**
 * 驻村干部与在村天数进度 — the one definition of two figures that several pages show:
 *
 * - **stationed cadres** (在岗驻村干部): the distinct cadres holding a stationed role (first secretary, team
 *   leader or member) in a village of the scope on a day — `stationedOn`;
 * - **behind their days-in-village pace** (在村天数落后): those of them whose days in the village this year (check-in
 *   days plus approved leave) are below the prorated yearly minimum over their pace window — `stationedPace`.
 *
 * The statistics (帮扶力量统计: 在岗驻村干部, 在村天数落后), the days summary (在村天数, ?behind=true) and the cadre
 * list (?stationed=true) all read them from here, so a figure and the list it links to cannot drift apart.
 */
import { STATIONED_ROLES, type StationRole } from '../../../shared/forces.ts';
import type { DaysFigures } from '../../../shared/contracts/duty.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import type { Db } from '../../db/index.ts';
import { villagePace } from '../cadres/rules.ts';
import { activeOn } from '../cadres/repo.ts';
import { numberParam } from './context.ts';
import { villageDays, type VillageDays } from './days.ts';
import { stationsOfCadres, type StationRow } from './repo.ts';
import { paceWindow } from './rules.ts';

/**
 * The day a year's stationed cadres are counted on: today for the current year (and a future one), 31 December for
 * a past year.
 */
export const referenceDay = (year: number, today: string) => (today < `${year}-12-31` ? today : `${year}-12-31`);

/** The stationings in a stationed role in a village of the scope on `day` (SQL; one row per stationing). */
export const stationedStationings = (db: Db, scope: Scope, day: string) =>
  db
    .selectFrom('stationing as s')
    .$call(scope.where('s.region_code'))
    .where(activeOn('s', day))
    .where('s.role', 'in', STATIONED_ROLES as StationRole[]);

/** 在岗驻村干部 — the distinct cadres stationed in the scope on `day` (a subquery of person ids). */
export const stationedOn = (db: Db, scope: Scope, day: string) =>
  stationedStationings(db, scope, day).select('s.person_id').distinct();

interface PaceSubject {
  id: number;
  regionCode: string;
  stations: readonly StationRow[];
}

/** Days in the village of each cadre for a year up to today, against the prorated policy minimum. */
export async function daysOf(
  db: Db,
  year: number,
  subjects: readonly PaceSubject[],
  today = todayInChina(),
): Promise<Map<number, DaysFigures>> {
  const until = referenceDay(year, today);
  const counted = new Map<number, VillageDays>();
  for (let i = 0; i < subjects.length; i += 500) {
    const chunk = await villageDays(db, year, { personIds: subjects.slice(i, i + 500).map((s) => s.id) }, until);
    for (const [k, v] of chunk) counted.set(k, v);
  }
  const minimums = new Map<string, number>();
  const out = new Map<number, DaysFigures>();
  for (const s of subjects) {
    const province = s.regionCode.slice(0, 2);
    let minimum = minimums.get(province);
    if (minimum === undefined) {
      minimum = await numberParam(db, 'village_days_min', year, s.regionCode);
      minimums.set(province, minimum);
    }
    const d = counted.get(s.id) ?? { checkInDays: 0, awayDays: 0, approvedLeaveDays: 0, unapprovedAwayDays: 0 };
    const window = paceWindow(
      year,
      today,
      s.stations.map((t) => ({ role: t.role, start: t.start, endedOn: t.endedOn })),
    );
    const pace = window
      ? villagePace({
          checkInDays: d.checkInDays,
          approvedLeaveDays: d.approvedLeaveDays,
          today: window.until,
          stationedSince: window.since,
          yearlyMinimum: minimum,
        })
      : { days: d.checkInDays + d.approvedLeaveDays, expected: 0, behind: false };
    out.set(s.id, { ...d, ...pace, minimum });
  }
  return out;
}

/** A stationed cadre of the scope with its days and pace. */
export interface PaceRow extends DaysFigures {
  personId: number;
  name: string;
  role: StationRole;
  /** The village of its latest stationing in the scope on the reference day. */
  regionCode: string;
  regionName: string;
}

/**
 * The stationed cadres of the scope in `year` — those stationed there on the year's reference day — each with its
 * days in the village and pace over its pace window (all its stationed terms of the year), ordered by village, name
 * and id. `rows.length` is 在岗驻村干部 and `rows.filter((r) => r.behind).length` is 在村天数落后.
 */
export async function stationedPace(db: Db, scope: Scope, year: number, today = todayInChina()): Promise<PaceRow[]> {
  const day = referenceDay(year, today);
  const rows = await stationedStationings(db, scope, day)
    .innerJoin('person as p', 'p.id', 's.person_id')
    .innerJoin('region as r', 'r.code', 's.region_code')
    .select(['s.person_id', 'p.name', 's.role', 's.region_code', 'r.name as region_name'])
    .orderBy('s.start_date')
    .orderBy('s.id')
    .execute();
  // One row per cadre: its latest stationing in the scope on the day.
  const byPerson = new Map<number, (typeof rows)[number]>();
  for (const r of rows) byPerson.set(r.person_id, r);
  const ids = [...byPerson.keys()];
  const stations = await stationsOfCadres(db, ids, `${year}-12-31`);
  const figures = await daysOf(
    db,
    year,
    ids.map((id) => ({ id, regionCode: byPerson.get(id)!.region_code, stations: stations.get(id) ?? [] })),
    today,
  );
  return [...byPerson.values()]
    .map((r) => ({
      personId: r.person_id,
      name: r.name,
      role: r.role as StationRole,
      regionCode: r.region_code,
      regionName: r.region_name,
      ...figures.get(r.person_id)!,
    }))
    .sort((a, b) =>
      a.regionCode !== b.regionCode
        ? a.regionCode < b.regionCode
          ? -1
          : 1
        : a.name !== b.name
          ? a.name.localeCompare(b.name, 'zh')
          : a.personId - b.personId,
    );
}
