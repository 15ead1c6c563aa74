/**
 * One way to write numbers and the punctuation around them, everywhere in the web app: counts with thousands
 * separators (48,019), money with two decimals (5,880.50), averages with at most two (4.54), shares as whole
 * percentages (72%), the units 户 / 人 / 对 (households, persons, pairs), and the punctuation that differs
 * between the languages — full-width in Chinese (：（）、；), half-width in English (: ( ) , ;). The functions
 * read the current language; components that must re-render on a switch take them from `useFormat()`
 * (useFormat.ts). Pure (no React, no DOM) and imported relatively, so test/web-format.test.ts runs it in Node.
 */
import { sharedLang as getLang, type Lang } from '../../src/shared/lang.ts';

const NONE = '—';
const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');
const missing = (n: number | null | undefined): n is null | undefined =>
  n === null || n === undefined || Number.isNaN(Number(n));

/** A count: 48,019. */
export function count(n: number | null | undefined, lang: Lang = getLang()): string {
  return missing(n) ? NONE : Math.round(Number(n)).toLocaleString(locale(lang));
}

/** Money (yuan): always two decimals, 5,880.50. */
export function money(n: number | null | undefined, lang: Lang = getLang()): string {
  return missing(n)
    ? NONE
    : Number(n).toLocaleString(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A ratio or average: at most two decimals, 4.54. */
export function decimal(n: number | null | undefined, lang: Lang = getLang()): string {
  return missing(n) ? NONE : Number(n).toLocaleString(locale(lang), { maximumFractionDigits: 2 });
}

/** A share (0–1) as a percentage: 72% (`digits` decimals, e.g. 2 for a poverty incidence: 3.25%). */
export function percent(share: number | null | undefined, digits = 0, lang: Lang = getLang()): string {
  if (missing(share)) return NONE;
  return `${(Number(share) * 100).toLocaleString(locale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })}%`;
}

export type Unit = 'household' | 'person' | 'pair' | 'village' | 'day' | 'time';
const UNITS: Record<Unit, [zh: string, one: string, many: string]> = {
  household: ['户', 'household', 'households'],
  person: ['人', 'person', 'persons'],
  pair: ['对', 'pair', 'pairs'],
  village: ['个村', 'village', 'villages'],
  day: ['天', 'day', 'days'],
  time: ['人次', 'time', 'times'],
};

/** A count with its unit: 1,430 户 / 1,430 households. */
export function withUnit(n: number | null | undefined, unit: Unit, lang: Lang = getLang()): string {
  if (missing(n)) return NONE;
  const [zh, one, many] = UNITS[unit];
  return lang === 'zh' ? `${count(n, lang)} ${zh}` : `${count(n, lang)} ${Number(n) === 1 ? one : many}`;
}

/**
 * The unit written after a dashboard figure whose title already names what is counted: 户 / 人 / 对 in Chinese
 * ("第一书记 239 人"); nothing in English ("First secretaries 239").
 */
export const unitSuffix = (unit: Unit, lang: Lang = getLang()) => (lang === 'zh' ? UNITS[unit][0] : '');

/** The colon after a label: "原因：" / "Reason: ". */
export const colon = (lang: Lang = getLang()) => (lang === 'zh' ? '：' : ': ');

/** A remark in brackets after a text: "刘晓梅（第一书记）" / "Liu Xiaomei (first secretary)". */
export const paren = (text: string | number, lang: Lang = getLang()) => (lang === 'zh' ? `（${text}）` : ` (${text})`);

/** Items of a list: "因病、缺资金" / "Illness, lack of funds". */
export const list = (items: readonly string[], lang: Lang = getLang()) => items.join(lang === 'zh' ? '、' : ', ');

/** Clauses: "…；…" / "…; …". */
export const clauses = (items: readonly string[], lang: Lang = getLang()) => items.join(lang === 'zh' ? '；' : '; ');

/** "72%（479/665）": a share with its count and base (the base follows from count / share). */
export function shareOf(s: { count: number; share: number }, fallbackBase: number, lang: Lang = getLang()): string {
  const base = s.share > 0 ? Math.round(s.count / s.share) : fallbackBase;
  return `${percent(s.share, 0, lang)}${paren(`${count(s.count, lang)}/${count(base, lang)}`, lang)}`;
}
