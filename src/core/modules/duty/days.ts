/**
 * Days in the village (在村天数) per cadre: check-in days (present) plus approved leave days (leave
 * counts as present; a day both checked in and on approved leave counts once), away days, and the
 * away days not covered by an approved leave (unapproved absence, flagged). A few grouped queries per
 * call whatever the number of cadres; the pace itself is the pure villagePace rule.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { todayInChina } from '../../clock.ts';
import { unionDays } from './rules.ts';

export interface VillageDays {
  /** Days checked in present. */
  checkInDays: number;
  /** Days checked in away (whatever the reason). */
  awayDays: number;
  /** Days of approved leave on which the cadre did not also check in present. */
  approvedLeaveDays: number;
  /** Away days not covered by an approved leave. */
  unapprovedAwayDays: number;
}

/** Which cadres: explicit ids, or everyone whose attendance/leave rows lie in a region code range. */
export type DaysFilter = { personIds: readonly number[] } | { ranges: readonly { lo: string; hi: string }[] | 'all' };

/** Days of each cadre from `${year}-01-01` to `until` (inclusive; defaults to the year's end). */
export async function villageDays(
  db: Db,
  year: number,
  filter: DaysFilter,
  until = `${year}-12-31`,
): Promise<Map<number, VillageDays>> {
  return daysInRange(db, `${year}-01-01`, until < `${year}-12-31` ? until : `${year}-12-31`, filter);
}

/** Days of each cadre from `from` to `to` (both inclusive). */
export async function daysInRange(
  db: Db,
  from: string,
  to: string,
  filter: DaysFilter,
): Promise<Map<number, VillageDays>> {
  const out = new Map<number, VillageDays>();
  const entry = (id: number) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { checkInDays: 0, awayDays: 0, approvedLeaveDays: 0, unapprovedAwayDays: 0 }));
    return e;
  };
  if (to < from) return out;
  if ('personIds' in filter && filter.personIds.length === 0) return out;
  if ('ranges' in filter && filter.ranges !== 'all' && filter.ranges.length === 0) return out;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const scoped = (qb: any, table: string) => {
    if ('personIds' in filter) return qb.where(`${table}.person_id`, 'in', filter.personIds);
    if (filter.ranges === 'all') return qb;
    const ranges = filter.ranges;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return qb.where((eb: any) =>
      eb.or(ranges.map((r) => eb.and([eb(`${table}.region_code`, '>=', r.lo), eb(`${table}.region_code`, '<', r.hi)]))),
    );
  };

  // From 1 January to today or later, the yearly totals kept with every check-in (attendance_year) are the
  // counts: no check-in lies in the future (the check-in refuses a future day).
  const year = Number(from.slice(0, 4));
  const wholeYear =
    'personIds' in filter && from === `${year}-01-01` && (to >= `${year}-12-31` || to >= todayInChina());
  const att = wholeYear
    ? db
        .selectFrom('attendance_year')
        .select(['person_id as personId', 'present_days as present', 'away_days as away'])
        .where('person_id', 'in', (filter as { personIds: readonly number[] }).personIds)
        .where('year', '=', year)
        .execute()
        .then((rows) =>
          rows.flatMap((r) => [
            { personId: r.personId, present: 1, n: r.present },
            { personId: r.personId, present: 0, n: r.away },
          ]),
        )
    : scoped(
        db
          .selectFrom('attendance')
          .select((eb) => [
            'attendance.person_id as personId',
            'attendance.present as present',
            eb.fn.countAll<number>().as('n'),
          ])
          .where('attendance.day', '>=', from)
          .where('attendance.day', '<=', to)
          .groupBy(['attendance.person_id', 'attendance.present']),
        'attendance',
      ).execute();

  // Check-ins on days of approved leave: present ones are not counted twice, away ones are approved.
  // Driven from the few approved leaves, each looking up its days along the (person_id, day) index.
  const onLeave = scoped(
    db
      .selectFrom('leave_request as l')
      .innerJoin('attendance', (j) =>
        j
          .onRef('attendance.person_id', '=', 'l.person_id')
          .onRef('attendance.day', '>=', 'l.start_date')
          .onRef('attendance.day', '<=', 'l.end_date'),
      )
      .select((eb) => [
        'attendance.person_id as personId',
        'attendance.present as present',
        eb.fn.count<number>('attendance.id').distinct().as('n'),
      ])
      .where('l.status', '=', 'approved')
      .where('l.start_date', '<=', to)
      .where('l.end_date', '>=', from)
      .where('attendance.day', '>=', from)
      .where('attendance.day', '<=', to)
      .groupBy(['attendance.person_id', 'attendance.present']),
    'l', // a leave lies in its cadre's village, like its days: filter the driving table
  ).execute();

  const leaves = scoped(
    db
      .selectFrom('leave_request')
      .select([
        'leave_request.person_id as personId',
        'leave_request.start_date as start',
        'leave_request.end_date as end',
      ])
      .where('leave_request.status', '=', 'approved')
      .where('leave_request.start_date', '<=', to)
      .where('leave_request.end_date', '>=', from),
    'leave_request',
  ).execute();

  const [attRows, onLeaveRows, leaveRows] = (await Promise.all([att, onLeave, leaves])) as [
    { personId: number; present: number | string; n: number | string }[],
    { personId: number; present: number | string; n: number | string }[],
    { personId: number; start: string; end: string }[],
  ];
  for (const r of attRows) {
    const e = entry(r.personId);
    if (Number(r.present) === 1) e.checkInDays += Number(r.n);
    else e.awayDays += Number(r.n);
  }
  const byPerson = new Map<number, { start: string; end: string }[]>();
  for (const l of leaveRows) {
    const list = byPerson.get(l.personId) ?? [];
    list.push({ start: l.start, end: l.end });
    byPerson.set(l.personId, list);
  }
  for (const [personId, list] of byPerson) entry(personId).approvedLeaveDays = unionDays(list, from, to);
  const presentOnLeave = new Map<number, number>();
  const awayOnLeave = new Map<number, number>();
  for (const r of onLeaveRows) (Number(r.present) === 1 ? presentOnLeave : awayOnLeave).set(r.personId, Number(r.n));
  for (const [personId, e] of out) {
    e.approvedLeaveDays -= presentOnLeave.get(personId) ?? 0;
    e.unapprovedAwayDays = e.awayDays - (awayOnLeave.get(personId) ?? 0);
  }
  return out;
}

/**
 * Recomputes the yearly check-in totals (attendance_year) of these cadres from their daily rows. Every
 * writer of `attendance` calls it in the same transaction (the check-in service, the demo loader).
 */
export async function refreshAttendanceYears(db: Db, personIds: readonly number[]): Promise<void> {
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.deleteFrom('attendance_year').where('person_id', 'in', chunk).execute();
    const year = sql<number>`cast(substr(day, 1, 4) as integer)`;
    await db
      .insertInto('attendance_year')
      .columns(['person_id', 'year', 'present_days', 'away_days'])
      .expression(
        db
          .selectFrom('attendance')
          .select([
            'person_id',
            year.as('year'),
            sql<number>`sum(present)`.as('present_days'),
            sql<number>`count(*) - sum(present)`.as('away_days'),
          ])
          .where('person_id', 'in', chunk)
          .groupBy(['person_id', year]),
      )
      .execute();
  }
}
