import { sql, type Selectable } from 'kysely';
import type { RegionFlag, RegionLevel } from '../../../shared/codes.ts';
import type { Region, RegionFlags } from '../../../shared/contracts/regions.ts';
import { shortCode, subtreeRange } from '../../../shared/regions.ts';
import type { Scope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import type { RegionTable } from '../../db/schema.ts';

export type { Region, RegionFlags } from '../../../shared/contracts/regions.ts';

type RegionRecord = Selectable<RegionTable>;

/** A region as loaded from the division data (flags other than `western` keep their stored values). */
export interface RegionRow {
  code: string;
  name: string;
  officialName: string;
  level: RegionLevel;
  parentCode: string | null;
  groupNo?: number | null;
  western: boolean;
}

const FLAG_COLUMNS: Record<RegionFlag, keyof RegionTable> = {
  poorCounty: 'poor_county',
  deepPovertyCounty: 'deep_poverty_county',
  extremelyPoorTownship: 'extremely_poor_township',
  poorVillage: 'poor_village',
  deepPovertyVillage: 'deep_poverty_village',
  western: 'western',
};

export function flagColumn(flag: RegionFlag): keyof RegionTable {
  return FLAG_COLUMNS[flag];
}

export function toRegion(r: RegionRecord): Region {
  const flags = {} as RegionFlags;
  for (const [flag, col] of Object.entries(FLAG_COLUMNS)) flags[flag as RegionFlag] = Number(r[col]) === 1;
  return {
    code: r.code,
    shortCode: shortCode(r.code),
    name: r.name,
    officialName: r.official_name,
    level: r.level as RegionLevel,
    parentCode: r.parent_code,
    flags,
    version: Number(r.version),
  };
}

/**
 * Inserts regions, updating those that exist (`existing: 'update'`, the loader's way: names, hierarchy and
 * `western`; the other flags are kept; the version moves on, so a flags form read before the load answers 409)
 * or failing on them (`'fail'`: a unique violation, answered 409 — a new group must not overwrite one added at
 * the same moment).
 */
export async function upsertRegions(db: Db, rows: RegionRow[], existing: 'update' | 'fail' = 'update'): Promise<void> {
  if (rows.length === 0) return;
  const now = nowIso();
  const BATCH = 1000;
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r) => ({
      code: r.code,
      name: r.name,
      official_name: r.officialName,
      level: r.level,
      parent_code: r.parentCode,
      group_no: r.groupNo ?? null,
      western: r.western ? 1 : 0,
      updated_at: now,
    }));
    await db
      .insertInto('region')
      .values(values)
      .$if(existing === 'update', (qb) =>
        qb.onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            official_name: eb.ref('excluded.official_name'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            group_no: eb.ref('excluded.group_no'),
            western: eb.ref('excluded.western'),
            updated_at: eb.ref('excluded.updated_at'),
            version: eb('region.version', '+', 1),
          })),
        ),
      )
      .execute();
  }
}

export async function findRegion(db: Db, code: string): Promise<Region | undefined> {
  const row = await db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
  return row && toRegion(row);
}

export async function findRegions(db: Db, codes: string[]): Promise<Region[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('region').selectAll().where('code', 'in', codes).orderBy('code').execute();
  return rows.map(toRegion);
}

/** Regions with their child counts. */
export type RegionWithChildren = Region & { childCount: number };

/** `region as r` with each row's number of children (in code order, when executed through `withChildren`). */
const regionsWithChildren = (db: Db) =>
  db
    .selectFrom('region as r')
    .selectAll('r')
    .select(sql<number>`(select count(*) from region c where c.parent_code = r.code)`.as('child_count'))
    .orderBy('r.code');

const withChildren = (rows: (RegionRecord & { child_count: number | string | null })[]): RegionWithChildren[] =>
  rows.map((r) => ({ ...toRegion(r), childCount: Number(r.child_count ?? 0) }));

/** Children with their own child counts. */
export async function listChildren(db: Db, code: string): Promise<RegionWithChildren[]> {
  return withChildren(await regionsWithChildren(db).where('r.parent_code', '=', code).execute());
}

/** Regions by code, with their child counts, in code order. */
export async function findSummaries(db: Db, codes: string[]): Promise<RegionWithChildren[]> {
  if (codes.length === 0) return [];
  return withChildren(await regionsWithChildren(db).where('r.code', 'in', codes).execute());
}

/** Number of regions of each level strictly inside the subtree of `code`. */
export async function countByLevel(db: Db, code: string): Promise<Partial<Record<RegionLevel, number>>> {
  const { lo, hi } = subtreeRange(code);
  const rows = await db
    .selectFrom('region')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('code', '>=', lo)
    .where('code', '<', hi)
    .where('code', '!=', code)
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

export async function countChildren(db: Db, code: string): Promise<number> {
  const r = await db
    .selectFrom('region')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_code', '=', code)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** `column` contains `q` as typed (% and _ are plain characters); both dialects. */
export const nameContains = (column: string, q: string) =>
  sql<boolean>`${sql.ref(column)} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;

/** Regions whose name contains `q`, inside the scope, with their child counts (at most `limit`, in code order). */
export async function searchRegions(db: Db, scope: Scope, q: string, limit: number): Promise<RegionWithChildren[]> {
  const rows = await regionsWithChildren(db)
    .where(nameContains('r.name', q))
    .$call(scope.where('r.code'))
    .limit(limit)
    .execute();
  return withChildren(rows);
}

export async function updateFlags(db: Db, code: string, flags: Partial<RegionFlags>): Promise<void> {
  const set: Record<string, number | string> = { updated_at: nowIso() };
  for (const [flag, value] of Object.entries(flags)) {
    if (value !== undefined) set[FLAG_COLUMNS[flag as RegionFlag]] = value ? 1 : 0;
  }
  await db.updateTable('region').set(set).where('code', '=', code).execute();
}
