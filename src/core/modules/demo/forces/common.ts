/**
 * Shared pieces of the demo help forces: the term dates, the demo calendar (../calendar.ts), deterministic
 * shuffles and quotas, and chunked bulk inserts.
 */
import { bulkInsert, type ColumnType } from '../../../db/bulk.ts';
import type { Db } from '../../../db/index.ts';
import type { Rng } from '../random.ts';

export {
  addDays,
  addWorkdays,
  addYears,
  at,
  dayBetween,
  DEMO_TODAY,
  DEMO_YEAR,
  diffDays,
  isWorkday,
  maxDay,
  minDay,
  officeTime,
  weekday,
  workdayBetween,
  workdayFrom,
  workdayUntil,
} from '../calendar.ts';

/** Start and planned end of the stationing term of the county's teams (two years, the policy minimum). */
export const TERM_START = '2025-03-01';
export const TERM_END = '2027-03-01';
/** Start of the county and township leaders' links (包联) and the instructors' of the current term. */
export const LINK_START = '2025-03-01';

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
