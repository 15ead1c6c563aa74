// Measures the help-force imports (cadres, stationing, pairings) on the demo county (竹山县, 100,000
// households and its help forces): N new cadres, N stationings of them as team members, and two households
// each for them to help (2N pairings), each file as a dry run and then committed, in rows per second.
// SQLite on a copy of the demo file that bench/forces.ts builds (built here when missing; BENCH_FILE names another);
// PostgreSQL too when BENCH_PG_URL is set (a fresh database BENCH_PG_DB, default xiuhua_bench_imports, the demo
// loaded into it). The rows are imported as a county user would, in its scope. Work files go to BENCH_DIR;
// BENCH_HOUSEHOLDS makes a smaller demo county (a quicker run; the figures then differ).
// Usage: [BENCH_PG_URL=postgres://…] [BENCH_ROWS=1000] node --import tsx bench/imports-forces.ts
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import type { Actor } from '../src/core/access/permissions.ts';
import { Scope } from '../src/core/access/scope.ts';
import { openDatabase, type Database, type Db } from '../src/core/db/index.ts';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { checkDigit } from '../src/core/modules/households/idcard.ts';
import { FORCE_IMPORTS, type ForceImport } from '../src/core/modules/imports/forces/index.ts';
import { importRows } from '../src/core/modules/imports/import-rows.ts';
import { todayInChina } from '../src/core/clock.ts';
import { setupDatabase } from '../src/core/setup.ts';
import { villagesOf } from './common.ts';

const COUNTY = '420323000000';
const HI = '420324000000';
const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const ACTOR: Actor = { kind: 'user', userId: 0, username: 'bench', grants: [{ role: 'county', scopeCode: COUNTY }] };
const DIR = process.env.BENCH_DIR ?? '/tmp/xiuhua-bench-imports-forces';
const PG_DB = process.env.BENCH_PG_DB ?? 'xiuhua_bench_imports';

const csv = (rows: (string | number | null)[][]) =>
  rows.map((r) => r.map((v) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(',')).join('\r\n');

/** The three files: new cadres, their stationing as team members, two registered households each. */
async function files(db: Db) {
  const villages = await villagesOf(db, COUNTY);
  const households = await db
    .selectFrom('household')
    .select(['code', 'region_code'])
    .where('region_code', '>=', COUNTY)
    .where('region_code', '<', HI)
    .where('status', 'in', ['poor', 'lifted', 'returned'])
    .orderBy('id')
    .limit(ROWS * 2)
    .execute();
  // Distinct real ID numbers: a birth day per hundred cadres, the sequence's last digit odd for men.
  const male = (i: number) => i % 3 !== 0;
  const idNumber = (i: number) => {
    const birth = new Date(Date.UTC(1975, 0, 1 + Math.floor(i / 100))).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `420323${birth}${100 + (i % 100) * 2 + (male(i) ? 1 : 0)}`;
    return first17 + checkDigit(first17);
  };
  const name = (i: number) => `导入干部${i}`;
  const start = todayInChina();
  // Rows by field; the files' headers come from the import kinds' columns (the templates' headers).
  const cadres = Array.from({ length: ROWS }, (_, i) => ({
    name: name(i),
    gender: male(i) ? '男' : '女',
    idNumber: idNumber(i),
    education: '大学本科',
    politicalStatus: '中共党员',
    post: '科员',
    phone: `139${String(i).padStart(8, '0')}`,
    regionCode: '420323',
  }));
  // A cadre's households: two registered households (of any village), the cadre stationed in the first one's village.
  const pairOf = (i: number) => [
    households[(2 * i) % households.length]!,
    households[(2 * i + 1) % households.length]!,
  ];
  const stations = Array.from({ length: ROWS }, (_, i) => ({
    idNumber: idNumber(i),
    name: name(i),
    regionCode: pairOf(i)[0]!.region_code ?? villages[i % villages.length]!,
    role: '驻村工作队员',
    startDate: start,
  }));
  const pairings = Array.from({ length: ROWS }, (_, i) =>
    pairOf(i).map((h) => ({
      kind: '干部结对帮扶户',
      householdCode: h.code,
      personIdNumber: idNumber(i),
      personName: name(i),
      startDate: start,
    })),
  ).flat();
  mkdirSync(DIR, { recursive: true });
  const paths = {} as Record<ForceImport, string>;
  for (const [kind, rows] of Object.entries({ cadres, stations, pairings }) as [
    ForceImport,
    Record<string, string>[],
  ][]) {
    const columns = FORCE_IMPORTS[kind].columns;
    paths[kind] = `${DIR}/${kind}.csv`;
    writeFileSync(
      paths[kind],
      csv([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => r[c.field] ?? null))]),
    );
  }
  return paths;
}

async function run(d: Database, label: string) {
  const paths = await files(d.db);
  console.log(`\n${label}: ${ROWS} cadres, ${ROWS} stationings, ${2 * ROWS} pairings`);
  for (const kind of ['cadres', 'stations', 'pairings'] as const) {
    for (const mode of ['dry-run', 'commit'] as const) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const scope = Scope.of(ACTOR, FORCE_IMPORTS[kind].permission);
      const res = await importRows(d.db, scope, FORCE_IMPORTS[kind], { path: paths[kind] }, { mode });
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      const rate = Math.round((res.rows / ms) * 1000);
      console.log(
        `  ${kind.padEnd(9)} ${mode.padEnd(8)} ${String(res.rows).padStart(6)} rows  imported ${res.imported}, ` +
          `rejected ${res.rejected}  ${Math.round(ms)} ms  ${rate} rows/s  (cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms)`,
      );
      if (res.rejected) console.log(`    first problems: ${JSON.stringify(res.errors.slice(0, 3))}`);
    }
  }
  await d.close();
}

console.log(`cores ${availableParallelism()}, load ${loadavg()[0]!.toFixed(2)}`);
const demo = process.env.BENCH_FILE ?? '/tmp/xiuhua-bench-forces.db';
if (!existsSync(demo)) {
  console.log(`(building ${demo}: the demo county with ${HOUSEHOLDS} households)`);
  const d = openDatabase(`file:${demo}`);
  await setupDatabase(d.db);
  await loadDemo(d.db, { county: COUNTY, password: 'Bench@2026', households: HOUSEHOLDS });
  await d.close();
}
const copy = `${DIR}/sqlite.db`;
mkdirSync(DIR, { recursive: true });
for (const s of ['', '-wal', '-shm']) rmSync(copy + s, { force: true });
copyFileSync(demo, copy);
await run(openDatabase(`file:${copy}`), 'sqlite');

if (process.env.BENCH_PG_URL) {
  const admin = new pg.Client({ connectionString: process.env.BENCH_PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${PG_DB} with (force)`);
  await admin.query(`create database ${PG_DB}`);
  await admin.end();
  const u = new URL(process.env.BENCH_PG_URL);
  u.pathname = `/${PG_DB}`;
  const d = openDatabase(u.toString());
  await setupDatabase(d.db);
  await loadDemo(d.db, { county: COUNTY, password: 'Bench@2026', households: HOUSEHOLDS });
  await run(d, 'postgres');
}
