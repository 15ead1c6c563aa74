import type { RegionLevel } from '../../../shared/codes.ts';

/** Poverty incidence (贫困发生率) = registered poor persons ÷ rural registered persons; 0 when there are none. */
export function incidence(poorPersons: number, persons: number): number {
  return persons > 0 ? poorPersons / persons : 0;
}

/** Length of the code prefix that names a child of a region of `level` (village children are groups). */
export function childPrefixLength(level: RegionLevel): number | 'group' | null {
  return { nation: 2, province: 4, city: 6, county: 9, township: 12, village: 'group' as const, group: null }[level];
}

/** Income buckets (yuan per person per year) of the distribution: [lo, hi) with hi null = open. */
export const INCOME_BUCKETS: [number, number | null][] = [
  [0, 2000],
  [2000, 3000],
  [3000, 4000],
  [4000, 5000],
  [5000, 6000],
  [6000, 8000],
  [8000, 10000],
  [10000, 15000],
  [15000, null],
];

export function bucketOf(income: number): number {
  const i = INCOME_BUCKETS.findIndex(([lo, hi]) => income >= lo && (hi === null || income < hi));
  return i === -1 ? 0 : i;
}
