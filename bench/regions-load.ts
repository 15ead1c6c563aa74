// Measures `regions load --all` (the whole country, ~665,000 regions) on SQLite and, when
// BENCH_PG_URL is set (e.g. postgres://postgres@127.0.0.1:5432/postgres), on PostgreSQL.
// Usage: node --import tsx bench/regions-load.ts
import { rmSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../src/core/db/index.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import { loadRegions } from '../src/core/modules/regions/load.ts';

async function measure(url: string, label: string) {
  const d = openDatabase(url);
  await migrateToLatest(d.db);
  let t = performance.now();
  const n = await loadRegions(d.db, '');
  const first = (performance.now() - t) / 1000;
  t = performance.now();
  await loadRegions(d.db, '');
  const again = (performance.now() - t) / 1000;
  await d.close();
  console.log(
    `${label.padEnd(10)} ${n} regions: empty database ${first.toFixed(1)} s (${Math.round(n / first)} rows/s), reload ${again.toFixed(1)} s`,
  );
}

const file = '/tmp/xiuhua-bench-regions.db';
for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
await measure(`file:${file}`, 'sqlite');
const pgUrl = process.env.BENCH_PG_URL;
if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS xiuhua_bench_regions WITH (FORCE)');
  await admin.query('CREATE DATABASE xiuhua_bench_regions');
  const u = new URL(pgUrl);
  u.pathname = '/xiuhua_bench_regions';
  await measure(u.toString(), 'postgres');
  await admin.query('DROP DATABASE IF EXISTS xiuhua_bench_regions WITH (FORCE)');
  await admin.end();
}
