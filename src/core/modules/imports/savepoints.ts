import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { DB } from '../../db/schema.ts';

let seq = 0;

/**
 * Runs `fn` inside a savepoint of `trx`: its writes are kept when it returns and undone when it throws
 * (the transaction goes on either way). SQLite and PostgreSQL both have SAVEPOINT.
 */
export async function savepoint<T>(trx: Transaction<DB>, fn: () => Promise<T>): Promise<T> {
  const name = `xh_row_${++seq}`;
  await sql.raw(`savepoint ${name}`).execute(trx);
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    await sql.raw(`rollback to savepoint ${name}`).execute(trx);
    await sql.raw(`release savepoint ${name}`).execute(trx);
    throw e;
  }
  await sql.raw(`release savepoint ${name}`).execute(trx);
  return result;
}

/**
 * The transaction `trx` as a Db whose `transaction().execute(fn)` runs `fn` in a savepoint of it. The
 * service functions open their own transaction for each write; handed this Db, they run unchanged
 * inside the import's transaction, each write undone alone if it fails.
 */
export function nestable(trx: Transaction<DB>): Db {
  const db: Db = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => builder;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const builder = {
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
    execute: <T>(fn: (trx: Transaction<DB>) => Promise<T>) => savepoint(trx, () => fn(db as Transaction<DB>)),
  };
  return db;
}

const ROLLBACK = Symbol('rollback');

/**
 * Runs `fn` over one transaction of `db` (handed over as a nestable Db) and commits it — or, with
 * `rollback`, undoes everything it wrote (a dry run that went through the real writes).
 */
export async function inTransaction<T>(db: Db, rollback: boolean, fn: (db: Db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      result = await fn(nestable(trx));
      if (rollback) throw ROLLBACK;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  return result as T;
}
