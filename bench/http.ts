// HTTP throughput of the app against a bare route, measured in one run on the same machine:
//   bare      a bare Fastify route reading one household row with better-sqlite3 (a statement prepared once)
//   bare pg   the same over a pg pool (only when the app runs on PostgreSQL)
//   point     GET /api/households/{id} as a logged-in county user (session check, household detail)
//   list      GET /api/households?region=<village> (first page of 20)
// autocannon, 20 connections × 15 s per target after a 3 s warm-up; it prints req/s, p50/p99 latency and
// each figure's ratio to the bare SQLite route. Targets (§7): point ≥ 25 % of bare, p99 < 20 ms on SQLite.
//
// The servers run in a child process (this file with --serve) so that autocannon, in this process, does not
// share an event loop with them. The app runs over the demo county (竹山县) with 20,000 households, built on
// first use in /tmp; or:
//   BENCH_DB=file:/path.db | DATABASE_URL=postgres://…/xiuhua_perf_http   the app's database (built if empty)
//   BENCH_URL=http://127.0.0.1:3000       an app started apart (`npm start`), instead of the in-process one
//   BENCH_USER / BENCH_PASSWORD           login (default zhushan / XIUHUA_DEMO_PASSWORD or Xiuhua@2026)
//   BENCH_SECONDS (15), BENCH_CONNECTIONS (20), BENCH_HOUSEHOLDS (20000)
//   BENCH_PROF=dir                        write a CPU profile of the server process (node --cpu-prof) to dir
//   BENCH_LOG=1                           show the app's request log (written to /dev/null otherwise); LOG=0 turns
//                                         it off, to see what it costs
// Usage: node --import tsx bench/http.ts
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import { dialectOf, openDatabase, sqlitePath, type Database } from '../src/core/db/index.ts';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { setupDatabase } from '../src/core/setup.ts';
import { buildApp } from '../src/server/app.ts';

const COUNTY = '420323000000';
const SQLITE_FILE = '/tmp/xiuhua-bench-http.db';
const env = process.env;
const password = env.BENCH_PASSWORD ?? loadConfig().demoPassword;
const appUrl = env.DATABASE_URL ?? env.BENCH_DB ?? `file:${SQLITE_FILE}`;

interface Ready {
  bare: string;
  barePg?: string;
  app: string;
  bareIds: number[];
  barePgIds?: number[];
}

/** Opens a database for the bench, creating a PostgreSQL database and loading the demo county if missing. */
async function benchDatabase(url: string): Promise<Database> {
  if (dialectOf(url) === 'postgres') {
    const u = new URL(url);
    const name = u.pathname.slice(1);
    if (!/^\w+$/.test(name)) throw new Error(`bad database name in ${url}`);
    u.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
  }
  const d = openDatabase(url);
  await setupDatabase(d.db);
  const any = await d.db.selectFrom('household').select('id').limit(1).executeTakeFirst();
  if (!any) {
    const t = performance.now();
    const households = Number(env.BENCH_HOUSEHOLDS ?? 20_000);
    console.error(`  building the demo county with ${households} households in ${url} …`);
    await loadDemo(d.db, { county: COUNTY, password, households });
    console.error(`  built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return d;
}

const listen = async (app: FastifyInstance) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
};

/** The child process: the bare routes and the app, each on its own port. */
async function serve() {
  // The bare reference reads the SQLite bench file (built by the app's database when that is the same file).
  const appDb = env.BENCH_URL ? null : await benchDatabase(appUrl);
  if (!existsSync(SQLITE_FILE) || appDb?.dialect !== 'sqlite' || sqlitePath(appUrl) !== SQLITE_FILE)
    await (await benchDatabase(`file:${SQLITE_FILE}`)).close();

  const sqlite = new SQLite(SQLITE_FILE, { readonly: true });
  const one = sqlite.prepare('SELECT * FROM household WHERE id = ?');
  const bare = Fastify();
  bare.get<{ Params: { id: string } }>('/bare/:id', async (req, reply) => {
    const row = one.get(Number(req.params.id));
    return row ?? reply.status(404).send();
  });
  const bareIds = (sqlite.prepare('SELECT id FROM household ORDER BY id LIMIT 1000').all() as { id: number }[]).map(
    (r) => r.id,
  );
  const ready: Ready = { bare: await listen(bare), app: env.BENCH_URL ?? '', bareIds };

  if (appDb?.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: appUrl, max: 10 });
    const barePg = Fastify();
    barePg.get<{ Params: { id: string } }>('/bare/:id', async (req, reply) => {
      const r = await pool.query({
        name: 'one',
        text: 'SELECT * FROM household WHERE id = $1',
        values: [req.params.id],
      });
      return r.rows[0] ?? reply.status(404).send();
    });
    ready.barePg = await listen(barePg);
    ready.barePgIds = (await pool.query('SELECT id FROM household ORDER BY id LIMIT 1000')).rows.map((r) => r.id);
  }
  if (appDb) {
    const app = await buildApp({ database: appDb, config: loadConfig({}) });
    ready.app = await listen(app);
  }
  process.send!(ready);
  process.on('disconnect', () => process.exit(0));
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(label: string, base: string, paths: string[], headers: Record<string, string> = {}) {
  let i = 0;
  const opts = {
    url: base,
    connections: Number(env.BENCH_CONNECTIONS ?? 20),
    headers,
    requests: [{ method: 'GET' as const, setupRequest: (r: object) => ({ ...r, path: paths[i++ % paths.length] }) }],
  };
  await autocannon({ ...opts, duration: 3 }); // warm-up
  const r = await autocannon({ ...opts, duration: Number(env.BENCH_SECONDS ?? 15) });
  const f: Figures = {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
  console.log(
    `  ${label.padEnd(44)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms${f.errors ? `   ${f.errors} errors/non-2xx` : ''}`,
  );
  return f;
}

async function main() {
  const execArgv = ['--import', 'tsx', ...(env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_PROF}`] : [])];
  // The app logs one line per request, as in production; the lines go to /dev/null (their cost stays, the disk's
  // does not). BENCH_LOG=1 shows them.
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv,
    stdio: ['ignore', env.BENCH_LOG ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });

  const user = env.BENCH_USER ?? 'zhushan';
  const res = await fetch(`${ready.app}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user, password }),
  });
  if (res.status !== 200) throw new Error(`login ${user} → ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('xh_sid='))!;
  const headers = { cookie: sid.split(';')[0]! };
  const page = await fetch(`${ready.app}/api/households?region=${COUNTY}&pageSize=500`, { headers });
  const items = ((await page.json()) as { items: { id: number; regionCode: string }[] }).items;
  if (!items.length) throw new Error(`no households visible to ${user}`);
  const village = items[0]!.regionCode;
  const appDialect = env.BENCH_URL ? 'external' : dialectOf(appUrl);

  console.log(
    `http: ${appDialect} app${env.BENCH_URL ? ` at ${ready.app}` : ''}, user ${user}, ${opts()}; reference: bare better-sqlite3 route`,
  );
  // BENCH_ONLY=point (or bare,list, …) runs some targets only, e.g. to profile one of them.
  const only = (t: string) => !env.BENCH_ONLY || env.BENCH_ONLY.split(',').includes(t);
  const run = (t: string, ...a: Parameters<typeof load>) => (only(t) ? load(...a) : Promise.resolve(null));
  const bare = await run(
    'bare',
    'bare route (better-sqlite3)',
    ready.bare,
    ready.bareIds.map((id) => `/bare/${id}`),
  );
  const barePg = ready.barePg
    ? await run(
        'bare',
        'bare route (pg pool)',
        ready.barePg,
        ready.barePgIds!.map((id) => `/bare/${id}`),
      )
    : null;
  const point = await run(
    'point',
    'GET /api/households/{id}',
    ready.app,
    items.map((h) => `/api/households/${h.id}`),
    headers,
  );
  const list = await run(
    'list',
    `GET /api/households?region=${village}`,
    ready.app,
    [`/api/households?region=${village}`],
    headers,
  );

  const pct = (a: Figures | null, b: Figures | null) => (a && b ? `${((100 * a.rps) / b.rps).toFixed(1)} %` : '–');
  console.log('ratios to the bare better-sqlite3 route:');
  console.log(
    `  point read ${pct(point, bare)}   list ${pct(list, bare)}${barePg ? `   bare pg ${pct(barePg, bare)}` : ''}`,
  );
  if (barePg)
    console.log(`ratios to the bare pg route:\n  point read ${pct(point, barePg)}   list ${pct(list, barePg)}`);
  if (point && bare) {
    const ok = point.rps >= 0.25 * bare.rps && point.p99 < 20;
    console.log(`target (point ≥ 25 % of bare, p99 < 20 ms): ${ok ? 'met' : 'not met'}`);
  }
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
}

const opts = () => `${env.BENCH_CONNECTIONS ?? 20} connections × ${env.BENCH_SECONDS ?? 15} s`;

if (process.argv.includes('--serve')) {
  process.once('SIGINT', () => process.exit(0)); // exit normally, so that --cpu-prof writes its profile
  await serve();
} else await main();
