/** Region rules that are not about codes (pure); the code rules live in src/shared/regions.ts. */
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

/** Default name of group `no`: 3 → 三组. */
export const groupName = (no: number): string => `${chineseNumber(no)}组`;

/** 西部省份 — the 12 western provinces (default of a policy parameter; used by exit rules). */
export const DEFAULT_WESTERN_PROVINCES = ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
