import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { withStatementCache } from './sqlite-cache.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  url: string;
  close(): Promise<void>;
}

// pg returns bigint (COUNT) and numeric as strings; make both dialects return numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Path of a `file:` URL (or a bare path). `:memory:` is allowed for tests. */
export function sqlitePath(url: string): string {
  const p = url.replace(/^file:/, '');
  return p === ':memory:' ? p : resolve(p);
}

/** Opens the database named by `url`: `file:./data/xiuhua.db` (SQLite) or `postgres://…`. */
export function openDatabase(url: string, opts: { poolSize?: number } = {}): Database {
  if (dialectOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
    // An idle client's connection may be closed by the server (restart, idle kill, DROP DATABASE … FORCE);
    // the pool replaces it. Without a listener the error would crash the process.
    pool.on('error', (err) => console.warn(`postgres pool: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', url, close: () => db.destroy() };
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', url, close: () => db.destroy() };
}

export const nowIso = (): string => new Date().toISOString();
export const toFlag = (b: boolean | undefined | null): number => (b ? 1 : 0);
