/**
 * Help-force rules (帮扶力量), pure: the "five ones" (五个一), stationing terms and overlaps, team size,
 * days in the village and its pace, the leave approval level, the pairing cap. Every threshold is a
 * parameter passed in (policy parameters), never a constant of the rule.
 */
import type { Msg } from '../../i18n.ts';
import { STATIONED_ROLES, type StationRole } from '../../../shared/forces.ts';
import { checkIdNumber } from '../households/idcard.ts';

/** 五个一 — what a key village must have. */
export const FIVE_ONES = ['county_leader', 'township_leader', 'paired_unit', 'first_secretary', 'instructor'] as const;
export type FiveOne = (typeof FIVE_ONES)[number];

export const FIVE_ONE_LABELS: Record<FiveOne, Msg> = {
  county_leader: { zh: '县级领导包联', en: 'County leader linked' },
  township_leader: { zh: '乡镇领导包联', en: 'Township leader linked' },
  paired_unit: { zh: '县级以上单位结对', en: 'County-or-higher unit paired' },
  first_secretary: { zh: '第一书记', en: 'First secretary' },
  instructor: { zh: '党建指导员', en: 'Party-building instructor' },
};

export type UnitLevel = 'central' | 'provincial' | 'city' | 'county' | 'township';
const COUNTY_OR_HIGHER: ReadonlySet<UnitLevel> = new Set(['central', 'provincial', 'city', 'county']);

/** What a village has now (active links, pairings and stations on the day considered). */
export interface VillageForces {
  countyLeaders: number;
  townshipLeaders: number;
  pairedUnitLevels: readonly UnitLevel[];
  firstSecretaries: number;
  instructors: number;
}

/** The five ones a village is missing, in the canonical order (empty = complete). */
export function fiveOnesGaps(v: VillageForces): FiveOne[] {
  const present: Record<FiveOne, boolean> = {
    county_leader: v.countyLeaders > 0,
    township_leader: v.townshipLeaders > 0,
    paired_unit: v.pairedUnitLevels.some((l) => COUNTY_OR_HIGHER.has(l)),
    first_secretary: v.firstSecretaries > 0,
    instructor: v.instructors > 0,
  };
  return FIVE_ONES.filter((f) => !present[f]);
}

/** A work team below the policy minimum (parameter, e.g. 3) is flagged. */
export const teamBelowMinimum = (size: number, minimum: number): boolean => size < minimum;

/** A stationing term (ISO dates; end null = open). */
export interface Term {
  start: string;
  end: string | null;
}

/** Do two terms share at least one day? (Ends are inclusive; an open end runs forever.) */
export function overlaps(a: Term, b: Term): boolean {
  const aEnd = a.end ?? '9999-12-31';
  const bEnd = b.end ?? '9999-12-31';
  return a.start <= bEnd && b.start <= aEnd;
}

const monthsBetween = (start: string, end: string) => {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
};

/**
 * Problems of a new stationing term against the cadre's other terms: the end before the start, a
 * planned term shorter than the policy minimum (months, e.g. 24), or a second village at the same time.
 */
export function termProblems(t: Term, others: readonly Term[], minMonths: number): [field: string, message: Msg][] {
  const out: [string, Msg][] = [];
  if (t.end !== null && t.end < t.start)
    out.push(['end', { zh: '任期结束日期早于开始日期', en: 'The term ends before it starts' }]);
  // the planned end is the term's last day: 2026-03-01 … 2028-02-29 is two full years
  else if (t.end !== null && monthsBetween(t.start, dayAfter(t.end)) < minMonths)
    out.push(['end', { zh: `任期不足 ${minMonths} 个月`, en: `The term is shorter than ${minMonths} months` }]);
  if (others.some((o) => overlaps(t, o)))
    out.push([
      'start',
      { zh: '该干部同一时间已在其他村驻村', en: 'The cadre is stationed in another village at that time' },
    ]);
  return out;
}

/** Who approves a leave of `days` days: the township up to the limit (parameter), the county organisation department beyond. */
export const leaveApprover = (days: number, townshipLimitDays: number): 'township' | 'county' =>
  days <= townshipLimitDays ? 'township' : 'county';

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Inclusive count of days from `start` to `end`. */
export const daysBetween = (start: string, end: string): number => dayNumber(end) - dayNumber(start) + 1;

/**
 * Days in the village this year and the pace against the yearly minimum (parameter, e.g. 200): the
 * target prorated to `today` over the days the cadre is stationed this year. Approved leave counts as
 * present; unapproved absence does not.
 */
export function villagePace(p: {
  checkInDays: number;
  approvedLeaveDays: number;
  today: string;
  stationedSince: string;
  yearlyMinimum: number;
}): { days: number; expected: number; behind: boolean } {
  const year = p.today.slice(0, 4);
  const from = p.stationedSince > `${year}-01-01` ? p.stationedSince : `${year}-01-01`;
  const yearDays = daysBetween(`${year}-01-01`, `${year}-12-31`);
  const elapsed = Math.max(0, daysBetween(from, p.today));
  const expected = Math.floor((p.yearlyMinimum * elapsed) / yearDays);
  const days = p.checkInDays + p.approvedLeaveDays;
  return { days, expected, behind: days < expected };
}

/** A cadre already responsible for `current` households may take one more only while under the cap (parameter, e.g. 5). */
export const canPairAnother = (current: number, cap: number): boolean => current < cap;

/** Age in whole years on a date. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The birth dates aged at most `maxAge` on `on` are exactly those after the returned string (compared as
 * text, as ageOn compares): the same month and day, maxAge + 1 years earlier. A list filters with it in SQL
 * and counts what ageOn counts.
 */
export function bornAfterForMaxAge(on: string, maxAge: number): string {
  return `${String(Number(on.slice(0, 4)) - maxAge - 1).padStart(4, '0')}${on.slice(4)}`;
}

// ---- stationing, recalls and cadre records (helper "cadres") ----

/** A YYYY-MM-DD string that names a real calendar day. */
export function isIsoDate(s: string | null | undefined): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The dates of a stationing as stored: start, planned end, actual end. */
export interface StationDates {
  startDate: string;
  endDate: string | null;
  endedOn: string | null;
}

/**
 * A stationing is in force on `day` from its start until its actual end (ended_on, inclusive). The
 * planned end is only the plan: a term runs on until it is ended (rotation, completion, recall), so a
 * cadre past the planned end is still counted where stationed. (The duty and statistics modules count
 * "current" the same way.)
 */
export const stationActiveOn = (s: StationDates, day: string): boolean =>
  s.startDate <= day && (s.endedOn === null || s.endedOn >= day);

/** A cadre's other stationing, as the overlap check sees it. */
export interface OtherStation extends StationDates {
  role: StationRole;
  regionCode: string;
}

export interface StationDraft {
  role: StationRole;
  villageCode: string;
  /** Level of the region asked for: only a village takes a stationing. */
  regionLevel: string;
  startDate: string;
  endDate: string | null;
  /** The village of the team asked for (undefined: no team). */
  teamVillage?: string;
}

const isStationed = (role: StationRole) => STATIONED_ROLES.includes(role);

/** The calendar day after an ISO date. */
export function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Problems of a new stationing, by field: the region must be a village; the term must not end before
 * it starts; a stationed role (first secretary, team leader or member) lasts at least the policy
 * minimum (months) and holds one village at a time (another term lasts until its actual end,
 * ended_on: one not ended is open); a link (leaders, instructor) may cover several
 * villages; nobody holds the same role twice in one village at once; a team belongs to the same
 * village and takes only stationed roles.
 */
export function stationProblems(
  d: StationDraft,
  others: readonly OtherStation[],
  minMonths: number,
): [field: string, message: Msg][] {
  const out: [string, Msg][] = [];
  if (d.regionLevel !== 'village')
    out.push(['regionCode', { zh: '驻村/包联地点应为村级区划', en: 'A stationing is in a village' }]);
  const term = { start: d.startDate, end: d.endDate };
  for (const [f, m] of termProblems(term, [], isStationed(d.role) ? minMonths : 0))
    if (f === 'end') out.push(['endDate', m]);
  if (isStationed(d.role)) {
    const elsewhere = others
      .filter((o) => isStationed(o.role) && o.regionCode !== d.villageCode)
      .map((o) => ({ start: o.startDate, end: o.endedOn }));
    for (const [f, m] of termProblems(term, elsewhere, 0)) if (f === 'start') out.push(['startDate', m]);
  }
  if (
    others.some(
      (o) =>
        o.role === d.role && o.regionCode === d.villageCode && overlaps(term, { start: o.startDate, end: o.endedOn }),
    )
  )
    out.push([
      'role',
      { zh: '该干部同一时间已在本村担任此职务', en: 'The cadre already holds this role in the village at that time' },
    ]);
  if (d.teamVillage !== undefined) {
    if (!isStationed(d.role))
      out.push(['teamId', { zh: '只有驻村干部可编入工作队', en: 'Only stationed cadres belong to a work team' }]);
    else if (d.teamVillage !== d.villageCode)
      out.push(['teamId', { zh: '工作队不属于该村', en: 'The work team belongs to another village' }]);
  }
  return out;
}

/**
 * Problems of a recall request: only a stationed role (first secretary, team leader or member) in
 * force today can be recalled, effective not before the stationing started (a term past its planned
 * end is still in force until it is ended).
 */
export function recallProblems(
  s: StationDates & { role: StationRole },
  effectiveDate: string,
  today: string,
): [field: string, message: Msg][] {
  const out: [string, Msg][] = [];
  if (!isStationed(s.role))
    out.push([
      'stationId',
      { zh: '只能召回驻村干部（第一书记、工作队员）', en: 'Only stationed cadres can be recalled' },
    ]);
  else if (!stationActiveOn(s, today))
    out.push(['stationId', { zh: '该驻村任职已结束或尚未开始', en: 'The stationing is not in force' }]);
  if (effectiveDate < s.startDate)
    out.push([
      'effectiveDate',
      { zh: '召回日期早于驻村开始日期', en: 'The recall takes effect before the stationing starts' },
    ]);
  return out;
}

/** Problems of ending a stationing on `endedOn`: not before its start. */
export function endProblems(s: StationDates, endedOn: string): [field: string, message: Msg][] {
  return endedOn < s.startDate
    ? [['endedOn', { zh: '离任日期早于驻村开始日期', en: 'The end date is before the stationing starts' }]]
    : [];
}

/**
 * Problems of a cadre record's birth date and ID number (GB 11643): a real date in the past; a valid
 * number whose birth date and gender agree with the record. Gives the cleaned number, and the birth
 * date and gender the number implies (to fill in what the form left empty).
 */
export function cadreProblems(
  c: { birthDate?: string | null; idNumber?: string | null; gender?: 'male' | 'female' | null },
  today: string,
): {
  problems: [field: string, message: Msg][];
  idNumber: string | null;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
} {
  const problems: [string, Msg][] = [];
  const birthDate = c.birthDate ?? null;
  if (birthDate !== null) {
    if (!isIsoDate(birthDate))
      problems.push([
        'birthDate',
        { zh: `出生日期 ${birthDate} 不存在`, en: `The birth date ${birthDate} is not a real date` },
      ]);
    else if (birthDate >= today)
      problems.push(['birthDate', { zh: '出生日期应早于今天', en: 'The birth date must be in the past' }]);
    else if (birthDate < '1900-01-01')
      problems.push(['birthDate', { zh: '出生日期早于 1900 年', en: 'The birth date is before 1900' }]);
  }
  if (!c.idNumber) return { problems, idNumber: null, birthDate, gender: c.gender ?? null };
  const check = checkIdNumber(c.idNumber, {
    birthDate: problems.length ? null : birthDate,
    gender: c.gender ?? null,
    today,
  });
  for (const m of check.problems) problems.push(['idNumber', m]);
  return {
    problems,
    idNumber: check.normalized ?? c.idNumber,
    birthDate: birthDate ?? check.birthDate,
    gender: c.gender ?? check.gender,
  };
}
