// Measures the register's read paths on the demo county (竹山县, 100,000 households): poverty incidence by
// township (target: under 100 ms warm), the breakdowns, and the first page of the household list.
// SQLite always (a file under /tmp, built on first use); PostgreSQL too when BENCH_PG_URL is set.
// Usage: node --import tsx bench/stats.ts
import { resolveScope } from '../src/core/access/resolve.ts';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { SYSTEM } from '../src/core/access/permissions.ts';
import { openDatabase, type Database } from '../src/core/db/index.ts';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { loadDemoRegister } from '../src/core/modules/demo/register.ts';
import { householdList } from '../src/core/modules/households/service.ts';
import { povertyIncidence, registerBreakdown } from '../src/core/modules/stats/service.ts';
import { setupDatabase } from '../src/core/setup.ts';

const COUNTY = '420323000000';

async function build(d: Database) {
  await setupDatabase(d.db);
  const any = await d.db.selectFrom('household').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const t = performance.now();
  await loadDemo(d.db, { county: COUNTY, password: 'Bench@2026' });
  await loadDemoRegister(d.db, { county: COUNTY });
  console.log(`  built the demo register in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function time(label: string, fn: () => Promise<unknown>, runs = 7) {
  await fn(); // warm
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(40)} median ${ms[Math.floor(runs / 2)]!.toFixed(1)} ms, best ${ms[0]!.toFixed(1)} ms`);
}

async function run(d: Database, label: string) {
  console.log(`${label}:`);
  await build(d);
  const n = await d.db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`  ${Number(n.n)} households`);
  const countyScope = await resolveScope(d.db, SYSTEM, 'household.read', COUNTY);
  await time('poverty incidence by township', () => povertyIncidence(d.db, countyScope, {}));
  await time('poverty incidence by township, 2016', () => povertyIncidence(d.db, countyScope, { year: 2016 }));
  await time('register breakdowns', () => registerBreakdown(d.db, countyScope, {}));
  await time('household list, page 1 (poor)', () =>
    householdList(d.db, countyScope, {
      status: ['poor', 'returned', 'exited'],
      page: 1,
      pageSize: 20,
    }),
  );
  await time('household list, duplicate-ID flag', () =>
    householdList(d.db, countyScope, {
      flag: 'duplicate_id',
      page: 1,
      pageSize: 20,
    }),
  );
  await d.close();
}

const file = '/tmp/xiuhua-bench-stats.db';
if (!existsSync(file)) console.log(`(building ${file})`);
await run(openDatabase(`file:${file}`), 'sqlite');
const pgUrl = process.env.BENCH_PG_URL;
if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'xiuhua_bench_stats'");
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE xiuhua_bench_stats');
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = '/xiuhua_bench_stats';
  await run(openDatabase(u.toString()), 'postgres');
}
