// Measures the pairing read paths on the demo county (竹山县, 100,000 households, ~48,000 registered): the
// pairing gaps (registered poor households without an active responsible cadre — NOT EXISTS over
// pairing_household_idx), the pairing summary, the first page of the pairing list, one household plan.
// Every registered household but one in 50 gets a responsible cadre (≤ 5 households per cadre), inserted
// with bulkInsert when the database has no pairings yet.
// SQLite always (a file under /tmp, built on first use); PostgreSQL too when BENCH_PG_URL is set.
// Usage: [BENCH_PG_URL=…] [BENCH_FILE=/tmp/….db] [BENCH_PG_DB=name] node --import tsx bench/pairings.ts (wall times suffer when the machine is busy; "cpu" is this
// process's CPU time per call, which for SQLite is the query work itself)
import { existsSync } from 'node:fs';
import pg from 'pg';
import { SYSTEM } from '../src/core/access/permissions.ts';
import { Scope } from '../src/core/access/scope.ts';
import { analyzeTables, bulkInsert } from '../src/core/db/bulk.ts';
import { nowIso, openDatabase, type Database } from '../src/core/db/index.ts';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { loadDemoRegister } from '../src/core/modules/demo/register.ts';
import { resolveScope } from '../src/core/access/resolve.ts';
import type { Db } from '../src/core/db/index.ts';
import { householdPlan } from '../src/core/modules/pairings/plan.ts';
import { pairingGaps, pairingList, pairingSummary } from '../src/core/modules/pairings/service.ts';
import type { Permission } from '../src/shared/codes.ts';
import { setupDatabase } from '../src/core/setup.ts';
import { REGISTERED_STATUSES } from '../src/shared/register.ts';

const COUNTY = '420323000000';
const PER_CADRE = 5;

/** The Scope a request naming `region` gets from the registrar (resolved inside the timed call, as a request does). */
const scopeOf = (db: Db, permission: Permission, region: string) => resolveScope(db, SYSTEM, permission, region);
const gapsOf = async (db: Db, region: string, page: number) =>
  pairingGaps(db, await scopeOf(db, 'household.read', region), { page, pageSize: 20 });
const summaryOf = async (db: Db, region: string) => pairingSummary(db, await scopeOf(db, 'force.read', region));

async function build(d: Database) {
  await setupDatabase(d.db);
  const any = await d.db.selectFrom('household').select('id').limit(1).executeTakeFirst();
  if (!any) {
    const t = performance.now();
    await loadDemo(d.db, { county: COUNTY, password: 'Bench@2026' });
    await loadDemoRegister(d.db, { county: COUNTY });
    console.log(`  built the demo register in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const paired = await d.db.selectFrom('pairing').select('id').limit(1).executeTakeFirst();
  if (paired) return;
  const t = performance.now();
  const registered = await d.db
    .selectFrom('household')
    .select(['id', 'region_code'])
    .where('status', 'in', [...REGISTERED_STATUSES])
    .orderBy('region_code')
    .orderBy('id')
    .execute();
  const toPair = registered.filter((_, i) => i % 50 !== 49);
  const now = nowIso();
  const cadres = await d.db.transaction().execute((trx) =>
    bulkInsert<{ id: number }>(
      trx,
      'person',
      Array.from({ length: Math.ceil(toPair.length / PER_CADRE) }, (_, i) => ({
        region_code: toPair[i * PER_CADRE]!.region_code,
        name: `帮扶干部${i + 1}`,
        gender: i % 3 ? 'male' : 'female',
        phone: `139${String(i).padStart(8, '0')}`,
        post: '干部',
        created_at: now,
        updated_at: now,
      })),
      { returning: ['id'] },
    ),
  );
  await d.db.transaction().execute((trx) =>
    bulkInsert(
      trx,
      'pairing',
      toPair.map((h, i) => ({
        kind: 'cadre_household',
        region_code: h.region_code,
        household_id: h.id,
        person_id: cadres[Math.floor(i / PER_CADRE)]!.id,
        start_date: '2016-03-01',
        created_at: now,
        updated_at: now,
      })),
      { types: { household_id: 'int', person_id: 'int' } },
    ),
  );
  await analyzeTables(d.db, ['person', 'pairing', 'household']);
  console.log(
    `  paired ${toPair.length} of ${registered.length} registered households with ${cadres.length} cadres in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}

/** Wall-clock median and best, and the median CPU time of this process (SQLite works in-process). */
async function time(label: string, fn: () => Promise<unknown>, runs = 7) {
  await fn(); // warm
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await fn();
    const u = process.cpuUsage(c);
    ms.push(performance.now() - t);
    cpu.push((u.user + u.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  console.log(
    `  ${label.padEnd(48)} median ${ms[mid]!.toFixed(1)} ms, best ${ms[0]!.toFixed(1)} ms, cpu ${cpu[mid]!.toFixed(1)} ms`,
  );
}

/**
 * The worst case for the gaps: every registered household poor again (as before the exits) and one in
 * 50 household pairings ended, inside a transaction that is rolled back.
 */
async function stress(d: Database) {
  const rollback = new Error('rollback');
  await d.db
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable('household').set({ status: 'poor' }).where('status', '=', 'exited').execute();
      const ids = await trx
        .selectFrom('pairing')
        .select('id')
        .where('kind', '=', 'cadre_household')
        .orderBy('id')
        .execute();
      const ended = ids.filter((_, i) => i % 50 === 0).map((r) => r.id);
      for (let i = 0; i < ended.length; i += 5000)
        await trx
          .updateTable('pairing')
          .set({ end_date: '2020-12-31' })
          .where('id', 'in', ended.slice(i, i + 5000))
          .execute();
      await analyzeTables(trx, ['household', 'pairing']);
      const gaps = await gapsOf(trx, COUNTY, 1);
      const poor = await trx
        .selectFrom('household')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['poor', 'returned'])
        .executeTakeFirstOrThrow();
      console.log(`  stress: ${Number(poor.n)} poor households, ${ended.length} pairings ended, gaps ${gaps.total}`);
      await time('stress: pairing gaps, county, page 1 (+ count)', () => gapsOf(trx, COUNTY, 1));
      await time('stress: pairing gaps, county, page 50', () => gapsOf(trx, COUNTY, 50));
      await time('stress: pairing gaps, one township', () => gapsOf(trx, '420323104', 1));
      await time('stress: pairing summary, county', () => summaryOf(trx, COUNTY));
      throw rollback;
    })
    .catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
  await analyzeTables(d.db, ['household', 'pairing']);
}

async function run(d: Database, label: string) {
  console.log(`${label}:`);
  await build(d);
  const n = async (table: 'household' | 'pairing') =>
    Number(
      (
        await d.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  console.log(`  ${await n('household')} households, ${await n('pairing')} pairings`);
  const gaps = await gapsOf(d.db, COUNTY, 1);
  const summary = await summaryOf(d.db, COUNTY);
  console.log(
    `  gaps ${gaps.total}, cadres ${summary.cadres}, paired households ${summary.households}, per cadre ${JSON.stringify(summary.householdsPerCadre)}`,
  );
  const village = gaps.items[0]?.regionCode ?? '420323104211';
  await time('pairing gaps, county, page 1 (+ count)', () => gapsOf(d.db, COUNTY, 1));
  await time('pairing gaps, county, page 100', () => gapsOf(d.db, COUNTY, 100));
  await time('pairing gaps, one village', () => gapsOf(d.db, village, 1));
  await time('pairing summary, county', () => summaryOf(d.db, COUNTY));
  await time('pairing list, county, page 1 (+ count)', () =>
    scopeOf(d.db, 'force.read', COUNTY).then((scope) =>
      pairingList(d.db, scope, { active: 'true', page: 1, pageSize: 20 }),
    ),
  );
  const one = await d.db
    .selectFrom('pairing')
    .select('household_id')
    .where('kind', '=', 'cadre_household')
    .limit(1)
    .executeTakeFirstOrThrow();
  await time('household plan', () => householdPlan(d.db, Scope.global(SYSTEM, 'a benchmark'), one.household_id!));
  await stress(d);
  await d.close();
}

const file = process.env.BENCH_FILE ?? '/tmp/xiuhua-bench-pairings.db';
if (!existsSync(file)) console.log(`(building ${file})`);
await run(openDatabase(`file:${file}`), 'sqlite');
const pgUrl = process.env.BENCH_PG_URL;
if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = process.env.BENCH_PG_DB ?? 'xiuhua_bench_pairings';
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  await run(openDatabase(u.toString()), 'postgres');
}
