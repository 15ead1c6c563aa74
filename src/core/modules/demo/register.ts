/**
 * The demo household register (建档立卡) of a county: about 100,000 rural households in the county's
 * real villages and groups, ≈48% of them identified as poor over 2014–2017 and almost all exited by
 * 2020, with members, causes, housing and yearly records. Deterministic from the seed; written through
 * the register's one write path (`saveHouseholds`) in transactions of 2,000 households, generated
 * batch by batch so memory stays flat.
 */
import { REGISTERED_STATUSES } from '../../../shared/register.ts';
import { analyzeTables } from '../../db/bulk.ts';
import type { Db } from '../../db/index.ts';
import type { HouseholdInput } from '../households/types.ts';
import { saveHouseholds } from '../households/write.ts';
import { povertyLine } from '../policy/service.ts';
import { normalizeCode, subtreeRange } from '../../../shared/regions.ts';
import { rng, seedOf } from './random.ts';
import { makeHousehold } from './register/household.ts';
import { IdRegistry } from './register/ids.ts';
import {
  FIRST_YEAR,
  IDENTIFIED_SHARE,
  OTHER_VILLAGE_WEIGHT,
  POOR_VILLAGE_WEIGHT,
  REF_YEAR,
} from './register/tables.ts';

export interface DemoRegisterOptions {
  /** County code (12 digits, or the 6-digit short code). */
  county: string;
  /** Households in the county (default 100,000). */
  households?: number;
  seed?: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface DemoRegisterResult {
  households: number;
  persons: number;
  /** Households on the poor list now or before (poor, exited, returned). */
  registered: number;
}

const BATCH = 2000;
const SLICE = 250;

interface Village {
  code: string;
  name: string;
  township: string;
  poor: boolean;
  groups: { no: number; name: string }[];
  households: number;
  identified: number;
}

/** Villages with their groups, households and identified households, allocated deterministically. */
async function plan(db: Db, county: string, total: number, seed: number): Promise<Village[]> {
  const { lo, hi } = subtreeRange(county);
  const regions = await db
    .selectFrom('region')
    .select(['code', 'name', 'level', 'parent_code', 'group_no', 'poor_village'])
    .where('code', '>=', lo)
    .where('code', '<', hi)
    .where('level', 'in', ['township', 'village', 'group'])
    .orderBy('code')
    .execute();
  const townships = new Map(regions.filter((x) => x.level === 'township').map((x) => [x.code, x.name]));
  const villages: Village[] = regions
    .filter((x) => x.level === 'village')
    .map((x) => ({
      code: x.code,
      name: x.name,
      township: townships.get(x.parent_code ?? '') ?? '',
      poor: Number(x.poor_village) === 1,
      groups: [],
      households: 0,
      identified: 0,
    }));
  if (villages.length === 0) throw new Error(`no villages under ${county}: load the regions first`);
  const byCode = new Map(villages.map((v) => [v.code, v]));
  for (const g of regions) {
    if (g.level === 'group' && g.group_no)
      byCode.get(g.parent_code ?? '')?.groups.push({ no: g.group_no, name: g.name });
  }

  // Households per village: a weight of 0.6–1.5 each, rounded by largest remainder to the exact total.
  const r = rng(seedOf(`register:${seed}:${county}`));
  const weights = villages.map(() => 0.6 + 0.9 * r.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  villages.forEach((v, i) => (v.households = Math.floor(exact[i]!)));
  const short = total - villages.reduce((a, v) => a + v.households, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < short; k++) villages[order[k % order.length]![1]]!.households++;

  // Identified households: more in poor villages, the county total at IDENTIFIED_SHARE.
  const pull = villages.map((v) => (v.poor ? POOR_VILLAGE_WEIGHT : OTHER_VILLAGE_WEIGHT) * (0.85 + 0.3 * r.next()));
  const mean = villages.reduce((a, v, i) => a + v.households * pull[i]!, 0) / total;
  villages.forEach((v, i) => {
    v.identified = Math.round(v.households * Math.min(0.92, (IDENTIFIED_SHARE * pull[i]!) / mean));
  });
  return villages;
}

/**
 * Loads the demo register of `county` (villages and their groups must exist). Skips the load when the
 * county already holds at least that many households; a partial earlier load is completed (households
 * are matched by code, and the data is the same for the same seed).
 */
export async function loadDemoRegister(db: Db, opts: DemoRegisterOptions): Promise<DemoRegisterResult> {
  const county = normalizeCode(opts.county);
  if (!county || !/^\d{6}000000$/.test(county) || /^\d{4}00/.test(county))
    throw new Error(`bad county code ${opts.county}`);
  const total = opts.households ?? 100_000;
  const seed = opts.seed ?? 20141;
  const progress = opts.onProgress ?? (() => {});

  const existing = await counts(db, county);
  if (existing.households >= total) {
    progress('households', existing.households, existing.households);
    return existing;
  }

  const lines = new Map<number, number>();
  for (let y = FIRST_YEAR; y <= REF_YEAR; y++) lines.set(y, await povertyLine(db, y, county.slice(0, 2)));
  const villages = await plan(db, county, total, seed);
  const ids = new IdRegistry(county.slice(0, 6));

  let done = 0;
  let persons = 0;
  let registered = 0;
  const save = async (rows: HouseholdInput[]) => {
    await db.transaction().execute((trx) => saveHouseholds(trx, county, rows));
    done += rows.length;
    progress('households', done, total);
  };
  // Generation of the next batch overlaps the writing of the previous one: it runs in slices that let
  // the database driver's callbacks through (PostgreSQL works in its own process meanwhile).
  let pending: Promise<void> = Promise.resolve();
  let batch: HouseholdInput[] = [];
  progress('households', 0, total);
  try {
    for (const h of generate(villages, seed, ids, lines)) {
      persons += h.members.length;
      if (REGISTERED_STATUSES.includes(h.status)) registered++;
      batch.push(h);
      if (batch.length % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      if (batch.length >= BATCH) {
        await pending;
        pending = save(batch);
        pending.catch(() => {}); // handled by the next await; keeps a failure from being "unhandled" meanwhile
        batch = [];
      }
    }
    await pending;
    if (batch.length) await save(batch);
  } finally {
    await pending.catch(() => {});
  }
  await analyzeTables(db, ['household', 'household_member', 'household_year']);
  return { households: done, persons, registered };
}

/** The households of every village in order, each village from its own seeded stream. */
function* generate(
  villages: Village[],
  seed: number,
  ids: IdRegistry,
  lines: ReadonlyMap<number, number>,
): Generator<HouseholdInput> {
  for (const v of villages) {
    const r = rng(seedOf(`household:${seed}:${v.code}`));
    let toIdentify = v.identified;
    for (let i = 0; i < v.households; i++) {
      // selection sampling: exactly v.identified households of the village, spread at random
      const identified = r.next() * (v.households - i) < toIdentify;
      if (identified) toIdentify--;
      const group = v.groups.length ? v.groups[Math.floor(r.next() * v.groups.length)]! : null;
      yield makeHousehold(
        r,
        {
          code: `${v.code}${String(i + 1).padStart(4, '0')}`,
          villageCode: v.code,
          groupNo: group?.no ?? null,
          address: `${v.township}${v.name}${group?.name ?? ''}${r.int(1, 120)}号`,
          identified,
        },
        ids,
        lines,
      );
    }
  }
}

async function counts(db: Db, county: string): Promise<DemoRegisterResult> {
  const row = await db
    .selectFrom('household')
    .select((eb) => [
      eb.fn.countAll<number>().as('households'),
      eb.fn.coalesce(eb.fn.sum<number>('persons'), eb.lit(0)).as('persons'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('status', 'in', [...REGISTERED_STATUSES])
            .then(1)
            .else(0)
            .end(),
        )
        .as('registered'),
    ])
    .where('county_code', '=', county)
    .executeTakeFirstOrThrow();
  return { households: Number(row.households), persons: Number(row.persons), registered: Number(row.registered ?? 0) };
}
