/**
 * Attendance (考勤) and days in the village with the pace.
 * Each use case: load → authorize → transaction(act + audit) → view.
 */
import { STATIONED_ROLES, type AwayReason, type StationRole } from '../../../shared/forces.ts';
import type { Actor } from '../../access/permissions.ts';
import { withinScope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
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
  regionRange,
  rejectProblems,
  requireStationOn,
  yearRegion,
} from './context.ts';
import { todayInChina } from '../../clock.ts';

// ---- attendance ----

export interface CheckInInput {
  personId: number;
  day: string;
  present: boolean;
  awayReason?: AwayReason | null;
  note?: string | null;
}

const dayView = (r: {
  person_id: number;
  region_code: string;
  day: string;
  present: number | string;
  away_reason: string | null;
  note: string | null;
}) => ({
  personId: r.person_id,
  regionCode: r.region_code,
  day: r.day,
  present: Number(r.present) === 1,
  awayReason: r.away_reason as AwayReason | null,
  note: r.note,
});

/** Records (or corrects) a cadre's day: one record per cadre and day, in the village of its station that day. */
export async function recordAttendance(db: Db, actor: Actor, input: CheckInInput) {
  const c = await loadCadre(db, input.personId);
  authorizeCadre(actor, 'force.write', c);
  rejectProblems(dateProblems([['day', input.day]]));
  rejectProblems(checkInProblems({ ...input, today: todayInChina() }));
  const station = requireStationOn(actor, 'force.write', c, input.day, 'day');
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
    await writeAudit(trx, actor, {
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

/** A cadre's days from `from` to `to` (default: the current year), only those in the actor's scope. */
export async function attendanceList(db: Db, actor: Actor, q: { personId: number; from?: string; to?: string }) {
  const c = await loadCadre(db, q.personId);
  authorizeCadre(actor, 'force.read', c);
  const year = todayInChina().slice(0, 4);
  const from = q.from ?? `${year}-01-01`;
  const to = q.to ?? `${year}-12-31`;
  const rows = await db
    .selectFrom('attendance')
    .selectAll()
    .where('person_id', '=', c.id)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .$call(withinScope(actor, 'force.read', 'attendance.region_code'))
    .orderBy('day')
    .execute();
  return { personId: c.id, from, to, items: rows.map(dayView), total: rows.length };
}

// ---- days in the village and pace ----

interface PaceSubject {
  id: number;
  regionCode: string;
  stations: readonly StationRow[];
}

export interface DaysFigures {
  checkInDays: number;
  approvedLeaveDays: number;
  awayDays: number;
  unapprovedAwayDays: number;
  days: number;
  expected: number;
  minimum: number;
  behind: boolean;
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

/** GET /api/cadres/:id/days — one cadre's days in the village for a year. */
export async function cadreDays(db: Db, actor: Actor, id: number, year?: number) {
  const c = await loadCadre(db, id);
  authorizeCadre(actor, 'force.read', c);
  const y = year ?? Number(todayInChina().slice(0, 4));
  const figures = (await daysOf(db, y, [{ id: c.id, regionCode: yearRegion(c, y), stations: c.stations }])).get(c.id)!;
  return { personId: c.id, year: y, ...figures };
}

/** Stationed cadres of a region in a year with their days and pace; `behind` keeps those behind the pace. */
export async function attendanceSummary(
  db: Db,
  actor: Actor,
  q: { region?: string; year?: number; behind?: boolean; page: number; pageSize: number },
) {
  const range = await regionRange(db, actor, 'force.read', q.region);
  const year = q.year ?? Number(todayInChina().slice(0, 4));
  const y0 = `${year}-01-01`;
  const y1 = `${year}-12-31`;
  const rows = await db
    .selectFrom('stationing as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .innerJoin('region as r', 'r.code', 's.region_code')
    .select(['s.person_id', 'p.name', 's.role', 's.region_code', 'r.name as region_name'])
    .where('s.role', 'in', STATIONED_ROLES)
    .where('s.region_code', '>=', range.lo)
    .where('s.region_code', '<', range.hi)
    .$call(withinScope(actor, 'force.read', 's.region_code'))
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
