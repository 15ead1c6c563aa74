import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DIALECTS, freshDatabase } from '../../../../test/harness.ts';
import type { Db } from '../../db/index.ts';
import { loadValidationContext } from '../households/context.ts';
import { checkIdNumber } from '../households/idcard.ts';
import { householdProblems } from '../households/rules.ts';
import { povertyLine } from '../policy/service.ts';
import { updateFlags, upsertRegions } from '../regions/repo.ts';
import { groupName } from '../regions/rules.ts';
import { groupCode } from '../../../shared/regions.ts';
import { rng } from './random.ts';
import { loadDemoRegister } from './register.ts';
import { makeHousehold } from './register/household.ts';
import { IdRegistry } from './register/ids.ts';

const COUNTY = '420323000000';
const N = 2_000;
type Fresh = Awaited<ReturnType<typeof freshDatabase>>;

/** The template has 竹山县's villages but no groups or flags: give a few villages groups, every other one the poor flag. */
async function prepare(db: Db) {
  const villages = await db
    .selectFrom('region')
    .select('code')
    .where('level', '=', 'village')
    .where('code', '>=', COUNTY)
    .where('code', '<', '420324000000')
    .orderBy('code')
    .execute();
  const groups = villages.slice(0, 5).flatMap((v) =>
    [1, 2, 3].map((no) => ({
      code: groupCode(v.code, no),
      name: groupName(no),
      officialName: groupName(no),
      level: 'group' as const,
      parentCode: v.code,
      groupNo: no,
      western: false,
    })),
  );
  await upsertRegions(db, groups);
  for (const [i, v] of villages.entries()) if (i % 2 === 0) await updateFlags(db, v.code, { poorVillage: true });
  return villages.length;
}

async function digest(db: Db): Promise<string> {
  const hash = createHash('sha256');
  const households = await db
    .selectFrom('household')
    .select(['id', 'code', 'head_name', 'persons', 'status', 'group_code', 'identified_year', 'exited_year'])
    .orderBy('code')
    .execute();
  for (const h of households)
    hash.update(
      JSON.stringify([h.code, h.head_name, h.persons, h.status, h.group_code, h.identified_year, h.exited_year]),
    );
  const members = await db
    .selectFrom('household_member as m')
    .innerJoin('household as h', 'h.id', 'm.household_id')
    .select(['h.code', 'm.seq', 'm.id_number', 'm.name'])
    .orderBy('h.code')
    .orderBy('m.seq')
    .execute();
  for (const m of members) hash.update(`${m.code}/${m.seq}/${m.id_number}/${m.name}`);
  const years = await db
    .selectFrom('household_year as y')
    .innerJoin('household as h', 'h.id', 'y.household_id')
    .select(['h.code', 'y.year', 'y.status', 'y.net_income'])
    .orderBy('h.code')
    .orderBy('y.year')
    .execute();
  for (const y of years) hash.update(`${y.code}/${y.year}/${y.status}/${Number(y.net_income).toFixed(2)}`);
  return hash.digest('hex');
}

for (const dialect of DIALECTS) {
  describe(`demo register [${dialect}]`, () => {
    let a: Fresh;
    let b: Fresh;
    let result: Awaited<ReturnType<typeof loadDemoRegister>>;
    const lines = new Map<number, number>();
    before(async () => {
      [a, b] = await Promise.all([freshDatabase(dialect), freshDatabase(dialect)]);
      await prepare(a.db);
      await prepare(b.db);
      const steps: number[] = [];
      result = await loadDemoRegister(a.db, {
        county: COUNTY,
        households: N,
        seed: 7,
        onProgress: (_s, done) => steps.push(done),
      });
      assert.deepEqual(steps, [0, 2_000]);
      for (let y = 2014; y <= 2020; y++) lines.set(y, await povertyLine(a.db, y));
    });
    after(async () => {
      await a?.drop();
      await b?.drop();
    });

    it('is deterministic: the same seed gives the same rows, another seed other rows', async () => {
      await loadDemoRegister(b.db, { county: COUNTY, households: N, seed: 7 });
      assert.equal(await digest(b.db), await digest(a.db));
      // already loaded: nothing changes
      assert.deepEqual(await loadDemoRegister(a.db, { county: COUNTY, households: N, seed: 7 }), result);
      const c = await freshDatabase(dialect);
      try {
        await prepare(c.db);
        await loadDemoRegister(c.db, { county: COUNTY, households: N, seed: 8 });
        assert.notEqual(await digest(c.db), await digest(a.db));
      } finally {
        await c.drop();
      }
    });

    it('writes plausible households: sizes, one head, codes, groups', async () => {
      const hh = await a.db
        .selectFrom('household')
        .select(['id', 'code', 'region_code', 'group_code', 'persons', 'status'])
        .execute();
      assert.equal(hh.length, N);
      assert.equal(result.households, N);
      const persons = hh.reduce((s, h) => s + h.persons, 0);
      assert.equal(result.persons, persons);
      assert.ok(persons / N > 3.2 && persons / N < 3.9, `mean size ${persons / N}`);
      assert.ok(hh.every((h) => h.persons >= 1 && h.persons <= 8));
      assert.ok(hh.every((h) => /^\d{16}$/.test(h.code) && h.code.startsWith(h.region_code)));
      assert.equal(new Set(hh.map((h) => h.code)).size, N);
      const grouped = hh.filter((h) => h.group_code);
      assert.ok(grouped.length > 0 && grouped.every((h) => h.group_code!.startsWith(h.region_code)));
      const heads = await a.db
        .selectFrom('household_member')
        .select(['household_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('relation', '=', 'head')
        .groupBy('household_id')
        .execute();
      assert.equal(heads.length, N);
      assert.ok(heads.every((h) => Number(h.n) === 1));
    });

    it('gives every person a valid ID number, with a few deliberate duplicates across households', async () => {
      const members = await a.db
        .selectFrom('household_member')
        .select(['household_id', 'id_number', 'birth_date', 'gender'])
        .execute();
      for (const m of members) {
        const check = checkIdNumber(m.id_number!, {
          birthDate: m.birth_date,
          gender: m.gender as 'male' | 'female',
          today: '2026-01-01',
        });
        assert.deepEqual(check.problems, [], `${m.id_number}`);
        assert.ok(m.id_number!.startsWith('420323'));
      }
      const owners = new Map<string, Set<number>>();
      for (const m of members) owners.set(m.id_number!, (owners.get(m.id_number!) ?? new Set()).add(m.household_id));
      const shared = [...owners.values()].filter((s) => s.size > 1).length;
      assert.equal(members.length - owners.size, shared, 'duplicates are across households, never inside one');
      assert.ok(shared >= 1 && shared <= members.length * 0.005, `${shared} duplicated ID numbers`);
    });

    it('registers ≈48% as poor, more in poor villages, and exits almost all by 2020', async () => {
      const hh = await a.db
        .selectFrom('household as h')
        .innerJoin('region as v', 'v.code', 'h.region_code')
        .select(['h.status', 'h.identified_year', 'h.exited_year', 'h.attribute', 'h.main_cause', 'v.poor_village'])
        .execute();
      const registered = hh.filter((h) => ['poor', 'exited', 'returned'].includes(h.status));
      assert.equal(result.registered, registered.length);
      assert.ok(registered.length / N > 0.44 && registered.length / N < 0.52, `registered ${registered.length}`);
      const share = (poor: number) => {
        const set = hh.filter((h) => Number(h.poor_village) === poor);
        return set.filter((h) => h.identified_year !== null).length / set.length;
      };
      assert.ok(share(1) > share(0) + 0.15, `poor villages ${share(1)} vs ${share(0)}`);
      assert.ok(registered.every((h) => h.attribute && h.main_cause));
      assert.ok(registered.every((h) => h.identified_year! >= 2014 && h.identified_year! <= 2017));
      assert.ok(registered.filter((h) => h.identified_year === 2014).length / registered.length > 0.75);
      assert.ok(registered.every((h) => h.exited_year! > h.identified_year! && h.exited_year! <= 2020));
      assert.ok(registered.filter((h) => h.status === 'exited').length / registered.length > 0.97);
      const mid = registered.filter((h) => h.exited_year! >= 2016 && h.exited_year! <= 2019).length;
      assert.ok(mid / registered.length > 0.75, `exits 2016–2019: ${mid}`);
      const illness = registered.filter((h) => h.main_cause === 'illness').length / registered.length;
      assert.ok(illness > 0.32 && illness < 0.46, `因病 ${illness}`);
      assert.ok(hh.filter((h) => h.status === 'removed').every((h) => h.exited_year === null));
    });

    it('keeps yearly records consistent with the exit rule', async () => {
      const rows = await a.db
        .selectFrom('household_year as y')
        .innerJoin('household as h', 'h.id', 'y.household_id')
        .select([
          'h.id',
          'h.status as now',
          'h.identified_year',
          'h.exited_year',
          'y.year',
          'y.status',
          'y.per_capita_income',
          'y.food_clothing',
          'y.education',
          'y.medical',
          'y.housing',
          'y.water',
        ])
        .execute();
      const byHousehold = new Map<number, typeof rows>();
      for (const r of rows) byHousehold.set(r.id, [...(byHousehold.get(r.id) ?? []), r]);
      assert.equal(byHousehold.size, N);
      const met = (r: (typeof rows)[number]) =>
        [r.food_clothing, r.education, r.medical, r.housing, r.water].every((v) => Number(v) === 1);
      for (const list of byHousehold.values()) {
        const h = list[0]!;
        if (h.identified_year === null) {
          assert.deepEqual(
            list.map((r) => [r.year, r.status]),
            [[2020, 'non_poor']],
          );
          assert.ok(Number(h.per_capita_income) > lines.get(2020)!);
          continue;
        }
        assert.equal(list.length, 2021 - h.identified_year, 'one record per year from identification to 2020');
        for (const r of list) {
          const line = lines.get(r.year)!;
          assert.ok([r.food_clothing, r.education, r.medical, r.housing, r.water].every((v) => v !== null));
          if (r.status === 'exited') assert.ok(Number(r.per_capita_income) > line && met(r), `exited ${r.year}`);
          if (r.status === 'returned') assert.ok(Number(r.per_capita_income) < line);
          if (r.status === 'poor' && h.now !== 'removed')
            assert.ok(Number(r.per_capita_income) < line || !met(r), `poor ${r.year}`);
        }
        if (h.exited_year !== null) {
          const exit = list.find((r) => r.year === h.exited_year)!;
          assert.equal(exit.status, 'exited');
          assert.ok(Number(exit.per_capita_income) > lines.get(exit.year)! && met(exit));
        }
      }
    });

    it('generates households that pass the register validation', async () => {
      const ctx = await loadValidationContext(a.db, '2026-01-01');
      const ids = new IdRegistry('420323');
      const r = rng(3);
      for (let i = 0; i < 400; i++) {
        const h = makeHousehold(
          r,
          {
            code: `420323104211${String(i + 1).padStart(4, '0')}`,
            villageCode: '420323104211',
            groupNo: 1,
            address: '擂鼓镇董家沟村一组',
            identified: i % 2 === 0,
          },
          ids,
          lines,
        );
        assert.deepEqual(householdProblems(h, ctx), [], h.code);
      }
    });
  });
}
