import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './index.ts';

/** Stands for the i-th argument of a prepared query while it is built. */
class Placeholder {
  constructor(readonly index: number) {}
}

interface Entry {
  compiled: CompiledQuery;
  /** For each bound parameter: the argument it takes, or -1 for a constant of the query. */
  slots: number[];
}

/**
 * A query that Kysely builds and compiles once per database, then runs with new argument values. Building and
 * compiling a large query (joins, JSON subqueries) costs Kysely several times what SQLite takes to run it, so
 * hot single-record reads use this. `build` is called once, with placeholders for the arguments: use each only
 * as a value in the query (a `where` operand, say), never to decide the query's shape (no `$if` on it, no
 * `sql.lit`); an argument that does not end up as a bound parameter is refused when the query is prepared.
 */
export function prepared<A extends unknown[], O>(
  build: (db: Db, ...args: A) => Compilable<O>,
): (db: Db, ...args: A) => Promise<O[]> {
  // Keyed by the database's adapter, which its transactions share: one compilation per database.
  const entries = new WeakMap<object, Entry>();
  const prepare = (db: Db, arity: number): Entry => {
    const placeholders = Array.from({ length: arity }, (_, i) => new Placeholder(i));
    const compiled = build(db, ...(placeholders as unknown as A)).compile();
    const slots = compiled.parameters.map((p) => (p instanceof Placeholder ? p.index : -1));
    for (let i = 0; i < arity; i++)
      if (!slots.includes(i)) throw new Error(`prepared query: argument ${i} is not a bound parameter`);
    return { compiled, slots };
  };
  return async (db, ...args) => {
    const key = db.getExecutor().adapter;
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = prepare(db, args.length)));
    const { compiled, slots } = entry;
    const parameters = compiled.parameters.map((p, i) => (slots[i]! >= 0 ? args[slots[i]!] : p));
    const result = await db.executeQuery<O>({ ...compiled, parameters });
    return result.rows;
  };
}
