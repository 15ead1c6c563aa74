import type { Database as BetterSqlite, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export interface StatementCacheOptions {
  /** Statements kept (least recently used evicted first). */
  max?: number;
  /** Longer SQL is prepared afresh each time: bulk writes make one-off texts of up to hundreds of kB. */
  maxSqlLength?: number;
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
  const cache = new Map<string, Statement>();
  let hits = 0;
  let misses = 0;
  return {
    prepare(sql: string) {
      if (sql.length > maxSqlLength) return db.prepare(sql);
      const cached = cache.get(sql);
      if (cached) {
        if (cached.busy) return db.prepare(sql);
        hits++;
        cache.delete(sql); // re-insert: a Map keeps insertion order, so the first key is the least recent
        cache.set(sql, cached);
        return cached;
      }
      misses++;
      const stmt = db.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return stmt;
    },
    close() {
      cache.clear();
      db.close();
    },
    stats: () => ({ size: cache.size, hits, misses }),
  };
}
