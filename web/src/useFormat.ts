import { useI18n } from './i18n';
import {
  clauses,
  colon,
  count,
  decimal,
  list,
  money,
  paren,
  percent,
  shareOf,
  unitSuffix,
  withUnit,
  type Unit,
} from './format';

/** The formatters bound to the current language (re-rendering when it changes). */
export function useFormat() {
  const { lang } = useI18n();
  return {
    lang,
    count: (n: number | null | undefined) => count(n, lang),
    money: (n: number | null | undefined) => money(n, lang),
    decimal: (n: number | null | undefined) => decimal(n, lang),
    percent: (share: number | null | undefined, digits = 0) => percent(share, digits, lang),
    withUnit: (n: number | null | undefined, unit: Unit) => withUnit(n, unit, lang),
    unitSuffix: (unit: Unit) => unitSuffix(unit, lang),
    shareOf: (s: { count: number; share: number }, base: number) => shareOf(s, base, lang),
    colon: () => colon(lang),
    paren: (text: string | number) => paren(text, lang),
    list: (items: readonly string[]) => list(items, lang),
    clauses: (items: readonly string[]) => clauses(items, lang),
  };
}
