// Helpers shared by the benchmark scripts.
import type { Db } from '../src/core/db/index.ts';

/** The village codes of a county (a 12-digit code, e.g. 420323000000), in code order. */
export async function villagesOf(db: Db, county: string): Promise<string[]> {
  const hi = String(Number(county.slice(0, 6)) + 1).padEnd(12, '0');
  const rows = await db
    .selectFrom('region')
    .select('code')
    .where('level', '=', 'village')
    .where('code', '>=', county)
    .where('code', '<', hi)
    .orderBy('code')
    .execute();
  return rows.map((v) => v.code);
}
