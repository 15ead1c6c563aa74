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
import { exitEligibility } from '../workflow/eligibility.ts';
import { applyStep, positionOf, type FlowEvent } from '../workflow/rules.ts';
import { groupCode } from '../../../shared/regions.ts';
import type { HouseholdStatus } from '../../../shared/register.ts';
import { EXIT_STEPS, IDENTIFICATION_STEPS } from '../../../shared/workflow.ts';
import { DEMO_TODAY, isWorkday } from './calendar.ts';
import { rng } from './random.ts';
import { loadDemoRegister } from './register.ts';
import { makeHousehold } from './register/household.ts';
import { IdRegistry } from './register/ids.ts';
import { MODEL_VILLAGE } from './register/present.ts';

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
  const events = await db
    .selectFrom('household_event as e')
    .innerJoin('household as h', 'h.id', 'e.household_id')
    .select(['h.code', 'e.step', 'e.event_date', 'e.actor_name', 'e.note', 'e.created_at'])
    .orderBy('h.code')
    .orderBy('e.id')
    .execute();
  for (const e of events) hash.update(JSON.stringify(e));
  return hash.digest('hex');
}

type EventRow = FlowEvent & {
  household_id: number;
  note: string | null;
  actor_name: string | null;
  created_at: string;
};
async function eventsByHousehold(db: Db): Promise<Map<number, EventRow[]>> {
  const rows = await db
    .selectFrom('household_event')
    .select(['household_id', 'workflow', 'step', 'event_date as date', 'note', 'actor_name', 'created_at'])
    .orderBy('household_id')
    .orderBy('id')
    .execute();
  const out = new Map<number, EventRow[]>();
  for (const r of rows) {
    const list = out.get(r.household_id) ?? [];
    list.push(r as EventRow);
    out.set(r.household_id, list);
  }
  return out;
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
      for (let y = 2014; y <= 2026; y++) lines.set(y, await povertyLine(a.db, y));
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

    it('gives every person a valid ID number, with a handful of deliberate duplicates across households', async () => {
      const members = await a.db
        .selectFrom('household_member')
        .select(['household_id', 'id_number', 'birth_date', 'gender'])
        .execute();
      for (const m of members) {
        const check = checkIdNumber(m.id_number!, {
          birthDate: m.birth_date,
          gender: m.gender as 'male' | 'female',
          today: DEMO_TODAY,
        });
        assert.deepEqual(check.problems, [], `${m.id_number}`);
        assert.ok(m.id_number!.startsWith('420323'));
      }
      const owners = new Map<string, Set<number>>();
      for (const m of members) owners.set(m.id_number!, (owners.get(m.id_number!) ?? new Set()).add(m.household_id));
      const shared = [...owners.values()].filter((s) => s.size > 1);
      assert.equal(members.length - owners.size, shared.length, 'duplicates are across households, never inside one');
      const households = new Set(shared.flatMap((s) => [...s]));
      assert.ok(households.size >= 2 && households.size <= 10, `${households.size} households with a duplicate ID`);
      // one of them in the model village, where its user sees the flag
      const inModel = await a.db
        .selectFrom('household')
        .select('id')
        .where('region_code', '=', MODEL_VILLAGE)
        .where('id', 'in', [...households])
        .execute();
      assert.equal(inModel.length, 1);
    });

    it('registers ≈48% as poor, more in poor villages, all exited by 2020; a few poor again or newly identified', async () => {
      const hh = await a.db
        .selectFrom('household as h')
        .innerJoin('region as v', 'v.code', 'h.region_code')
        .select([
          'h.id',
          'h.status',
          'h.identified_year',
          'h.exited_year',
          'h.attribute',
          'h.main_cause',
          'v.poor_village',
        ])
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
      // the campaign: identified 2014–2017 (most in 2014), exited 2015–2020; the present: identified 2025–2026
      const campaign = registered.filter((h) => h.identified_year! <= 2017);
      const recent = registered.filter((h) => h.identified_year! > 2017);
      assert.ok(
        recent.every((h) => h.identified_year! >= 2025 && h.identified_year! <= 2026 && h.exited_year === null),
      );
      assert.ok(recent.every((h) => ['illness', 'disaster'].includes(h.main_cause!) && h.status === 'poor'));
      assert.ok(campaign.filter((h) => h.identified_year === 2014).length / campaign.length > 0.75);
      assert.ok(campaign.every((h) => h.exited_year! > h.identified_year! && h.exited_year! <= 2020));
      assert.ok(campaign.filter((h) => h.status === 'exited').length / campaign.length > 0.97);
      const mid = campaign.filter((h) => h.exited_year! >= 2016 && h.exited_year! <= 2019).length;
      assert.ok(mid / campaign.length > 0.75, `exits 2016–2019: ${mid}`);
      const illness = registered.filter((h) => h.main_cause === 'illness').length / registered.length;
      assert.ok(illness > 0.32 && illness < 0.46, `因病 ${illness}`);
      assert.ok(hh.filter((h) => h.status === 'removed').every((h) => h.exited_year === null));
      // poor today: the new identifications and the returns, a few dozen at most, in several villages
      const poorNow = hh.filter((h) => h.status === 'poor' || h.status === 'returned');
      assert.ok(recent.length >= 3 && poorNow.length >= 8 && poorNow.length <= 60, `poor now ${poorNow.length}`);
      assert.ok(poorNow.some((h) => h.status === 'returned'));
      const applicants = hh.filter((h) => h.status === 'applicant');
      assert.ok(applicants.length >= 8 && applicants.length <= 40, `applicants ${applicants.length}`);
      const model = await a.db
        .selectFrom('household')
        .select('status')
        .where('region_code', '=', MODEL_VILLAGE)
        .execute();
      for (const s of ['applicant', 'poor', 'returned', 'exited'])
        assert.ok(
          model.some((h) => h.status === s),
          `the model village has a household ${s}`,
        );
    });

    it('keeps yearly records 2014–2026 for every household, consistent with the exit rule', async () => {
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
        .orderBy('h.id')
        .orderBy('y.year')
        .execute();
      const events = await eventsByHousehold(a.db);
      const byHousehold = new Map<number, typeof rows>();
      for (const r of rows) byHousehold.set(r.id, [...(byHousehold.get(r.id) ?? []), r]);
      assert.equal(byHousehold.size, N);
      const met = (r: (typeof rows)[number]) =>
        [r.food_clothing, r.education, r.medical, r.housing, r.water].every((v) => Number(v) === 1);
      const YEARS = Array.from({ length: 13 }, (_, i) => 2014 + i);
      let exiting = 0;
      for (const list of byHousehold.values()) {
        const h = list[0]!;
        assert.deepEqual(
          list.map((r) => r.year),
          YEARS,
          'one record per year from 2014 to 2026',
        );
        assert.equal(list.at(-1)!.status, h.now, 'the last record has the status of today');
        const inExit = positionOf(events.get(h.id) ?? []).active === 'exit';
        for (const r of list) {
          const line = lines.get(r.year)!;
          const income = Number(r.per_capita_income);
          assert.ok([r.food_clothing, r.education, r.medical, r.housing, r.water].every((v) => v !== null));
          if (r.status === 'non_poor' || r.status === 'removed') assert.ok(income > line, `${r.status} ${r.year}`);
          if (r.status === 'exited') assert.ok(income > line && met(r), `exited ${r.year}`);
          if (r.status === 'applicant') assert.ok(income < line, `applicant ${r.year}`);
          if (r.status === 'returned' && !(inExit && r.year === 2026)) assert.ok(income < line);
          if (r.status === 'poor' && h.now !== 'removed' && !(inExit && r.year === 2026))
            assert.ok(income < line || !met(r), `poor ${r.year}`);
          if (h.identified_year !== null && r.year < h.identified_year) assert.equal(r.status, 'non_poor');
        }
        if (h.exited_year !== null) {
          const exit = list.find((r) => r.year === h.exited_year)!;
          assert.equal(exit.status, 'exited');
          assert.ok(Number(exit.per_capita_income) > lines.get(exit.year)! && met(exit));
        }
        // poor today and not in exit: below the line; in exit: eligible by the exit rule for 2026
        const now = list.at(-1)!;
        if (inExit) {
          exiting++;
          const record = {
            perCapitaIncome: Number(now.per_capita_income),
            food_clothing: now.food_clothing,
            education: now.education,
            medical: now.medical,
            housing: now.housing,
            water: now.water,
          };
          assert.ok(exitEligibility(record, { povertyLine: lines.get(2026)! }).eligible, `household ${h.id}`);
        } else if (h.now === 'poor' || h.now === 'returned')
          assert.ok(Number(now.per_capita_income) < lines.get(2026)!, `poor now ${h.id}`);
      }
      assert.ok(exiting >= 3, `households in exit: ${exiting}`);
    });

    it('gives every household its workflow history: identification, exits and returns the state machine accepts', async () => {
      const hh = await a.db
        .selectFrom('household')
        .select(['id', 'status', 'identified_year', 'exited_year', 'region_code'])
        .execute();
      const years = await a.db.selectFrom('household_year').select(['household_id', 'year', 'status']).execute();
      const statusOf = new Map(years.map((y) => [`${y.household_id}/${y.year}`, y.status]));
      const events = await eventsByHousehold(a.db);
      let inIdentification = 0;
      let inExit = 0;
      let rejected = 0;
      for (const h of hh) {
        const list = events.get(h.id) ?? [];
        // the recorded steps, replayed through the workflow's state machine, lead to today's status
        let status: HouseholdStatus = 'non_poor';
        for (const [i, e] of list.entries()) {
          const r = applyStep(status, list.slice(0, i), { ...e, reason: e.note });
          assert.ok(r.ok, `household ${h.id}: ${e.workflow}/${e.step} ${JSON.stringify(r)}`);
          status = r.status;
          assert.ok(isWorkday(e.date) && e.date <= DEMO_TODAY, `${e.step} on ${e.date}`);
          assert.equal(e.created_at.slice(0, 10), e.date);
          assert.ok(e.actor_name && e.note, `${e.step} has an actor and a note`);
        }
        if (h.status !== 'removed') assert.equal(status, h.status, `household ${h.id}`);
        const { active } = positionOf(list);
        if (active === 'identification') inIdentification++;
        if (active === 'exit') inExit++;
        if (list.some((e) => e.step === 'rejected')) rejected++;
        if (h.status === 'applicant') assert.equal(active, 'identification');
        // identification: every step, in order, dated in the identification year
        if (h.identified_year !== null) {
          const ident = list.filter((e) => e.workflow === 'identification');
          assert.deepEqual(
            ident.map((e) => e.step),
            [...IDENTIFICATION_STEPS],
          );
          assert.ok(
            ident.every((e) => e.date.startsWith(String(h.identified_year))),
            `household ${h.id}`,
          );
        }
        // every exit: all six steps in the year the household's records turn to exited; each return its event
        const exitYears = new Set<number>();
        const returnYears = new Set<number>();
        for (let y = 2015; y <= 2026; y++) {
          const s = statusOf.get(`${h.id}/${y}`);
          const before = statusOf.get(`${h.id}/${y - 1}`);
          if (s === 'exited' && before !== 'exited') exitYears.add(y);
          if (s === 'returned' && before !== 'returned') returnYears.add(y);
        }
        const delisted = list.filter((e) => e.step === 'removed_from_list').map((e) => Number(e.date.slice(0, 4)));
        assert.deepEqual(delisted, [...exitYears], `household ${h.id} exits`);
        const extra = EXIT_STEPS.map((step) => list.filter((e) => e.step === step).length - exitYears.size);
        if (active === 'exit') assert.ok(extra[0] === 1 && extra.at(-1) === 0, `household ${h.id}: ${extra}`);
        else
          assert.ok(
            extra.every((n) => n === 0),
            `household ${h.id}: ${extra}`,
          );
        if (h.exited_year !== null) assert.equal(delisted.at(-1), h.exited_year);
        assert.deepEqual(
          list.filter((e) => e.step === 'returned').map((e) => Number(e.date.slice(0, 4))),
          [...returnYears],
          `household ${h.id} returns`,
        );
      }
      assert.ok(inIdentification >= 8 && inExit >= 3, `${inIdentification} in identification, ${inExit} in exit`);
      assert.ok(rejected > 0, 'some applications were turned down');
      // the cross-check: hits of the applicants held at it are open; the others were cleared or confirmed
      const hits = await a.db.selectFrom('crosscheck_hit').select(['household_id', 'status', 'member_id']).execute();
      assert.ok(hits.some((x) => x.status === 'open') && hits.some((x) => x.status === 'cleared'));
      assert.ok(hits.every((x) => x.member_id !== null));
      for (const x of hits.filter((x) => x.status === 'open'))
        assert.equal(events.get(x.household_id)!.at(-1)!.step, 'first_appraisal');
    });

    it('generates households that pass the register validation', async () => {
      const ctx = await loadValidationContext(a.db, DEMO_TODAY);
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
            present:
              i % 50 === 1
                ? { kind: 'applying', cause: 'disaster', steps: 4, openHit: false }
                : i % 50 === 3
                  ? { kind: 'new_poor', cause: 'illness', year: 2025, exitSteps: 2 }
                  : null,
            places: { county: '竹山县', township: '擂鼓镇', village: '董家沟村' },
          },
          ids,
          lines,
        );
        assert.deepEqual(householdProblems(h.input, ctx), [], h.input.code);
      }
    });
  });
}
