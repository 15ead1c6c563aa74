import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Db } from './index.ts';
import { prepared } from './prepared.ts';

async function memory() {
  const d = openDatabase(':memory:');
  await sql`CREATE TABLE region (code TEXT PRIMARY KEY, name TEXT, level TEXT)`.execute(d.db);
  await sql`INSERT INTO region VALUES ('1', 'a', 'village'), ('2', 'b', 'village'), ('3', 'c', 'township')`.execute(
    d.db,
  );
  return d;
}

const byLevel = prepared((db: Db, level: string, after: string) =>
  db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('level', '=', level)
    .where('code', '>', after)
    .where('name', '!=', 'zzz') // a constant of the query, kept as it is
    .orderBy('code'),
);

test('a prepared query runs with each call’s arguments, compiled once per database', async () => {
  const d = await memory();
  let builds = 0;
  const counted = prepared((db: Db, code: string) => {
    builds++;
    return db.selectFrom('region').select('name').where('code', '=', code);
  });
  assert.deepEqual(await counted(d.db, '2'), [{ name: 'b' }]);
  assert.deepEqual(await counted(d.db, '3'), [{ name: 'c' }]);
  assert.deepEqual(await counted(d.db, '9'), []);
  await d.db.transaction().execute(async (trx) => assert.deepEqual(await counted(trx, '1'), [{ name: 'a' }]));
  assert.equal(builds, 1);
  assert.deepEqual(await byLevel(d.db, 'village', '0'), [
    { code: '1', name: 'a' },
    { code: '2', name: 'b' },
  ]);
  assert.deepEqual(await byLevel(d.db, 'village', '1'), [{ code: '2', name: 'b' }]);
  assert.deepEqual(await byLevel(d.db, 'township', '0'), [{ code: '3', name: 'c' }]);
  const other = await memory(); // another database compiles its own
  assert.deepEqual(await counted(other.db, '1'), [{ name: 'a' }]);
  assert.equal(builds, 2);
  await d.close();
  await other.close();
});

test('an argument that shapes the query instead of being a value is refused', async () => {
  const d = await memory();
  const shaped = prepared((db: Db, code: string) =>
    db
      .selectFrom('region')
      .select('name')
      .$if(code === '1', (qb) => qb.where('code', '=', '1')),
  );
  await assert.rejects(shaped(d.db, '1'), /argument 0 is not a bound parameter/);
  await d.close();
});
