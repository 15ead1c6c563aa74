import type { Db } from '../../db/index.ts';
import { knownPrefix, readDivisions } from './loader.ts';
import { upsertRegions, type RegionRow } from './repo.ts';

/**
 * Loads the real divisions under `prefix` (short code: 42, 4203, 420323, 420323104; '' = the whole
 * country) with their ancestors. Re-running updates names and keeps flags. Returns the row count.
 */
export async function loadRegions(db: Db, prefix: string, onProgress?: (rows: number) => void): Promise<number> {
  if (!knownPrefix(prefix)) throw new Error(`未知区划代码 / unknown division code: ${prefix}`);
  let count = 0;
  let batch: RegionRow[] = [];
  await db.transaction().execute(async (trx) => {
    for await (const row of readDivisions({ prefix })) {
      batch.push(row);
      if (batch.length >= 5000) {
        await upsertRegions(trx, batch);
        count += batch.length;
        batch = [];
        onProgress?.(count);
      }
    }
    await upsertRegions(trx, batch);
    count += batch.length;
    onProgress?.(count);
  });
  return count;
}
