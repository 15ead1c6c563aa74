import type { RawBuilder, ShallowDehydrateObject, Simplify } from 'kysely';
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
