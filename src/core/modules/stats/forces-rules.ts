/**
 * Help-force statistics rules, pure: shares, per-village ratios, the cadre profile (young, bachelor or
 * higher), the days-in-village buckets, the households-per-cadre distribution and which paired unit
 * counts for the "five ones". Thresholds (young age, minimum days) are arguments, never constants.
 */
import { BACHELOR_OR_HIGHER, type CadreEducation } from '../../../shared/forces.ts';
import { ageOn, fiveOnesGaps, type UnitLevel } from '../cadres/rules.ts';

/** count ÷ total, 0 when there is nothing to divide by (shares are 0..1). */
export const ratio = (count: number, total: number): number => (total > 0 ? count / total : 0);

/** A stationing is current on `today` when it has started and has not ended before today. */
export const isCurrentStation = (s: { start: string; endedOn: string | null }, today: string): boolean =>
  s.start <= today && (s.endedOn === null || s.endedOn >= today);

/** A pairing (or team) is active on `today` until its end date (inclusive); null = open. */
export const isActiveUntil = (end: string | null, today: string): boolean => end === null || end >= today;

/** Aged `maxAge` or under on `today` (unknown birth date: no). */
export const isYoung = (birthDate: string | null, today: string, maxAge: number): boolean =>
  birthDate !== null && birthDate !== '' && ageOn(birthDate, today) <= maxAge;

/** Bachelor's degree or higher (unknown education: no). */
export const isBachelorOrHigher = (education: string | null): boolean =>
  education !== null && BACHELOR_OR_HIGHER.includes(education as CadreEducation);

export interface CadreProfile {
  birthDate: string | null;
  education: string | null;
}

/** The profile shares of a set of distinct cadres: aged ≤ maxAge and bachelor or higher, as counts and shares. */
export function profileShares(cadres: readonly CadreProfile[], today: string, maxAge: number) {
  const young = cadres.filter((c) => isYoung(c.birthDate, today, maxAge)).length;
  const bachelor = cadres.filter((c) => isBachelorOrHigher(c.education)).length;
  return {
    total: cadres.length,
    aged45OrUnder: { count: young, share: ratio(young, cadres.length) },
    bachelorOrHigher: { count: bachelor, share: ratio(bachelor, cadres.length) },
  };
}

/** Days-in-village buckets, both ends inclusive (hi null = open): 0–49, 50–99, 100–149, 150–199, 200+. */
export const DAY_BUCKETS: readonly [lo: number, hi: number | null][] = [
  [0, 49],
  [50, 99],
  [100, 149],
  [150, 199],
  [200, null],
];

export function dayBucketOf(days: number): number {
  const i = DAY_BUCKETS.findIndex(([lo, hi]) => days >= lo && (hi === null || days <= hi));
  return i === -1 ? 0 : i;
}

/** The distribution of cadres over the day buckets. */
export function dayDistribution(days: readonly number[]): { lo: number; hi: number | null; cadres: number }[] {
  const counts = DAY_BUCKETS.map(() => 0);
  for (const d of days) counts[dayBucketOf(d)]!++;
  return DAY_BUCKETS.map(([lo, hi], i) => ({ lo, hi, cadres: counts[i]! }));
}

/**
 * Households per pairing cadre from (households, cadres) rows: merged, ordered by households; the
 * number of pairing cadres is the sum of `cadres`.
 */
export function perCadreDistribution(rows: readonly { households: number; cadres: number }[]) {
  const m = new Map<number, number>();
  for (const r of rows) if (r.households > 0) m.set(r.households, (m.get(r.households) ?? 0) + r.cadres);
  return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([households, cadres]) => ({ households, cadres }));
}

/**
 * Does a paired unit of this level satisfy the five-ones "county-or-higher unit"? Asked of the
 * five-ones rule itself so that the rule alone decides.
 */
export const countsAsPairedUnit = (level: string): boolean =>
  !fiveOnesGaps({
    countyLeaders: 1,
    townshipLeaders: 1,
    firstSecretaries: 1,
    instructors: 1,
    pairedUnitLevels: [level as UnitLevel],
  }).includes('paired_unit');
