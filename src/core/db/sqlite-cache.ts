import type { Database as BetterSqlite, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export interface StatementCacheOptions {
  /** Statements kept (least recently used evicted first). */
  max?: number;
  /** Longer SQL (bulk writes: texts of up to hundreds of kB) goes to a second, much smaller cache. */
  maxSqlLength?: number;
  /** Long statements kept: a bulk load repeats the text of its full chunks, table by table. */
  maxLong?: number;
}

export interface StatementCacheStats {
  size: number;
  hits: number;
  misses: number;
}

/**
 * better-sqlite3 as Kysely's SqliteDialect sees it, with a bounded LRU of prepared statements keyed by SQL
 * text: Kysely's driver calls `prepare(sql)` before every query, and preparing costs more than running a
 * point read. A cached statement is reused only when it is idle — one being iterated by a stream (`busy`)
 * cannot run again, so that caller gets a fresh, uncached statement. Nothing else changes: Kysely only calls
 * `all`, `run` and `iterate`, which reset the statement when done, so an idle cached statement holds no lock,
 * and SQLite re-prepares a statement by itself after a schema change.
 */
export function withStatementCache(
  db: BetterSqlite,
  opts: StatementCacheOptions = {},
): SqliteDatabase & { stats(): StatementCacheStats } {
  const max = opts.max ?? 500;
  const maxSqlLength = opts.maxSqlLength ?? 10_000;
  const maxLong = opts.maxLong ?? 6;
  const cache = new Map<string, Statement>();
  const long = new Map<string, Statement>();
  let hits = 0;
  let misses = 0;
  return {
    prepare(sql: string) {
      const [lru, bound] = sql.length > maxSqlLength ? [long, maxLong] : [cache, max];
      const cached = lru.get(sql);
      if (cached) {
        if (cached.busy) return db.prepare(sql);
        hits++;
        lru.delete(sql); // re-insert: a Map keeps insertion order, so the first key is the least recent
        lru.set(sql, cached);
        return cached;
      }
      misses++;
      const stmt = db.prepare(sql);
      lru.set(sql, stmt);
      if (lru.size > bound) lru.delete(lru.keys().next().value!);
      return stmt;
    },
    close() {
      cache.clear();
      long.clear();
      db.close();
    },
    stats: () => ({ size: cache.size + long.size, hits, misses }),
  };
}
