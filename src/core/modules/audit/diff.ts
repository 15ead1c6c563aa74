/**
 * What an update changed (pure): the fields whose values differ between an audit row's `before` and `after`, so
 * that the log can list them — field, before, after — instead of two JSON documents. Objects are compared by the
 * keys `after` names (a key `after` leaves out is not a change: the workflow's status rows name only what they
 * set); lists of values as one value (other causes); lists of records element by element, by `year` when they
 * have one (a household's yearly records), else by position (its members), an element only on one side showing
 * each of its fields as added or removed; `{columns, rows}` tables as lists of records. The record's `version` is
 * no change of its own.
 */

/** One changed field: where (keys, and positions or years in lists), its value before and after. */
export interface AuditChange {
  path: (string | number)[];
  /** The name of the list element the field belongs to (a member's name), when it has one. */
  item?: string;
  before: unknown;
  after: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || v === undefined || typeof v !== 'object';
const IGNORED = new Set(['version']);

/** A `{columns, rows}` table as a list of records; anything else as it is. */
function untable(v: unknown): unknown {
  if (!isObj(v) || !Array.isArray(v.columns) || !Array.isArray(v.rows)) return v;
  const columns = v.columns as unknown[];
  if (!columns.every((c) => typeof c === 'string')) return v;
  return v.rows.map((row) =>
    Array.isArray(row) ? Object.fromEntries(columns.map((c, i) => [c as string, row[i] ?? null])) : row,
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function nameOf(...els: unknown[]): string | undefined {
  for (const e of els)
    if (isObj(e)) for (const k of ['name', 'username', 'code']) if (typeof e[k] === 'string' && e[k]) return e[k];
  return undefined;
}

function walk(
  before: unknown,
  after: unknown,
  path: (string | number)[],
  item: string | undefined,
  out: AuditChange[],
) {
  before = untable(before);
  after = untable(after);
  if (isObj(before) || isObj(after)) {
    // Both records: the keys after names. One side only (an element added or removed): every key it has.
    const keys = isObj(after) ? Object.keys(after) : Object.keys(before as Obj);
    const b = isObj(before) ? before : {};
    const a = isObj(after) ? after : {};
    for (const k of keys) if (!IGNORED.has(k)) walk(b[k], a[k], [...path, k], item, out);
    return;
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    const b = Array.isArray(before) ? before : [];
    const a = Array.isArray(after) ? after : [];
    if ([...b, ...a].every(isScalar)) {
      if (!same(before, after))
        out.push({ path, ...(item ? { item } : {}), before: before ?? null, after: after ?? null });
      return;
    }
    const byYear = [...b, ...a].every((e) => isObj(e) && typeof e.year === 'number');
    const key = (e: unknown, i: number) => (byYear ? ((e as Obj).year as number) : i);
    const bs = new Map(b.map((e, i) => [key(e, i), e]));
    const as = new Map(a.map((e, i) => [key(e, i), e]));
    const keys = [...new Set([...bs.keys(), ...as.keys()])].sort((x, y) => x - y);
    for (const k of keys) walk(bs.get(k), as.get(k), [...path, k], nameOf(as.get(k), bs.get(k)), out);
    return;
  }
  if (!same(before, after)) out.push({ path, ...(item ? { item } : {}), before: before ?? null, after: after ?? null });
}

/**
 * The changes from `before` to `after`, or null when the two are not two images of one record to compare (one is
 * missing, not a record, or they share no field — an import's before-image beside the file it came from).
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] | null {
  if (!isObj(before) || !isObj(after)) return null;
  if (!Object.keys(after).some((k) => k in before)) return null;
  const out: AuditChange[] = [];
  walk(before, after, [], undefined, out);
  return out;
}
