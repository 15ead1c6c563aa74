import { CompiledQuery, PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { Db } from './index.ts';

/**
 * Bulk writes, the one place where the dialects truly differ for speed. PostgreSQL gets one statement
 * per call with a column of arrays (`INSERT … SELECT * FROM unnest($1::int[], $2::text[], …)`): no
 * parameter limit and one parse/plan instead of hundreds. SQLite gets multi-row VALUES chunks under its
 * bound-parameter limit (its statements are cheap), whose text is written here rather than built by Kysely's
 * query compiler (which costs more than SQLite takes to run them). Same semantics on both.
 */
export type ColumnType = 'int' | 'numeric' | 'text';

export interface BulkOptions {
  /** Types of the non-text columns (PostgreSQL needs them to type the arrays). */
  types?: Record<string, ColumnType>;
  /** ON CONFLICT (columns) DO UPDATE SET each of `update` = excluded value. */
  conflict?: string[];
  update?: string[];
  /** ON CONFLICT … DO UPDATE also adds 1 to each of these columns (a record's `version`). */
  increment?: string[];
  returning?: string[];
}

export const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

const SQLITE_MAX_PARAMS = 32_000;

function tail(table: string, o: BulkOptions): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (o.conflict?.length) {
    const target = sql.join(o.conflict.map((c) => sql.ref(c)));
    const sets = [
      ...(o.update ?? []).map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`),
      ...(o.increment ?? []).map((c) => sql`${sql.ref(c)} = ${sql.ref(`${table}.${c}`)} + 1`),
    ];
    parts.push(
      sets.length
        ? sql`on conflict (${target}) do update set ${sql.join(sets)}`
        : sql`on conflict (${target}) do nothing`,
    );
  }
  if (o.returning?.length) parts.push(sql`returning ${sql.join(o.returning.map((c) => sql.ref(c)))}`);
  return sql.join(parts, sql` `);
}

export async function bulkInsert<R = Record<string, unknown>>(
  db: Db,
  table: string,
  rows: Record<string, unknown>[],
  o: BulkOptions = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const cols = Object.keys(rows[0]!);
  if (isPostgres(db)) {
    const colList = sql.join(cols.map((c) => sql.ref(c)));
    const arrays = cols.map((c) => sql`${rows.map((r) => r[c] ?? null)}::${sql.raw(o.types?.[c] ?? 'text')}[]`);
    const res =
      await sql<R>`insert into ${sql.table(table)} (${colList}) select * from unnest(${sql.join(arrays)}) ${tail(table, o)}`.execute(
        db,
      );
    return res.rows;
  }
  const out: R[] = [];
  const size = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / cols.length));
  const head = `insert into ${quote(table)} (${cols.map(quote).join(', ')}) values `;
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  const end = sqliteTail(table, o);
  let text = '';
  let textRows = 0;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    if (chunk.length !== textRows) {
      text = head + Array<string>(chunk.length).fill(tuple).join(', ') + end;
      textRows = chunk.length;
    }
    const params: unknown[] = new Array(chunk.length * cols.length);
    let k = 0;
    for (const r of chunk) for (const c of cols) params[k++] = r[c] ?? null;
    const res = await db.executeQuery<R>(CompiledQuery.raw(text, params));
    for (const row of res.rows) out.push(row);
  }
  return out;
}

/** A SQLite identifier (the tables and columns here are the code's own names). */
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** tail() as SQLite text. */
function sqliteTail(table: string, o: BulkOptions): string {
  let out = '';
  if (o.conflict?.length) {
    const sets = [
      ...(o.update ?? []).map((c) => `${quote(c)} = excluded.${quote(c)}`),
      ...(o.increment ?? []).map((c) => `${quote(c)} = ${quote(table)}.${quote(c)} + 1`),
    ];
    const target = o.conflict.map(quote).join(', ');
    out += sets.length
      ? ` on conflict (${target}) do update set ${sets.join(', ')}`
      : ` on conflict (${target}) do nothing`;
  }
  if (o.returning?.length) out += ` returning ${o.returning.map(quote).join(', ')}`;
  return out;
}

/** DELETE FROM table WHERE column IN (ids), in one statement on PostgreSQL and chunks on SQLite. */
export async function bulkDeleteIn(db: Db, table: string, column: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  if (isPostgres(db)) {
    await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = any(${ids}::int[])`.execute(db);
    return;
  }
  for (let i = 0; i < ids.length; i += SQLITE_MAX_PARAMS) {
    await sql`delete from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(ids.slice(i, i + SQLITE_MAX_PARAMS))})`.execute(
      db,
    );
  }
}

/**
 * Refreshes the planner's statistics after a bulk load (PostgreSQL's autovacuum may run much later and
 * until then it plans as if the tables were empty; SQLite's planner uses them too).
 */
export async function analyzeTables(db: Db, tables: string[]): Promise<void> {
  for (const t of tables) await sql`analyze ${sql.table(t)}`.execute(db);
}
