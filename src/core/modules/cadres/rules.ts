/**
 * Help-force rules (帮扶力量), pure: the "five ones" (五个一), stationing terms and overlaps, team size,
 * days in the village and its pace, the leave approval level, the pairing cap. Every threshold is a
 * parameter passed in (policy parameters), never a constant of the rule.
 */
import type { Msg } from '../../i18n.ts';

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
  else if (t.end !== null && monthsBetween(t.start, t.end) < minMonths)
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
