// Measures the household import (CSV and xlsx) and the xlsx export on SQLite and, when BENCH_PG_URL is set
// (e.g. postgres://postgres@127.0.0.1:5432/postgres), on PostgreSQL (in its own database, dropped after; its name
// starts with BENCH_DB_PREFIX, default xiuhua_bench). Files go to BENCH_DIR (default /tmp/xiuhua-bench-import).
// Each import runs in a child process, so its peak RSS is its own. Each file is imported twice: into an empty
// register (all created), then again (all updated, with before-images in the audit log).
// Usage: node --import tsx bench/import.ts [--households 100000] [--formats csv,xlsx] [--dialects sqlite,postgres]
import { resolveScope } from '../src/core/access/resolve.ts';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SYSTEM } from '../src/core/access/permissions.ts';
import { Scope } from '../src/core/access/scope.ts';
import { openDatabase, type Database } from '../src/core/db/index.ts';
import { setupDatabase } from '../src/core/setup.ts';
import { checkDigit } from '../src/core/modules/households/idcard.ts';
import { importHouseholds } from '../src/core/modules/imports/service.ts';
import { exportHouseholds } from '../src/core/modules/imports/export.ts';
import { COLUMNS } from '../src/core/modules/imports/layout.ts';
import { addSheet, drained, workbookWriter } from '../src/core/modules/imports/xlsx-write.ts';
import { loadRegions } from '../src/core/modules/regions/load.ts';

const DIR = process.env.BENCH_DIR ?? '/tmp/xiuhua-bench-import';
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows of N valid households (~3.5 persons each) in the import layout, household columns on every row. */
function* households(n: number, villages: string[]): Generator<(string | number | null)[]> {
  const r = rng(42);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const chars = (s: string) => s[Math.floor(r() * s.length)]!;
  const SIZES = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6];
  const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const GIVEN = '秀英华明国建军平芳玉兰海峰志强丽红春梅';
  const RELATIONS = ['户主', '配偶', '之子', '之女', '之母', '之孙子'];
  for (let i = 0; i < n; i++) {
    const village = villages[i % villages.length]!;
    const status = pick(['未脱贫', '已脱贫', '已脱贫', '一般农户']);
    const poor = status !== '一般农户';
    const household = [
      `B${village}${String(i).padStart(6, '0')}`,
      village,
      1 + (i % 8),
      `${1 + (i % 8)}组${i % 90}号`,
      `138${String(i).padStart(8, '0')}`,
      status,
      poor ? pick(['一般贫困户', '低保贫困户']) : null,
      poor ? pick(['因病', '因残', '缺技术', '缺资金']) : null,
      poor ? '缺劳力' : null,
      pick(['A级（安全）', 'B级（安全）']),
      poor ? 2014 + (i % 5) : null,
      status === '已脱贫' ? 2019 : null,
    ];
    const year = [
      2024,
      status,
      Math.round(r() * 30000),
      Math.round(r() * 8000),
      Math.round(r() * 3000),
      Math.round(r() * 500),
      Math.round(r() * 2000),
      '是',
      '是',
      '是',
      '是',
      '是',
    ];
    const size = pick(SIZES);
    for (let k = 0; k < size; k++) {
      const male = k === 0 || r() < 0.5;
      const y = k === 0 ? 1950 + Math.floor(r() * 40) : 1940 + Math.floor(r() * 75);
      const birth = `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const seq = Math.floor(r() * 499) * 2 + (male ? 1 : 2);
      const first17 = `${village.slice(0, 6)}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
      const member = [
        chars(SURNAMES) + chars(GIVEN) + chars(GIVEN),
        first17 + checkDigit(first17),
        male ? '男' : '女',
        birth,
        k === 0 ? '户主' : RELATIONS[1 + (k % 5)]!,
        '汉族',
        '初中',
        '非在校生',
        '健康',
        '普通劳动力',
        '务农',
        0,
        null,
        '是',
        '是',
        '否',
        '否',
        null,
      ];
      yield [...household, ...member, ...year];
    }
  }
}

const csvField = (v: string | number | null) => (v === null ? '' : String(v));

async function generate(n: number, villages: string[]) {
  const headers = COLUMNS.filter((c) => !c.readonly).map((c) => c.header);
  const csv = createWriteStream(join(DIR, `h${n}.csv`));
  csv.write(`\uFEFF${headers.join(',')}\n`);
  const xlsxOut = createWriteStream(join(DIR, `h${n}.xlsx`));
  const wb = workbookWriter(xlsxOut);
  const ws = addSheet(
    wb,
    '户籍信息',
    headers.map((h) => ({ header: h, width: 12 })),
  );
  let rows = 0;
  for (const row of households(n, villages)) {
    if (!csv.write(`${row.map(csvField).join(',')}\n`)) await once(csv, 'drain');
    ws.addRow(row).commit();
    if (++rows % 2000 === 0) await drained(ws, xlsxOut);
  }
  const closed = once(csv, 'close');
  csv.end();
  ws.commit();
  await wb.commit();
  await closed;
  return rows;
}

async function freshDb(
  dialect: string,
  pgUrl: string | undefined,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const file = join(DIR, `bench-${process.pid}.db`);
    const drop = async () => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true }));
    await drop();
    return { url: `file:${file}`, drop };
  }
  const name = `${process.env.BENCH_DB_PREFIX ?? 'xiuhua_bench'}_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Child: one import (or export) on an existing database; prints a JSON line. */
async function child(url: string, task: string, file: string) {
  const d: Database = openDatabase(url);
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  let out: Record<string, unknown>;
  if (task === 'import') {
    const r = await importHouseholds(
      d.db,
      Scope.global(SYSTEM, 'a bench import, as the CLI'),
      { path: file },
      { mode: 'commit' },
    );
    out = { households: r.imported, persons: r.persons, rejected: r.rejected, errors: r.errors.slice(0, 3) };
  } else {
    const scope = await resolveScope(d.db, SYSTEM, 'household.read', '420323');
    const prepared = await exportHouseholds(d.db, scope, { format: 'xlsx' });
    const stream = createWriteStream(file);
    const closed = once(stream, 'close');
    const s = await prepared.write(stream);
    await closed;
    out = { ...s, bytes: statSync(file).size };
  }
  clearInterval(timer);
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify({ ...out, seconds, cpu, peakMB: Math.round(peak / 1e6) }));
  await d.close();
}

async function main() {
  const n = Number(arg('households', '100000'));
  const pgUrl = process.env.BENCH_PG_URL;
  const dialects = arg('dialects', pgUrl ? 'sqlite,postgres' : 'sqlite').split(',');
  const formats = arg('formats', 'csv,xlsx').split(',');
  mkdirSync(DIR, { recursive: true });
  const regions = await freshDb('sqlite', undefined);
  const d = openDatabase(regions.url);
  await setupDatabase(d.db);
  await loadRegions(d.db, '420323');
  const villages = (await d.db.selectFrom('region').select('code').where('level', '=', 'village').execute()).map(
    (r) => r.code,
  );
  await d.close();
  const t = performance.now();
  const rows = await generate(n, villages);
  console.log(
    `generated ${n} households / ${rows} persons in ${((performance.now() - t) / 1000).toFixed(1)} s: ` +
      formats.map((f) => `${f} ${(statSync(join(DIR, `h${n}.${f}`)).size / 1e6).toFixed(0)} MB`).join(', '),
  );
  const self = fileURLToPath(import.meta.url);
  const run = (url: string, task: string, file: string) =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', self, '--child', url, task, file], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .pop()!,
    );
  for (const dialect of dialects) {
    for (const format of formats) {
      const db = await freshDb(dialect, pgUrl);
      const s = openDatabase(db.url);
      await setupDatabase(s.db);
      await loadRegions(s.db, '420323');
      await s.close();
      // The first import creates every household; the same file again updates every one (before-images audited).
      for (const what of ['import', 're-import']) {
        const r = run(db.url, 'import', join(DIR, `h${n}.${format}`));
        console.log(
          `${dialect.padEnd(8)} ${what.padEnd(9)} ${format.padEnd(4)} ${r.households} households / ${r.persons} persons in ${r.seconds.toFixed(1)} s = ${Math.round(r.persons / r.seconds)} persons/s, Node CPU ${r.cpu.toFixed(1)} s, peak RSS ${r.peakMB} MB${r.rejected ? `, REJECTED ${r.rejected} ${JSON.stringify(r.errors)}` : ''}`,
        );
      }
      if (format === formats[formats.length - 1]) {
        const e = run(db.url, 'export', join(DIR, `export-${dialect}.xlsx`));
        console.log(
          `${dialect.padEnd(8)} export xlsx ${e.households} households / ${e.persons} persons in ${e.seconds.toFixed(1)} s, ${(e.bytes / 1e6).toFixed(0)} MB, peak RSS ${e.peakMB} MB`,
        );
      }
      await db.drop();
    }
  }
  await regions.drop();
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
else await main();
