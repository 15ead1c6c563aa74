/**
 * Shared pieces of the demo help forces: the fixed demo dates (never the clock, so every load is the
 * same), date arithmetic on ISO days, deterministic shuffles and quotas, and chunked bulk inserts.
 */
import { bulkInsert, type ColumnType } from '../../../db/bulk.ts';
import type { Db } from '../../../db/index.ts';
import type { Rng } from '../random.ts';

/** "Today" of the demo data: attendance, logs, leaves and measures never go past it. */
export const DEMO_TODAY = '2026-11-20';
/** The current year of daily management (attendance and logs from its first day). */
export const DEMO_YEAR = 2026;
/** Start and planned end of the stationing term of the county's teams (two years, the policy minimum). */
export const TERM_START = '2025-03-01';
export const TERM_END = '2027-03-01';
/** Start of the links (包联), unit pairings and cadre ↔ household pairings. */
export const LINK_START = '2025-03-01';

/** A fixed timestamp on a demo day (requests and decisions), so the data does not depend on the clock. */
export const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const MS_DAY = 86_400_000;
// Day numbers and ISO strings are memoised: the daily records walk the same few hundred days many times.
const numbers = new Map<string, number>();
const strings = new Map<number, string>();
function dayNo(iso: string): number {
  let n = numbers.get(iso);
  if (n === undefined) numbers.set(iso, (n = Math.floor(Date.parse(`${iso}T00:00:00Z`) / MS_DAY)));
  return n;
}
function isoOf(n: number): string {
  let s = strings.get(n);
  if (s === undefined) strings.set(n, (s = new Date(n * MS_DAY).toISOString().slice(0, 10)));
  return s;
}

export const addDays = (iso: string, n: number) => isoOf(dayNo(iso) + n);
/** Days from `a` to `b` (b − a). */
export const diffDays = (a: string, b: string) => dayNo(b) - dayNo(a);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: string) => (dayNo(iso) + 4) % 7;
/** The same day `years` later (29 February → 1 March). */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-03-01` : `${y}-${md}`;
}
/** A random day in [from, to]. */
export const dayBetween = (r: Rng, from: string, to: string) =>
  addDays(from, r.int(0, Math.max(0, diffDays(from, to))));
export const minDay = (a: string, b: string) => (a < b ? a : b);
export const maxDay = (a: string, b: string) => (a > b ? a : b);

/** Fisher–Yates, in place, deterministic from the stream. */
export function shuffle<T>(r: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** `n` values with exact shares (largest remainder), in random order: quotas instead of coin flips. */
export function quota<T>(r: Rng, n: number, shares: readonly (readonly [T, number])[]): T[] {
  const total = shares.reduce((s, [, w]) => s + w, 0);
  const exact = shares.map(([, w]) => (w / total) * n);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, short = n - counts.reduce((a, b) => a + b, 0); k < short; k++) counts[order[k]![1]]!++;
  const out: T[] = [];
  shares.forEach(([v], i) => {
    for (let k = 0; k < counts[i]!; k++) out.push(v);
  });
  return shuffle(r, out);
}

/** Money with two decimals as a number. */
export const yuan = (x: number) => Math.round(x * 100) / 100;

const CHUNK = 20_000;

/**
 * bulkInsert in chunks of 20,000 rows, so a large table (attendance) is never one huge statement or
 * parameter array; returns the `returning` rows of all chunks.
 */
export async function insertRows<R = Record<string, unknown>>(
  db: Db,
  table: string,
  rows: Record<string, unknown>[],
  types: Record<string, ColumnType> = {},
  returning?: string[],
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = await bulkInsert<R>(db, table, rows.slice(i, i + CHUNK), { types, returning });
    for (const x of part) out.push(x);
  }
  return out;
}

export const INT = 'int' as const;
export const NUMERIC = 'numeric' as const;
