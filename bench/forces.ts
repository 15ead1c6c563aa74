// Measures the help-force read paths on the demo county (竹山县): the five-ones list, one village's five
// ones and the cadre statistics (target: under 100 ms warm on both databases), plus the days-in-village
// query alone (a year of daily check-ins). The database is the demo (loadDemo: regions, register and help
// forces). With BENCH_FORCES=synthetic (or when the demo has no help forces), the script builds them itself
// at the demo's scale with bulkInsert: 239 teams, 239 first secretaries and 426 team cadres, leaders and
// instructors, ~13,000 cadre records, ~48,000 pairings and a year of daily attendance (~220,000 rows).
// SQLite always (a file under /tmp, built on first use); PostgreSQL too when BENCH_PG_URL is set.
// Usage: [BENCH_PG_URL=postgres://…] [BENCH_FORCES=synthetic] [BENCH_FILE=/tmp/….db] [BENCH_PG_DB=name]
//   node --import tsx bench/forces.ts
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import type { Actor } from '../src/core/access/permissions.ts';
import { resolveScope } from '../src/core/access/resolve.ts';
import { analyzeTables, bulkInsert } from '../src/core/db/bulk.ts';
import { nowIso, openDatabase, type Database, type Db } from '../src/core/db/index.ts';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { loadDemoRegister } from '../src/core/modules/demo/register.ts';
import { rng, type Rng } from '../src/core/modules/demo/random.ts';
import { refreshAttendanceYears, villageDays } from '../src/core/modules/duty/days.ts';
import { fiveOnesList, villageFiveOnes } from '../src/core/modules/stats/five-ones.ts';
import { cadreStats } from '../src/core/modules/stats/forces.ts';
import { povertyIncidence } from '../src/core/modules/stats/service.ts';
import { loadRegions } from '../src/core/modules/regions/load.ts';
import { todayInChina } from '../src/core/clock.ts';
import { setupDatabase } from '../src/core/setup.ts';
import { villagesOf } from './common.ts';

const COUNTY = '420323000000';
const HI = '420324000000';
/** The county organisation department's user, so that the scope filters run as they do for a request. */
const ACTOR: Actor = { kind: 'user', userId: 0, username: 'bench', grants: [{ role: 'county', scopeCode: COUNTY }] };
/** The Scope a request naming `region` gets from the registrar (resolved inside the timed call, as a request does). */
const scopeOf = (db: Db, region: string) => resolveScope(db, ACTOR, 'force.read', region);
const statsOf = async (db: Db, region: string) => cadreStats(db, await scopeOf(db, region));
const fiveOnesOf = async (db: Db, region: string, q: { missing?: boolean; pageSize: number }) =>
  fiveOnesList(db, await scopeOf(db, region), {
    page: 1,
    missing: undefined,
    kind: undefined,
    poorOnly: undefined,
    ...q,
  });

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function count(db: Db, table: 'stationing' | 'pairing' | 'attendance' | 'person' | 'household') {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Help forces at the demo's scale, deterministic (no audit rows: a system load). */
async function buildForces(db: Db) {
  const r: Rng = rng(420323);
  const now = nowIso();
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const villages = await villagesOf(db, COUNTY);
  const townships = [...new Set(villages.map((v) => `${v.slice(0, 9)}000`))];

  // Units: 13 central/provincial/city, 60 county, one per township.
  const unitRows = [
    ...Array.from({ length: 13 }, (_, i) => ({
      name: `上级帮扶单位${i + 1}`,
      level: (['central', 'provincial', 'city'] as const)[i % 3],
      region: i % 3 === 0 ? '000000000000' : '420000000000',
    })),
    ...Array.from({ length: 60 }, (_, i) => ({ name: `县直单位${i + 1}`, level: 'county', region: COUNTY })),
    ...townships.map((t, i) => ({ name: `乡镇单位${i + 1}`, level: 'township', region: t })),
  ];
  const units = await bulkInsert<{ id: number; level: string }>(
    db,
    'help_unit',
    unitRows.map((u) => ({
      name: u.name,
      level: u.level,
      kind: 'party_gov',
      region_code: u.region,
      created_at: now,
      updated_at: now,
    })),
    { returning: ['id', 'level'] },
  );
  const higherOrCounty = units.filter((u) => u.level !== 'township').map((u) => u.id);
  const townshipUnits = units.filter((u) => u.level === 'township').map((u) => u.id);

  // Cadre records: stationed, leaders, instructors, and the pairing cadres (~10,000 in all).
  let seq = 0;
  const persons: Record<string, unknown>[] = [];
  const person = (region: string, role: string) => {
    const key = `BENCH${String(++seq).padStart(6, '0')}`;
    const young = r.chance(role === 'first_secretary' ? 0.72 : 0.6);
    persons.push({
      region_code: region,
      name: `干部${seq}`,
      gender: r.chance(0.8) ? 'male' : 'female',
      phone: `139${String(seq).padStart(8, '0')}`,
      post: role,
      id_number: key,
      birth_date: `${year - (young ? r.int(26, 45) : r.int(46, 58))}-${String(r.int(1, 12)).padStart(2, '0')}-15`,
      education: r.chance(0.74) ? r.pick(['bachelor', 'bachelor', 'master']) : r.pick(['college', 'senior']),
      political_status: 'cpc',
      rank: null,
      unit_id: r.pick(higherOrCounty),
      created_at: now,
      updated_at: now,
    });
    return key;
  };
  const teamVillages = villages.slice(0, 239);
  const plan: { key: string; village: string; role: string; start: string; endedOn: string | null }[] = [];
  const TERM = '2025-03-01';
  const teamSizes = teamVillages.map((_, i) => (i < 187 ? 2 : 1)); // 239 leaders + 187 members = 426
  teamVillages.forEach((v, i) => {
    plan.push({ key: person(v, 'first_secretary'), village: v, role: 'first_secretary', start: TERM, endedOn: null });
    for (let k = 0; k < teamSizes[i]!; k++) {
      const role = k === 0 ? 'team_leader' : 'team_member';
      plan.push({ key: person(v, role), village: v, role, start: TERM, endedOn: null });
    }
  });
  // The previous term's first secretaries (ended) and a few recalled ones.
  for (const v of teamVillages.slice(0, 60))
    plan.push({
      key: person(v, 'first_secretary'),
      village: v,
      role: 'first_secretary',
      start: '2023-03-01',
      endedOn: '2025-02-28',
    });
  const countyLeaders = Array.from({ length: 40 }, () => person(COUNTY, 'county_leader'));
  const townshipLeaders = townships.map((t) => Array.from({ length: 6 }, () => person(t, 'township_leader')));
  villages.forEach((v, i) => {
    if (i % 25 !== 7)
      plan.push({ key: countyLeaders[i % 40]!, village: v, role: 'county_leader', start: TERM, endedOn: null });
    const tl = townshipLeaders[townships.indexOf(`${v.slice(0, 9)}000`)]!;
    if (i % 31 !== 3)
      plan.push({ key: tl[i % tl.length]!, village: v, role: 'township_leader', start: TERM, endedOn: null });
    if (i % 17 !== 5)
      plan.push({ key: person(v, 'instructor'), village: v, role: 'instructor', start: TERM, endedOn: null });
  });
  const pairingCadres = Array.from({ length: 9_400 }, (_, i) =>
    person(i % 3 === 0 ? r.pick(townships) : COUNTY, 'pairing'),
  );

  const ids = new Map<string, number>();
  for (let i = 0; i < persons.length; i += 2000) {
    const saved = await bulkInsert<{ id: number; id_number: string }>(db, 'person', persons.slice(i, i + 2000), {
      types: { unit_id: 'int' },
      returning: ['id', 'id_number'],
    });
    for (const p of saved) ids.set(p.id_number, p.id);
  }

  // Teams: one current per team village, plus the previous term's (ended).
  const teams = await bulkInsert<{ id: number; region_code: string }>(
    db,
    'work_team',
    teamVillages.map((v, i) => ({
      region_code: v,
      name: `驻村工作队${i + 1}`,
      unit_id: r.pick(higherOrCounty),
      start_date: TERM,
      end_date: '2027-02-28',
      created_at: now,
      updated_at: now,
    })),
    { types: { unit_id: 'int' }, returning: ['id', 'region_code'] },
  );
  const teamOf = new Map(teams.map((t) => [t.region_code, t.id]));
  await bulkInsert(
    db,
    'work_team',
    teamVillages.slice(0, 60).map((v, i) => ({
      region_code: v,
      name: `上届工作队${i + 1}`,
      unit_id: null,
      start_date: '2023-03-01',
      end_date: '2025-02-28',
      created_at: now,
      updated_at: now,
    })),
    { types: { unit_id: 'int' } },
  );
  const stations = await bulkInsert<{ id: number; person_id: number; region_code: string }>(
    db,
    'stationing',
    plan.map((s) => ({
      person_id: ids.get(s.key)!,
      region_code: s.village,
      role: s.role,
      team_id:
        ['first_secretary', 'team_leader', 'team_member'].includes(s.role) && !s.endedOn
          ? teamOf.get(s.village)!
          : null,
      unit_id: null,
      start_date: s.start,
      end_date: addDays(s.start, 730),
      ended_on: s.endedOn,
      end_reason: s.endedOn ? 'completed' : null,
      created_at: now,
      updated_at: now,
    })),
    { types: { person_id: 'int', team_id: 'int', unit_id: 'int' }, returning: ['id', 'person_id', 'region_code'] },
  );
  await bulkInsert(
    db,
    'recall',
    stations.slice(0, 10).map((s, i) => ({
      stationing_id: s.id,
      person_id: s.person_id,
      region_code: s.region_code,
      reason: (['ineffective', 'health', 'discipline', 'other'] as const)[i % 4],
      note: null,
      effective_date: '2026-06-30',
      status: i < 8 ? 'approved' : 'pending',
      requested_by: 'bench',
      requested_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })),
    { types: { stationing_id: 'int', person_id: 'int' } },
  );

  // Pairings: a responsible cadre (≤ 5 households each) for ~47,000 registered households, units,
  // enterprises, advanced villages and Party members; a few ended.
  const households = await db
    .selectFrom('household')
    .select(['id', 'region_code'])
    .where('region_code', '>=', COUNTY)
    .where('region_code', '<', HI)
    .where('status', 'in', ['poor', 'returned', 'exited'])
    .orderBy('id')
    .limit(47_000)
    .execute();
  const pairings: Record<string, unknown>[] = [];
  const pairing = (kind: string, region: string, o: Record<string, unknown>, end: string | null = null) =>
    pairings.push({
      kind,
      region_code: region,
      household_id: null,
      person_id: null,
      unit_id: null,
      partner_id: null,
      helper_region_code: null,
      helper_name: null,
      helped_name: null,
      start_date: TERM,
      end_date: end,
      note: null,
      created_at: now,
      updated_at: now,
      ...o,
    });
  households.forEach((h, i) =>
    pairing('cadre_household', h.region_code, {
      household_id: h.id,
      person_id: ids.get(pairingCadres[Math.floor(i / 5)]!)!,
    }),
  );
  villages.forEach((v, i) => {
    if (i % 9 !== 4) pairing('unit_village', v, { unit_id: r.pick(higherOrCounty) });
    else pairing('unit_village', v, { unit_id: r.pick(townshipUnits) });
    if (i % 3 === 0) pairing('village_village', v, { helper_region_code: r.pick(villages) });
    pairing('member_member', v, { helper_name: '致富党员', helped_name: '困难党员' });
  });
  const partners = await bulkInsert<{ id: number }>(
    db,
    'partner',
    Array.from({ length: 103 }, (_, i) => ({
      name: `帮扶企业${i + 1}`,
      kind: 'enterprise',
      region_code: COUNTY,
      contact: null,
      phone: null,
      created_at: now,
      updated_at: now,
    })),
    { returning: ['id'] },
  );
  partners.forEach((p, i) => pairing('enterprise_village', villages[i % 83]!, { partner_id: p.id }));
  for (const h of households.slice(0, 500))
    pairing(
      'cadre_household',
      h.region_code,
      { household_id: h.id, person_id: ids.get(r.pick(pairingCadres))! },
      '2025-12-31',
    );
  const pairingTypes = { household_id: 'int', person_id: 'int', unit_id: 'int', partner_id: 'int' } as const;
  for (let i = 0; i < pairings.length; i += 5000)
    await bulkInsert(db, 'pairing', pairings.slice(i, i + 5000), { types: pairingTypes });

  // A year of daily check-ins for the stationed cadres (present most days; away with a reason), and leave.
  const stationed = plan.filter(
    (s) => !s.endedOn && ['first_secretary', 'team_leader', 'team_member'].includes(s.role),
  );
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000) + 1;
  let batch: Record<string, unknown>[] = [];
  const leaves: Record<string, unknown>[] = [];
  for (const s of stationed) {
    const pid = ids.get(s.key)!;
    const presence = r.next() * 0.35 + 0.6;
    for (let d = 0; d < days; d++) {
      const present = r.chance(presence);
      batch.push({
        person_id: pid,
        region_code: s.village,
        day: addDays(`${year}-01-01`, d),
        present: present ? 1 : 0,
        away_reason: present ? null : r.pick(['leave', 'meeting', 'training', 'business']),
        note: null,
        created_at: now,
      });
      if (batch.length === 20_000) {
        await bulkInsert(db, 'attendance', batch, { types: { person_id: 'int', present: 'int' } });
        batch = [];
      }
    }
    const start = addDays(`${year}-01-01`, r.int(0, Math.max(0, days - 10)));
    const len = r.int(1, 5);
    leaves.push({
      person_id: pid,
      region_code: s.village,
      start_date: start,
      end_date: addDays(start, len - 1),
      days: len,
      reason: '事假',
      approver: len <= 3 ? 'township' : 'county',
      status: r.chance(0.8) ? 'approved' : 'pending',
      requested_by: 'bench',
      requested_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    });
  }
  if (batch.length) await bulkInsert(db, 'attendance', batch, { types: { person_id: 'int', present: 'int' } });
  await bulkInsert(db, 'leave_request', leaves, { types: { person_id: 'int', days: 'int' } });
  const stationedIds = await db.selectFrom('attendance').select('person_id').distinct().execute();
  await refreshAttendanceYears(
    db,
    stationedIds.map((r) => r.person_id),
  );
  await analyzeTables(db, [
    'attendance_year',
    'person',
    'help_unit',
    'work_team',
    'stationing',
    'recall',
    'pairing',
    'attendance',
    'leave_request',
  ]);
}

/** BENCH_FORCES=synthetic: the register without the demo's help forces, and this script's own (a second database). */
const SYNTHETIC = process.env.BENCH_FORCES === 'synthetic';

async function build(d: Database) {
  await setupDatabase(d.db);
  if ((await count(d.db, 'household')) === 0) {
    const t = performance.now();
    if (SYNTHETIC) {
      await loadRegions(d.db, COUNTY.slice(0, 6));
      await loadDemoRegister(d.db, { county: COUNTY, households: 100_000 });
    } else await loadDemo(d.db, { county: COUNTY, password: 'Bench@2026', households: 100_000 });
    console.log(`  loaded the demo in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if ((await count(d.db, 'stationing')) === 0) {
    const t = performance.now();
    await buildForces(d.db);
    console.log(`  built the help forces in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

/**
 * Warm median and best wall times; on SQLite (in process) also the median CPU time of this process,
 * which stays close to the unloaded figure when other work shares the machine.
 */
async function time(label: string, fn: () => Promise<unknown>, cpu: boolean, runs = 9) {
  await fn(); // warm
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpuMs.push((d.user + d.system) / 1000);
  }
  const median = (l: number[]) => [...l].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  console.log(
    `  ${label.padEnd(44)} median ${median(ms).toFixed(1)} ms, best ${Math.min(...ms).toFixed(1)} ms` +
      (cpu ? `, cpu ${median(cpuMs).toFixed(1)} ms` : ''),
  );
}

async function run(d: Database, label: string) {
  console.log(`${label} (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cpus):`);
  const cpu = label === 'sqlite';
  await build(d);
  const db = d.db;
  const sizes = await Promise.all(
    (['person', 'stationing', 'pairing', 'attendance'] as const).map(async (t) => `${await count(db, t)} ${t}`),
  );
  console.log(`  ${sizes.join(', ')}`);
  const s = await statsOf(db, COUNTY);
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  console.log(
    `  ${s.firstSecretaries} first secretaries, ${s.teamCadres} team cadres in ${s.teams} teams; ` +
      `≤${s.youngAgeMax}: ${pct(s.aged45OrUnder.share)}, bachelor+: ${pct(s.bachelorOrHigher.share)}; ` +
      `${s.pairingCadres} pairing cadres for ${s.pairedHouseholds} households; behind: ${s.days.behind}`,
  );
  const l = await fiveOnesOf(db, COUNTY, { pageSize: 20 });
  console.log(`  five ones: ${l.villages} villages, ${l.complete} complete`);
  const village = l.items[0]!.code;
  // Reference on the same machine and data: the register's statistic with the same target (bench/stats.ts).
  await time(
    '(reference: poverty incidence by township)',
    async () => povertyIncidence(db, await resolveScope(db, ACTOR, 'household.read', COUNTY), {}),
    cpu,
  );
  await time('five-ones list, county, page 1', () => fiveOnesOf(db, COUNTY, { pageSize: 20 }), cpu);
  await time('five-ones list, county, gaps only', () => fiveOnesOf(db, COUNTY, { missing: true, pageSize: 200 }), cpu);
  await time('five ones of one village', async () => villageFiveOnes(db, await scopeOf(db, village)), cpu);
  await time('cadre statistics, county', () => statsOf(db, COUNTY), cpu);
  await time('cadre statistics, township', () => statsOf(db, '420323104'), cpu);
  const ids = (
    await db
      .selectFrom('stationing')
      .select('person_id')
      .distinct()
      .where('role', 'in', ['first_secretary', 'team_leader', 'team_member'])
      .where('ended_on', 'is', null)
      .execute()
  ).map((x) => x.person_id);
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  await time(
    `  of which days in village (${ids.length} cadres)`,
    () => villageDays(db, year, { personIds: ids }, today),
    cpu,
  );
  await d.close();
}

const suffix = SYNTHETIC ? '_synthetic' : '';
const file = process.env.BENCH_FILE ?? `/tmp/xiuhua-bench-forces${suffix}.db`;
if (!existsSync(file)) console.log(`(building ${file})`);
await run(openDatabase(`file:${file}`), 'sqlite');
const pgUrl = process.env.BENCH_PG_URL;
if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = process.env.BENCH_PG_DB ?? `xiuhua_bench_forces${suffix}`;
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  await run(openDatabase(u.toString()), 'postgres');
}
