/**
 * Row-level helpers where the dialects differ or every module needs the same step: a row lock for the rest of
 * a transaction, and the optimistic version check of editable records.
 */
import { sql } from 'kysely';
import { notFound, versionConflict, versionRequired } from '../errors.ts';
import { msg } from '../i18n.ts';
import { isPostgres } from './bulk.ts';
import type { Db } from './index.ts';
import type { DB } from './schema.ts';

/** Tables whose rows carry a version (the editable records). */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { version: unknown } ? T : never;
}[keyof DB];

/** A row's key: its id, or its key columns (`{ code }` for a region, `{ list, code }` for a code). */
export type RowKey = number | Record<string, string | number>;

const keyCondition = (key: RowKey) =>
  typeof key === 'number'
    ? sql`id = ${key}`
    : sql.join(
        Object.entries(key).map(([c, v]) => sql`${sql.ref(c)} = ${v}`),
        sql` and `,
      );

/**
 * Locks row `id` of `table` until the transaction ends (PostgreSQL `SELECT … FOR UPDATE`). SQLite has one
 * writer at a time — a write transaction already excludes the others — so there it does nothing.
 */
export async function lockForUpdate(trx: Db, table: keyof DB, id: number): Promise<void> {
  if (isPostgres(trx)) await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
}

/**
 * The first step of a versioned write, inside its transaction: moves the row from version `expected` to the
 * next one, atomically (the row stays locked on PostgreSQL until commit). When the row has moved on, throws 409
 * VERSION_CONFLICT carrying `current()` — the record as the caller's read would show it now; 404 when it is gone;
 * 428 when the caller sent no version.
 * Returns the new version.
 */
export async function bumpVersion(
  trx: Db,
  table: VersionedTable,
  key: RowKey,
  expected: number | undefined,
  current: () => Promise<unknown>,
): Promise<number> {
  if (expected === undefined) throw versionRequired();
  const where = keyCondition(key);
  const r = await sql<{ version: number }>`update ${sql.table(table)} set version = version + 1
    where ${where} and version = ${expected} returning version`.execute(trx);
  const row = r.rows[0];
  if (row) return Number(row.version);
  const exists = await sql`select 1 from ${sql.table(table)} where ${where}`.execute(trx);
  if (exists.rows.length === 0) throw notFound(msg('记录不存在', 'Record not found'));
  throw versionConflict(await current());
}

/** Is this a unique-key violation (PostgreSQL SQLSTATE 23505, SQLite SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY)? */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * For a versioned write whose own write path bumps the version (the household register's saveHouseholds): locks
 * the row for the transaction and checks that it is still at version `expected`; 409 with `current()` when not,
 * 404 when it is gone.
 */
export async function expectVersion(
  trx: Db,
  table: VersionedTable,
  key: RowKey,
  expected: number | undefined,
  current: () => Promise<unknown>,
): Promise<void> {
  if (expected === undefined) throw versionRequired();
  const where = keyCondition(key);
  const lock = isPostgres(trx) ? sql` for update` : sql``;
  const r = await sql<{ version: number }>`select version from ${sql.table(table)} where ${where}${lock}`.execute(trx);
  const row = r.rows[0];
  if (!row) throw notFound(msg('记录不存在', 'Record not found'));
  if (Number(row.version) !== expected) throw versionConflict(await current());
}
