import { sql, type RawBuilder, type ShallowDehydrateObject, type Simplify } from 'kysely';
import { jsonArrayFrom as pgArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteArrayFrom } from 'kysely/helpers/sqlite';
import { isPostgres } from './bulk.ts';
import type { Db } from './index.ts';

/**
 * The rows of a correlated subquery as one JSON array column, in the subquery's order: `json_agg` on
 * PostgreSQL, `json_group_array(json_object(…))` on SQLite (so the subquery must name its columns; no
 * `selectAll`). A record and its child rows then load in one query. Read the column with `jsonRows`: pg
 * parses JSON itself, better-sqlite3 returns the text. Values come back as JSON has them: numbers and strings.
 */
export function jsonArrayFrom<O>(
  db: Db,
  subquery: Parameters<typeof sqliteArrayFrom<O>>[0],
): RawBuilder<Simplify<ShallowDehydrateObject<O>>[]> {
  return isPostgres(db) ? pgArrayFrom(subquery) : sqliteArrayFrom(subquery);
}

/** The rows of a `jsonArrayFrom` column. */
export const jsonRows = <T>(value: T[] | string): T[] =>
  typeof value === 'string' ? (JSON.parse(value) as T[]) : value;

/**
 * JSON built by the database, for snapshots written without a round trip through Node (the import's
 * before-images): the function names are the dialects' one difference here.
 */

/** `{"key": value, …}` — json_build_object on PostgreSQL, json_object on SQLite. */
export function jsonObject(db: Db, fields: Record<string, RawBuilder<unknown>>): RawBuilder<unknown> {
  const args = sql.join(Object.entries(fields).map(([k, v]) => sql`${sql.lit(k)}, ${v}`));
  return isPostgres(db) ? sql`json_build_object(${args})` : sql`json_object(${args})`;
}

/** `[value, …]` — json_build_array / json_array. */
export function jsonArray(db: Db, values: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return isPostgres(db) ? sql`json_build_array(${sql.join(values)})` : sql`json_array(${sql.join(values)})`;
}

/** A constant as a JSON value (a parameter). */
export function jsonValue(db: Db, value: unknown): RawBuilder<unknown> {
  const text = JSON.stringify(value);
  return isPostgres(db) ? sql`cast(${text} as json)` : sql`json(${text})`;
}

/**
 * An aggregate over rows of `alias`: `{"columns": [names], "rows": [[values], …]}` in `orderBy` order — a
 * table as compact as JSON gets while still naming its columns (the names once, not once per row).
 */
export function jsonTable(db: Db, alias: string, columns: readonly string[], orderBy: RawBuilder<unknown>) {
  const row = jsonArray(
    db,
    columns.map((c) => sql.ref(`${alias}.${c}`)),
  );
  const rows = isPostgres(db)
    ? sql`coalesce(json_agg(${row} order by ${orderBy}), '[]'::json)`
    : sql`json_group_array(${row} order by ${orderBy})`;
  return jsonObject(db, { columns: jsonValue(db, columns), rows });
}

/** A JSON value as text, to store in a text column. */
export function jsonText(db: Db, value: RawBuilder<unknown>): RawBuilder<string> {
  return isPostgres(db) ? sql<string>`(${value})::text` : sql<string>`${value}`;
}

/** The columns of a table alias as JSON fields named like the columns. */
export const columnFields = (alias: string, columns: readonly string[]): Record<string, RawBuilder<unknown>> =>
  Object.fromEntries(columns.map((c) => [c, sql.ref(`${alias}.${c}`)]));
