/**
 * Attendance (考勤) and days in the village with the pace.
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import type { AwayReason } from '../../../shared/forces.ts';
import type {
  AttendanceQuery,
  CadreDays,
  CheckInBody,
  DayRecord,
  SummaryQuery,
} from '../../../shared/contracts/duty.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import { writeAudit } from '../audit/repo.ts';
import { refreshAttendanceYears } from './days.ts';
import { daysOf, stationedPace } from './pace.ts';
import { checkInProblems } from './rules.ts';
import {
  authorizeCadre,
  dateProblems,
  loadCadre,
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

/** One cadre's days in the village for a year. */
export async function cadreDays(db: Db, scope: Scope, id: number, year?: number): Promise<CadreDays> {
  const c = await loadCadre(db, id);
  authorizeCadre(scope, c);
  const y = year ?? Number(todayInChina().slice(0, 4));
  const figures = (await daysOf(db, y, [{ id: c.id, regionCode: yearRegion(c, y), stations: c.stations }])).get(c.id)!;
  return { personId: c.id, year: y, ...figures };
}

/**
 * The stationed cadres of the scope in a year (pace.ts: stationed there on the year's reference day — today, or 31
 * December of a past year) with their days and pace; `behind` keeps those behind the pace. Paged in memory, not by
 * listPage: the pace is computed for every cadre (the `behind` filter and count need them all).
 */
export async function attendanceSummary(db: Db, scope: Scope, q: SummaryQuery) {
  const year = q.year ?? Number(todayInChina().slice(0, 4));
  const all = await stationedPace(db, scope, year);
  const behind = all.filter((r) => r.behind).length;
  const chosen = q.behind ? all.filter((r) => r.behind) : all;
  return { year, total: chosen.length, behind, items: paged(chosen, q.page, q.pageSize) };
}
