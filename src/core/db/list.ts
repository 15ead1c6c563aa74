/**
 * One page of a list, the same way for every module: the scope filter is applied here (a list cannot forget
 * it), the total is counted on the filtered rows, and the page is read either in one query (`select`) or as the
 * page's ids first and then their details (`details`: when the details join several tables, paging over ids
 * keeps the count and the sort on the driving table).
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Scope } from '../access/scope.ts';
import type { DB } from './schema.ts';

export interface PageRequest {
  page: number;
  /** 0: only the total (see COUNT_ONLY). */
  pageSize: number;
}

/** A page request for the total alone: `(await someList(db, scope, { ...filters, ...COUNT_ONLY })).total`. */
export const COUNT_ONLY = { page: 1, pageSize: 0 } as const;

export interface Page<Row> {
  total: number;
  rows: Row[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Base = SelectQueryBuilder<DB, any, object>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ordered = SelectQueryBuilder<DB, any, any>;

interface Common {
  scope: Scope;
  /** FROM … JOIN … WHERE <filters>, without a select. */
  base: Base;
  /**
   * The region-code column the scope filters (e.g. `h.region_code`) — or, for rows that belong to a scope in more
   * than one way (a cadre managed there or stationed there), the filter built from the scope.
   */
  scopeColumn: string | ((scope: Scope) => (qb: Base) => Base);
  /** Applies ORDER BY (end with a unique column, e.g. the id, so pages never overlap). */
  order: (qb: Ordered) => Ordered;
  page: PageRequest;
}

/** Rows read in one query: `select` adds the columns to the scoped, filtered base. */
export async function listPage<Row>(
  o: Common & { select: (qb: Base) => SelectQueryBuilder<DB, any, Row> }, // eslint-disable-line @typescript-eslint/no-explicit-any
): Promise<Page<Row>>;
/** The page's ids (column `id`), then `details(ids)` for their rows, returned in page order. */
export async function listPage<Row extends { id: number }>(
  o: Common & { id: string; details: (ids: number[]) => Promise<Row[]> },
): Promise<Page<Row>>;
export async function listPage<Row>(
  o: Common & {
    select?: (qb: Base) => Ordered;
    id?: string;
    details?: (ids: number[]) => Promise<(Row & { id: number })[]>;
  },
): Promise<Page<Row>> {
  const filter = typeof o.scopeColumn === 'string' ? o.scope.where(o.scopeColumn) : o.scopeColumn(o.scope);
  const scoped = o.base.$call(filter) as Base;
  const offset = (o.page.page - 1) * o.page.pageSize;
  const counting = scoped.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  // A page of 0 rows is a count (the workbench's figures count through the lists they open).
  if (o.page.pageSize === 0) return { total: Number((await counting).total), rows: [] };
  if (o.select) {
    const [{ total }, rows] = await Promise.all([
      counting,
      o.order(o.select(scoped)).limit(o.page.pageSize).offset(offset).execute(),
    ]);
    return { total: Number(total), rows: rows as Row[] };
  }
  const [{ total }, idRows] = await Promise.all([
    counting,
    o
      .order(scoped.select(sql<number>`${sql.ref(o.id!)}`.as('id')))
      .limit(o.page.pageSize)
      .offset(offset)
      .execute(),
  ]);
  const ids = (idRows as { id: number }[]).map((r) => Number(r.id));
  const details = ids.length ? await o.details!(ids) : [];
  const byId = new Map(details.map((d) => [Number(d.id), d]));
  return { total: Number(total), rows: ids.flatMap((id) => byId.get(id) ?? []) };
}
