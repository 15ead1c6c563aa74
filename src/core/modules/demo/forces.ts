/**
 * The demo county's help forces (帮扶力量, seed 002 — 竹山县): helping units and enterprises, work teams
 * with their first secretaries and cadres, links and pairings of the villages (the five ones, with a
 * few deliberate gaps), recalls, a year of daily management up to DEMO_TODAY, assessments and honours,
 * and a responsible cadre with a plan of measures for every registered household of the demo register.
 *
 * Deterministic (seeded streams, fixed demo dates, never the clock) and idempotent: the villages' forces
 * load once in one transaction (skipped when the county has work teams); the household pairings load
 * township by township (a township with pairings is skipped), so loading the register later and
 * running the demo again adds them. One audit row per load that added anything.
 */
import type { Actor } from '../../access/permissions.ts';
import { analyzeTables } from '../../db/bulk.ts';
import type { Db } from '../../db/index.ts';
import { writeAudit } from '../audit/repo.ts';
import { paramValue } from '../policy/service.ts';
import { normalizeCode, subtreeRange } from '../../../shared/regions.ts';
import { rng, seedOf } from './random.ts';
import { CadreIds } from './forces/cadres.ts';
import { DEMO_TODAY, DEMO_YEAR } from './forces/common.ts';
import { loadDuty } from './forces/duty.ts';
import { loadHouseholdForces } from './forces/households.ts';
import { loadEarlierBatches } from './forces/batches.ts';
import { loadStations, type Village } from './forces/stations.ts';
import { loadPartners, loadUnits } from './forces/units.ts';
import { assignUnits } from './hierarchy-people.ts';

export { DEMO_TODAY } from './forces/common.ts';

export interface DemoForcesOptions {
  /** County code (12 digits or the 6-digit short code); its villages must be loaded (loadDemo does). */
  county: string;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface DemoForcesResult {
  /** Rows added by this load per table (empty when everything was already there). */
  rows: Record<string, number>;
  /** Milliseconds of the villages' forces and of the household pairings. */
  ms: { forces: number; pairings: number };
}

const DEMO: Actor = { kind: 'system', name: 'demo' };
/** The townships of the demo users leigu (擂鼓镇) and baofeng (宝丰镇): their inboxes get pending leaves. */
const INBOX_TOWNSHIPS = ['420323104000', '420323103000'];
const ENTERPRISES = 103;
const COOPERATIVES = 30;

export async function loadDemoForces(db: Db, opts: DemoForcesOptions): Promise<DemoForcesResult> {
  const county = normalizeCode(opts.county);
  if (!county || !/^\d{6}000000$/.test(county) || /^\d{4}00/.test(county))
    throw new Error(`bad county code ${opts.county}`);
  const progress = opts.onProgress ?? (() => {});
  const { lo, hi } = subtreeRange(county);
  const countyRow = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('code', '=', county)
    .executeTakeFirst();
  if (!countyRow) throw new Error(`no region ${county}: load the regions first`);
  const regions = await db
    .selectFrom('region')
    .select(['code', 'name', 'level', 'parent_code', 'poor_village'])
    .where('code', '>=', lo)
    .where('code', '<', hi)
    .where('level', 'in', ['township', 'village'])
    .orderBy('code')
    .execute();
  const townships = regions.filter((x) => x.level === 'township').map((x) => ({ code: x.code, name: x.name }));
  const villages: Village[] = regions
    .filter((x) => x.level === 'village')
    .map((x) => ({ code: x.code, name: x.name, township: x.parent_code ?? '', poor: Number(x.poor_village) === 1 }));
  if (villages.length === 0) throw new Error(`no villages under ${county}: load the regions first`);
  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const townshipDesk = (code: string) => `${townshipName.get(code) ?? ''}党委`;
  const countyDesk = `${countyRow.name}委组织部`;
  const inbox = INBOX_TOWNSHIPS.filter((c) => townshipName.has(c));
  for (const t of townships) if (inbox.length < 2 && !inbox.includes(t.code)) inbox.push(t.code);

  const ids = new CadreIds();
  const rows: Record<string, number> = {};
  const add = (more: Record<string, number>) => {
    for (const [k, v] of Object.entries(more)) rows[k] = (rows[k] ?? 0) + v;
  };
  const t0 = performance.now();
  const loaded = await db
    .selectFrom('work_team')
    .select('id')
    .where('region_code', '>=', lo)
    .where('region_code', '<', hi)
    .executeTakeFirst();
  if (!loaded) {
    const params = {
      leaveTownshipMaxDays: await paramValue<number>(db, 'leave_township_max_days', DEMO_YEAR),
      fundPerTeam: await paramValue<number>(db, 'work_fund_per_team', DEMO_YEAR),
    };
    await db.transaction().execute(async (trx) => {
      progress('forces', 0, 2);
      const r = rng(seedOf(`forces:${county}`));
      const units = await loadUnits(trx, countyRow, townships);
      const partners = await loadPartners(trx, r, countyRow, townships, villages, ENTERPRISES, COOPERATIVES);
      add({
        help_unit: units.higher.length + units.county.length + units.township.size,
        partner: partners.enterprises.length + partners.cooperatives.length,
      });
      progress('forces', 1, 2);
      const st = await loadStations(trx, {
        r,
        county: countyRow,
        townships,
        villages,
        units,
        enterprises: partners.enterprises,
        ids,
        townshipDesk,
        countyDesk,
      });
      add(st.rows);
      const unitById = new Map([...units.higher, ...units.county, ...units.township.values()].map((u) => [u.id, u]));
      add(
        await loadEarlierBatches(trx, {
          r: rng(seedOf(`batches:${county}`)),
          county: countyRow,
          teams: st.teams,
          unitById,
          ids,
        }),
      );
      await assignUnits(trx, county, units);
      progress('forces', 2, 2);
      add(
        await loadDuty(trx, st.stationed, st.teams, {
          seed: county,
          countyName: countyRow.name,
          inboxTownships: inbox,
          ...params,
          townshipDesk,
          countyDesk,
          onProgress: (done, total) => progress('attendance', done, total),
        }),
      );
    });
  }
  const t1 = performance.now();

  const units = await loadUnits(db, countyRow, townships);
  add(
    await loadHouseholdForces(db, {
      county,
      townships,
      units,
      ids,
      cap: await paramValue<number>(db, 'pairing_household_cap', DEMO_YEAR),
      onProgress: (done, total) => progress('pairings', done, total),
    }),
  );
  const t2 = performance.now();
  if (Object.values(rows).some((n) => n > 0)) {
    await writeAudit(db, DEMO, {
      action: 'load_demo_forces',
      entity: 'region',
      entityId: county,
      regionCode: county,
      after: { today: DEMO_TODAY, rows },
    });
    await analyzeTables(db, [
      'person',
      'stationing',
      'attendance',
      'attendance_year',
      'work_log',
      'leave_request',
      'pairing',
      'measure',
    ]);
  }
  return { rows, ms: { forces: Math.round(t1 - t0), pairings: Math.round(t2 - t1) } };
}
