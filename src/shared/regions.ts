import type { RegionLevel } from './codes.ts';

/**
 * Region code rules (pure), shared by the server and the web app. Codes are the national statistical division codes padded to 12 digits:
 * province 42 → 420000000000, city 4203 → 420300000000, county 420323 → 420323000000,
 * township 420323104 → 420323104000, village 420323104211. Groups (村民小组) are 15 digits:
 * the village code + a 3-digit group number. 000000000000 is the nation.
 */
export const NATION_CODE = '000000000000';

const SIGNIFICANT: Record<Exclude<RegionLevel, 'nation'>, number> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
  group: 15,
};

/** Accepts a short or padded code (2, 4, 6, 9, 12 or 15 digits); returns the padded code or null if malformed. */
export function normalizeCode(input: string): string | null {
  const s = input.trim();
  if (!/^\d+$/.test(s)) return null;
  if (s.length === 15) return s.slice(12) === '000' ? null : s;
  if (![2, 4, 6, 9, 12].includes(s.length)) return null;
  return s.padEnd(12, '0');
}

/** Level of a normalized code. */
export function levelOf(code: string): RegionLevel {
  if (code.length === 15) return 'group';
  if (code === NATION_CODE) return 'nation';
  if (code.slice(9, 12) !== '000') return 'village';
  if (code.slice(6, 9) !== '000') return 'township';
  if (code.slice(4, 6) !== '00') return 'county';
  if (code.slice(2, 4) !== '00') return 'city';
  return 'province';
}

/** The significant prefix: 420323000000 → 420323. The nation's prefix is empty. */
export function shortCode(code: string): string {
  const level = levelOf(code);
  return level === 'nation' ? '' : code.slice(0, SIGNIFICANT[level]);
}

/** Parent code of a normalized code (nation for provinces, null for the nation). */
export function parentOf(code: string): string | null {
  const level = levelOf(code);
  switch (level) {
    case 'nation':
      return null;
    case 'province':
      return NATION_CODE;
    case 'group':
      return code.slice(0, 12);
    default: {
      const keep = { city: 2, county: 4, township: 6, village: 9 }[level];
      return code.slice(0, keep).padEnd(12, '0');
    }
  }
}

/** All ancestors from the nation down to the parent. */
export function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  for (let p = parentOf(code); p !== null; p = parentOf(p)) out.unshift(p);
  return out;
}

/** A half-open range of region codes [lo, hi). */
export interface CodeRange {
  lo: string;
  hi: string;
}

/**
 * The half-open range [lo, hi) of codes inside the region (itself and every descendant, groups
 * included). A B-tree index serves it, unlike LIKE 'prefix%'.
 */
export function subtreeRange(code: string): CodeRange {
  const prefix = shortCode(code);
  if (prefix === '') return { lo: '0', hi: ':' }; // every digit string
  const next = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
  return { lo: code, hi: next.length > prefix.length ? ':' : next.padEnd(12, '0') };
}

/** Is `code` inside the subtree of `scope`? */
export function isWithin(code: string, scope: string): boolean {
  const { lo, hi } = subtreeRange(scope);
  return code >= lo && code < hi;
}

/** Code of group `no` of a village: (420323104211, 3) → 420323104211003. */
export function groupCode(villageCode: string, no: number): string {
  return `${villageCode}${String(no).padStart(3, '0')}`;
}
