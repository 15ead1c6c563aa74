import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Generated } from 'kysely';
import { withStatementCache } from './sqlite-cache.ts';

function memory() {
  const raw = new SQLite(':memory:');
  raw.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES ('a'), ('b'), ('c')");
  return raw;
}

test('the same SQL text gets the same prepared statement; other texts their own', () => {
  const db = withStatementCache(memory());
  const a = db.prepare('SELECT v FROM t WHERE id = ?');
  assert.equal(db.prepare('SELECT v FROM t WHERE id = ?'), a);
  assert.notEqual(db.prepare('SELECT v FROM t WHERE id > ?'), a);
  assert.deepEqual(db.stats(), { size: 2, hits: 1, misses: 2 });
  assert.deepEqual(a.all([2]), [{ v: 'b' }]);
  assert.deepEqual(db.prepare('SELECT v FROM t WHERE id = ?').all([3]), [{ v: 'c' }]);
});

test('the cache is bounded: the least recently used statement is dropped', () => {
  const db = withStatementCache(memory(), { max: 2 });
  const one = db.prepare('SELECT 1');
  const two = db.prepare('SELECT 2');
  assert.equal(db.prepare('SELECT 1'), one); // now SELECT 2 is the least recently used
  db.prepare('SELECT 3');
  assert.equal(db.stats().size, 2);
  assert.equal(db.prepare('SELECT 1'), one);
  assert.notEqual(db.prepare('SELECT 2'), two);
});

test('long SQL (bulk writes) has a small cache of its own', () => {
  const db = withStatementCache(memory(), { maxSqlLength: 100, maxLong: 2 });
  const insert = (n: number) => `INSERT INTO t (v) VALUES ${Array.from({ length: n }, () => '(?)').join(', ')}`;
  const first = db.prepare(insert(30));
  assert.equal(db.prepare(insert(30)), first); // a bulk load repeats its full chunks
  db.prepare(insert(31));
  db.prepare(insert(32)); // the two most recent long texts stay; the 30-row one is dropped
  assert.notEqual(db.prepare(insert(30)), first);
  db.prepare('SELECT 1');
  assert.equal(db.stats().size, 3);
});

test('a statement being iterated is not handed out again: the caller gets a fresh one', () => {
  const db = withStatementCache(memory());
  const sql = 'SELECT id FROM t ORDER BY id';
  const outer = db.prepare(sql);
  const seen: number[][] = [];
  for (const row of outer.iterate([]) as IterableIterator<{ id: number }>) {
    const inner = db.prepare(sql);
    assert.notEqual(inner, outer);
    seen.push([row.id, inner.all([]).length]);
  }
  assert.deepEqual(seen, [
    [1, 3],
    [2, 3],
    [3, 3],
  ]);
  assert.equal(db.prepare(sql), outer); // idle again, so reused
});

test('Kysely over the cache: reads, writes, a rolled-back transaction and a stream', async () => {
  const cached = withStatementCache(memory());
  const k = new Kysely<{ t: { id: Generated<number>; v: string } }>({
    dialect: new SqliteDialect({ database: cached }),
  });
  const read = () => k.selectFrom('t').select('v').orderBy('id').execute();
  assert.deepEqual(await read(), [{ v: 'a' }, { v: 'b' }, { v: 'c' }]);
  await k.insertInto('t').values({ v: 'd' }).execute();
  await assert.rejects(
    k.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ v: 'e' }).execute();
      throw new Error('roll back');
    }),
  );
  assert.deepEqual((await read()).map((r) => r.v).join(''), 'abcd');
  const streamed: string[] = [];
  for await (const r of k.selectFrom('t').select('v').orderBy('id').stream()) streamed.push(r.v);
  assert.equal(streamed.join(''), 'abcd');
  assert.ok(cached.stats().hits >= 3);
  await k.destroy();
});
