/**
 * The demo household register (建档立卡) of a county: about 100,000 rural households in the county's
 * real villages and groups, ≈48% of them identified as poor over 2014–2017 and all exited by 2020, with
 * members, causes, housing, yearly records from 2014 to the demo year (the consolidation period keeps
 * recording the income of exited households) and the workflow history of each (identification, exit,
 * return; household_event); and the present — a few dozen households in identification or exit, a few
 * poor again (register/present.ts). Deterministic from the seed; written through the register's one write
 * path (`saveHouseholds`), the events and cross-check hits in bulk beside it, in transactions of 2,000
 * households, generated batch by batch so memory stays flat.
 */
import { REGISTERED_STATUSES } from '../../../shared/register.ts';
import { analyzeTables, bulkInsert } from '../../db/bulk.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { saveHouseholds } from '../households/write.ts';
import { povertyLine } from '../policy/service.ts';
import { normalizeCode, subtreeRange } from '../../../shared/regions.ts';
import { rng, seedOf } from './random.ts';
import { makeHousehold, type DemoHousehold } from './register/household.ts';
import { IdRegistry } from './register/ids.ts';
import { MODEL_VILLAGE, presentRoles, type PresentRole } from './register/present.ts';
import {
  FIRST_YEAR,
  IDENTIFIED_SHARE,
  LAST_YEAR,
  OTHER_VILLAGE_WEIGHT,
  POOR_VILLAGE_WEIGHT,
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
/** Besides the model village, every DUPLICATE_EVERY-th village (from the 30th) shows one duplicate ID. */
const DUPLICATE_EVERY = 61;

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
async function plan(
  db: Db,
  county: string,
  total: number,
  seed: number,
): Promise<{ countyName: string; villages: Village[] }> {
  const { lo, hi } = subtreeRange(county);
  const regions = await db
    .selectFrom('region')
    .select(['code', 'name', 'level', 'parent_code', 'group_no', 'poor_village'])
    .where('code', '>=', lo)
    .where('code', '<', hi)
    .where('level', 'in', ['county', 'township', 'village', 'group'])
    .orderBy('code')
    .execute();
  const countyName = regions.find((x) => x.code === county)?.name ?? '';
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
  return { countyName, villages };
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
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) lines.set(y, await povertyLine(db, y, county.slice(0, 2)));
  const { countyName, villages } = await plan(db, county, total, seed);
  const ids = new IdRegistry(county.slice(0, 6));

  let done = 0;
  let persons = 0;
  let registered = 0;
  const save = async (rows: DemoHousehold[]) => {
    await db.transaction().execute(async (trx) => {
      const saved = await saveHouseholds(
        trx,
        county,
        rows.map((h) => h.input),
      );
      await saveHistory(trx, saved, rows);
    });
    done += rows.length;
    progress('households', done, total);
  };
  // Generation of the next batch overlaps the writing of the previous one: it runs in slices that let
  // the database driver's callbacks through (PostgreSQL works in its own process meanwhile).
  let pending: Promise<void> = Promise.resolve();
  let batch: DemoHousehold[] = [];
  progress('households', 0, total);
  try {
    for (const h of generate(villages, { seed, countyName, ids, lines })) {
      persons += h.input.members.length;
      if (REGISTERED_STATUSES.includes(h.input.status)) registered++;
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
  await analyzeTables(db, ['household', 'household_member', 'household_year', 'household_event', 'crosscheck_hit']);
  return { households: done, persons, registered };
}

/** The batch's workflow events and cross-check hits (the hits name their member by id, read back here). */
async function saveHistory(db: Db, ids: ReadonlyMap<string, number>, batch: DemoHousehold[]) {
  const events: Record<string, unknown>[] = [];
  for (const h of batch) {
    const id = ids.get(h.input.code)!;
    for (const e of h.history.events)
      events.push({
        household_id: id,
        region_code: h.input.villageCode,
        workflow: e.workflow,
        step: e.step,
        event_date: e.date,
        actor_name: e.actor,
        note: e.note,
        created_at: e.at,
      });
  }
  await bulkInsert(db, 'household_event', events, { types: { household_id: 'int' } });
  const withHits = batch.filter((h) => h.history.hits.length);
  if (withHits.length === 0) return;
  const members = await db
    .selectFrom('household_member')
    .select(['id', 'household_id', 'seq'])
    .where(
      'household_id',
      'in',
      withHits.map((h) => ids.get(h.input.code)!),
    )
    .execute();
  const memberId = new Map(members.map((m) => [`${m.household_id}/${m.seq}`, Number(m.id)]));
  const now = nowIso();
  await bulkInsert(
    db,
    'crosscheck_hit',
    withHits.flatMap((h) => {
      const id = ids.get(h.input.code)!;
      return h.history.hits.map((x) => ({
        household_id: id,
        member_id: memberId.get(`${id}/${x.memberSeq}`) ?? null,
        region_code: h.input.villageCode,
        source: x.source,
        detail: x.detail,
        status: x.status,
        created_at: x.at ?? now,
        resolved_at: x.resolvedAt,
      }));
    }),
    { types: { household_id: 'int', member_id: 'int' } },
  );
}

interface Generation {
  seed: number;
  countyName: string;
  ids: IdRegistry;
  lines: ReadonlyMap<number, number>;
}

/** The households of every village in order, each village from its own seeded streams. */
function* generate(villages: Village[], g: Generation): Generator<DemoHousehold> {
  for (const [index, v] of villages.entries()) {
    const r = rng(seedOf(`household:${g.seed}:${v.code}`));
    // who was identified (selection sampling: exactly v.identified households, spread at random), where they live
    let toIdentify = v.identified;
    const spots = Array.from({ length: v.households }, (_, i) => {
      const identified = r.next() * (v.households - i) < toIdentify;
      if (identified) toIdentify--;
      const group = v.groups.length ? v.groups[Math.floor(r.next() * v.groups.length)]! : null;
      return { identified, group, door: r.int(1, 120) };
    });
    // the present: a few households of some villages, drawn from a stream of their own
    const p = rng(seedOf(`present:${g.seed}:${v.code}`));
    const present = new Map<number, PresentRole>();
    for (const role of presentRoles(p, v.code, LAST_YEAR)) {
      const fits = spots.flatMap((s, i) => (s.identified === (role.kind === 'returned') && !present.has(i) ? [i] : []));
      if (fits.length) present.set(p.pick(fits), role);
    }
    let duplicate = v.code === MODEL_VILLAGE || index % DUPLICATE_EVERY === 30;
    const places = { county: g.countyName, township: v.township, village: v.name };
    for (const [i, s] of spots.entries()) {
      const h = makeHousehold(
        r,
        {
          code: `${v.code}${String(i + 1).padStart(4, '0')}`,
          villageCode: v.code,
          groupNo: s.group?.no ?? null,
          address: `${v.township}${v.name}${s.group?.name ?? ''}${s.door}号`,
          identified: s.identified,
          present: present.get(i) ?? null,
          duplicate,
          places,
        },
        g.ids,
        g.lines,
      );
      if (h.duplicated) duplicate = false;
      yield h;
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
