import type { RegionLevel } from '../../../shared/codes.ts';

/**
 * Region code rules (pure). Codes are the national statistical division codes padded to 12 digits:
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

/**
 * The half-open range [lo, hi) of codes inside the region (itself and every descendant, groups
 * included). A B-tree index serves it, unlike LIKE 'prefix%'.
 */
export function subtreeRange(code: string): { lo: string; hi: string } {
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

/** Everyday name of a village committee: 董家沟村委会 → 董家沟村, 丁台村村民委员会 → 丁台村, 城关社区居委会 → 城关社区. */
export function commonName(officialName: string): string {
  const village = officialName.match(/^(.+?)(村民委员会|村委会)$/);
  if (village) {
    const base = village[1]!;
    return base.endsWith('村') ? base : `${base}村`;
  }
  const community = officialName.match(/^(.+?社区)(居民委员会|居委会)$/);
  if (community) return community[1]!;
  return officialName.replace(/居民委员会$/, '居委会');
}

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1..99: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十. */
export function chineseNumber(n: number): string {
  if (n < 10) return NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`;
}

/** Code and default name of group `no` of a village: (420323104211, 3) → 420323104211003, 三组. */
export function groupCode(villageCode: string, no: number): string {
  return `${villageCode}${String(no).padStart(3, '0')}`;
}
export const groupName = (no: number): string => `${chineseNumber(no)}组`;

/** 西部省份 — the 12 western provinces (default of a policy parameter; used by exit rules). */
export const DEFAULT_WESTERN_PROVINCES = ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
