// Measures the demo register load (竹山县, 100,000 households by default) into a fresh SQLite file and,
// when BENCH_PG_URL is set (e.g. postgres://postgres@127.0.0.1:5432/postgres), into a fresh PostgreSQL
// database (created and dropped here). The county's regions and groups are loaded first, untimed.
// Usage: node --import tsx bench/demo-register.ts [households]
import { rmSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../src/core/db/index.ts';
import { setupDatabase } from '../src/core/setup.ts';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { loadDemoRegister } from '../src/core/modules/demo/register.ts';

const COUNTY = '420323000000';
const households = Number(process.argv[2] ?? 100_000);

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
const timer = setInterval(sample, 100);

async function measure(url: string, label: string) {
  const d = openDatabase(url);
  await setupDatabase(d.db);
  await loadDemo(d.db, { county: COUNTY, password: 'Bench@2026', households: 0 });
  global.gc?.();
  peak = 0;
  sample();
  const base = peak;
  let last = 0;
  const t = performance.now();
  const res = await loadDemoRegister(d.db, {
    county: COUNTY,
    households,
    onProgress: (_step, done, total) => {
      if (done - last >= 20_000 || done === total) {
        last = done;
        process.stderr.write(
          `  ${label}: ${done}/${total} households, ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
        );
      }
    },
  });
  const s = (performance.now() - t) / 1000;
  sample();
  const rows = async (table: 'household_year' | 'household_event') =>
    Number(
      (
        await d.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ).toLocaleString('en-US');
  const history = `${await rows('household_year')} yearly records, ${await rows('household_event')} events`;
  await d.close();
  console.log(
    `${label.padEnd(9)} ${res.households} households, ${res.persons} persons, ${res.registered} registered, ${history}: ` +
      `${s.toFixed(1)} s, ${Math.round(res.persons / s)} persons/s, peak RSS ${Math.round(peak / 2 ** 20)} MB (${Math.round(base / 2 ** 20)} MB before)`,
  );
}

const file = '/tmp/xiuhua-bench-demo-register.db';
for (const x of ['', '-wal', '-shm']) rmSync(file + x, { force: true });
await measure(`file:${file}`, 'sqlite');
for (const x of ['', '-wal', '-shm']) rmSync(file + x, { force: true });

const pgUrl = process.env.BENCH_PG_URL;
if (pgUrl) {
  const name = 'xiuhua_bench_demo_register';
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  try {
    await measure(u.toString(), 'postgres');
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
clearInterval(timer);
