/**
 * Attendance (考勤) and days in the village with the pace.
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import { STATIONED_ROLES, type AwayReason, type StationRole } from '../../../shared/forces.ts';
import type {
  AttendanceQuery,
  CadreDays,
  CheckInBody,
  DayRecord,
  DaysFigures,
  SummaryQuery,
} from '../../../shared/contracts/duty.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { writeAudit } from '../audit/repo.ts';
import { villagePace } from '../cadres/rules.ts';
import { refreshAttendanceYears, villageDays, type VillageDays } from './days.ts';
import type { StationRow } from './repo.ts';
import { checkInProblems, paceWindow } from './rules.ts';
import {
  authorizeCadre,
  dateProblems,
  loadCadre,
  numberParam,
  paged,
  rejectProblems,
  requireStationOn,
  yearRegion,
} from './context.ts';
import { todayInChina } from '../../clock.ts';

// ---- attendance ----

const dayView = (r: {
  person_id: number;
  region_code: string;
  day: string;
  present: number | string;
  away_reason: string | null;
  note: string | null;
}): DayRecord => ({
  personId: r.person_id,
  regionCode: r.region_code,
  day: r.day,
  present: Number(r.present) === 1,
  awayReason: r.away_reason as AwayReason | null,
  note: r.note,
});

/** Records (or corrects) a cadre's day: one record per cadre and day, in the village of its station that day. */
export async function recordAttendance(db: Db, scope: Scope, input: CheckInBody): Promise<DayRecord> {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(scope, c);
  rejectProblems(dateProblems([['day', input.day]]));
  rejectProblems(checkInProblems({ ...input, today: todayInChina() }));
  const station = requireStationOn(scope, c, input.day, 'day');
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('attendance')
      .selectAll()
      .where('person_id', '=', c.id)
      .where('day', '=', input.day)
      .executeTakeFirst();
    const values = {
      region_code: station.regionCode,
      present: input.present ? 1 : 0,
      away_reason: input.present ? null : (input.awayReason ?? null),
      note: input.note ?? null,
    };
    const row = await trx
      .insertInto('attendance')
      .values({ person_id: c.id, day: input.day, created_at: nowIso(), ...values })
      .onConflict((oc) => oc.columns(['person_id', 'day']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshAttendanceYears(trx, [c.id]);
    const after = dayView(row);
    await writeAudit(trx, scope.actor, {
      action: existing ? 'update' : 'create',
      entity: 'attendance',
      entityId: row.id,
      regionCode: station.regionCode,
      before: existing ? dayView(existing) : undefined,
      after,
    });
    return after;
  });
}

/** A cadre's days from `from` to `to` (default: the current year), only those in the scope, by day. */
export async function attendanceList(db: Db, scope: Scope, q: AttendanceQuery) {
  const c = await loadCadre(db, q.personId);
  authorizeCadre(scope, c);
  const year = todayInChina().slice(0, 4);
  const from = q.from ?? `${year}-01-01`;
  const to = q.to ?? `${year}-12-31`;
  const { total, rows } = await listPage({
    scope,
    base: db
      .selectFrom('attendance as a')
      .where('a.person_id', '=', c.id)
      .where('a.day', '>=', from)
      .where('a.day', '<=', to),
    scopeColumn: 'a.region_code',
    order: (qb) => qb.orderBy('a.day'),
    page: q,
    select: (qb) => qb.select(['a.person_id', 'a.region_code', 'a.day', 'a.present', 'a.away_reason', 'a.note']),
  });
  return { personId: c.id, from, to, items: rows.map(dayView), total };
}

// ---- days in the village and pace ----

interface PaceSubject {
  id: number;
  regionCode: string;
  stations: readonly StationRow[];
}

/** Days in the village of each cadre for a year up to today, against the prorated policy minimum. */
async function daysOf(db: Db, year: number, subjects: readonly PaceSubject[]): Promise<Map<number, DaysFigures>> {
  const today = todayInChina();
  const until = today < `${year}-12-31` ? today : `${year}-12-31`;
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

/** One cadre's days in the village for a year. */
export async function cadreDays(db: Db, scope: Scope, id: number, year?: number): Promise<CadreDays> {
  const c = await loadCadre(db, id);
  authorizeCadre(scope, c);
  const y = year ?? Number(todayInChina().slice(0, 4));
  const figures = (await daysOf(db, y, [{ id: c.id, regionCode: yearRegion(c, y), stations: c.stations }])).get(c.id)!;
  return { personId: c.id, year: y, ...figures };
}

/**
 * Stationed cadres of the scope in a year with their days and pace; `behind` keeps those behind the pace. Paged in
 * memory, not by listPage: the pace is computed for every cadre (the `behind` filter and count need them all).
 */
export async function attendanceSummary(db: Db, scope: Scope, q: SummaryQuery) {
  const year = q.year ?? Number(todayInChina().slice(0, 4));
  const y0 = `${year}-01-01`;
  const y1 = `${year}-12-31`;
  const rows = await db
    .selectFrom('stationing as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .innerJoin('region as r', 'r.code', 's.region_code')
    .select(['s.person_id', 'p.name', 's.role', 's.region_code', 'r.name as region_name'])
    .where('s.role', 'in', STATIONED_ROLES)
    .$call(scope.where('s.region_code'))
    .where('s.start_date', '<=', y1)
    .where((eb) => eb.or([eb('s.ended_on', 'is', null), eb('s.ended_on', '>=', y0)]))
    .orderBy('s.start_date')
    .orderBy('s.id')
    .execute();
  // One row per cadre: its latest station in the region this year.
  const byPerson = new Map<number, (typeof rows)[number]>();
  for (const r of rows) byPerson.set(r.person_id, r);
  const ids = [...byPerson.keys()];
  const stations = new Map<number, StationRow[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = await db
      .selectFrom('stationing')
      .select([
        'id',
        'person_id as personId',
        'role',
        'region_code as regionCode',
        'team_id as teamId',
        'start_date as start',
        'end_date as endDate',
        'ended_on as endedOn',
      ])
      .where('person_id', 'in', ids.slice(i, i + 500))
      .orderBy('start_date')
      .orderBy('id')
      .execute();
    for (const s of chunk) stations.set(s.personId, [...(stations.get(s.personId) ?? []), s]);
  }
  const figures = await daysOf(
    db,
    year,
    ids.map((id) => ({ id, regionCode: byPerson.get(id)!.region_code, stations: stations.get(id) ?? [] })),
  );
  const all = [...byPerson.values()]
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
  const behind = all.filter((r) => r.behind).length;
  const chosen = q.behind ? all.filter((r) => r.behind) : all;
  return { year, total: chosen.length, behind, items: paged(chosen, q.page, q.pageSize) };
}
