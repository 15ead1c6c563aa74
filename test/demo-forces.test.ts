import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BACHELOR_OR_HIGHER, STATIONED_ROLES } from '../src/shared/forces.ts';
import { POOR_STATUSES, REGISTERED_STATUSES } from '../src/shared/register.ts';
import { GAP_END, GAP_EVERY } from '../src/core/modules/demo/forces/households.ts';
import type { Db } from '../src/core/db/index.ts';
import {
  ageOn,
  daysBetween,
  fiveOnesGaps,
  leaveApprover,
  termProblems,
  villagePace,
  type UnitLevel,
} from '../src/core/modules/cadres/rules.ts';
import { DEMO_TODAY, loadDemoForces } from '../src/core/modules/demo/forces.ts';
import { EARLIER_BATCHES } from '../src/core/modules/demo/forces/batches.ts';
import { TERM_START } from '../src/core/modules/demo/forces/common.ts';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { villageDays } from '../src/core/modules/duty/days.ts';
import { isWorkday } from '../src/core/modules/demo/calendar.ts';
import { DIALECTS, freshDatabase } from './harness.ts';

const COUNTY = '420323';
const DONG = '420323104211';
const LEIGU = '420323104';
const HOUSEHOLDS = 2000;
const TABLES = [
  'help_unit',
  'partner',
  'person',
  'work_team',
  'stationing',
  'recall',
  'attendance',
  'work_log',
  'leave_request',
  'insurance',
  'fund_spending',
  'assessment',
  'honour',
  'pairing',
  'measure',
  'audit_log',
] as const;

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return out;
}

/** Values that must be the same in every load (no ids, no load timestamps). */
async function sample(db: Db) {
  return {
    firstSecretaries: await db
      .selectFrom('stationing as s')
      .innerJoin('person as p', 'p.id', 's.person_id')
      .select(['s.region_code', 'p.name', 'p.birth_date', 'p.education', 'p.id_number', 's.start_date', 's.ended_on'])
      .where('s.role', '=', 'first_secretary')
      .orderBy('s.region_code')
      .orderBy('s.start_date')
      .execute(),
    pairingCadres: await db
      .selectFrom('pairing as pr')
      .innerJoin('person as p', 'p.id', 'pr.person_id')
      .innerJoin('household as h', 'h.id', 'pr.household_id')
      .select(['h.code', 'p.name', 'p.post', 'p.birth_date'])
      .where('pr.kind', '=', 'cadre_household')
      .orderBy('h.code')
      .limit(60)
      .execute(),
    measures: await db
      .selectFrom('measure as m')
      .innerJoin('household as h', 'h.id', 'm.household_id')
      .select(['h.code', 'm.type', 'm.title', 'm.amount', 'm.planned_date', 'm.done_date', 'm.status'])
      .orderBy('h.code')
      .orderBy('m.id')
      .limit(80)
      .execute(),
    attendance: await db
      .selectFrom('attendance')
      .select(['region_code', 'present'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['region_code', 'present'])
      .orderBy('region_code')
      .orderBy('present')
      .execute(),
    logs: await db.selectFrom('work_log').select(['region_code', 'day', 'content']).orderBy('id').limit(30).execute(),
    leaves: await db
      .selectFrom('leave_request')
      .select(['region_code', 'start_date', 'end_date', 'status', 'approver'])
      .orderBy('id')
      .execute(),
    partners: await db.selectFrom('partner').select(['name', 'kind', 'region_code']).orderBy('id').execute(),
    funds: await db
      .selectFrom('fund_spending')
      .select(['region_code', 'spent_on', 'amount'])
      .orderBy('id')
      .limit(40)
      .execute(),
  };
}

for (const dialect of DIALECTS) {
  describe(`demo help forces [${dialect}]`, () => {
    let a: Awaited<ReturnType<typeof freshDatabase>>;
    let b: Awaited<ReturnType<typeof freshDatabase>>;
    let db: Db;
    let first: Record<string, number>;
    before(async () => {
      a = await freshDatabase(dialect);
      b = await freshDatabase(dialect);
      db = a.db;
      const steps = new Set<string>();
      await loadDemo(a.db, {
        county: COUNTY,
        password: 'Xiuhua@2026',
        households: HOUSEHOLDS,
        onProgress: (s) => steps.add(s),
      });
      assert.ok(steps.has('forces') && steps.has('attendance') && steps.has('pairings'), [...steps].join());
      first = await counts(a.db);
      await loadDemo(b.db, { county: COUNTY, password: 'Xiuhua@2026', households: HOUSEHOLDS });
    });
    after(async () => {
      await a?.drop();
      await b?.drop();
    });

    const stations = () =>
      db
        .selectFrom('stationing')
        .select([
          'id',
          'person_id',
          'region_code',
          'role',
          'team_id',
          'unit_id',
          'start_date',
          'end_date',
          'ended_on',
          'end_reason',
        ])
        .orderBy('id')
        .execute();

    it('stations 239 first secretaries and 426 team cadres in 239 teams; five villages have none', async () => {
      const all = await stations();
      const current = all.filter((s) => s.ended_on === null);
      const fs = current.filter((s) => s.role === 'first_secretary');
      assert.equal(fs.length, 239);
      assert.equal(new Set(fs.map((s) => s.region_code)).size, 239);
      assert.equal(current.filter((s) => s.role === 'team_leader' || s.role === 'team_member').length, 426);
      assert.equal(current.filter((s) => s.role === 'team_leader').length, 60);
      const teams = await db.selectFrom('work_team').select(['id', 'region_code', 'unit_id']).execute();
      assert.equal(teams.length, 239);
      assert.equal(new Set(teams.map((t) => t.region_code)).size, 239);
      // every stationed cadre belongs to the team of its village; sizes 2–4 with the secretary
      const teamOf = new Map(teams.map((t) => [t.id, t.region_code]));
      const size = new Map<number, number>();
      for (const s of current.filter((s) => STATIONED_ROLES.includes(s.role as never))) {
        assert.equal(teamOf.get(s.team_id!), s.region_code);
        size.set(s.team_id!, (size.get(s.team_id!) ?? 0) + 1);
      }
      const sizes = [...size.values()];
      assert.equal(sizes.length, 239);
      assert.ok(sizes.every((n) => n >= 2 && n <= 4));
      assert.equal(sizes.filter((n) => n < 3).length, 62); // teams below the minimum of 3
      const villages = await db
        .selectFrom('region')
        .select('code')
        .where('level', '=', 'village')
        .where('code', 'like', `${COUNTY}%`)
        .execute();
      assert.equal(villages.length, 244);
      assert.equal(villages.filter((v) => !fs.some((s) => s.region_code === v.code)).length, 5);
      // the command hierarchy's first secretaries and team members became the stationed cadres
      const people = await db
        .selectFrom('person')
        .select(['id', 'post', 'birth_date', 'education', 'political_status', 'unit_id', 'rank', 'id_number'])
        .where(
          'id',
          'in',
          current.filter((s) => STATIONED_ROLES.includes(s.role as never)).map((s) => s.person_id),
        )
        .execute();
      assert.equal(people.length, 665);
      assert.ok(
        people.every((p) => p.birth_date && p.education && p.political_status && p.unit_id && p.rank && p.id_number),
      );
      const posts = await db
        .selectFrom('person')
        .select('post')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('post', 'in', ['第一书记', '驻村工作队员'])
        .where('birth_date', 'is', null)
        .groupBy('post')
        .execute();
      assert.deepEqual(posts, []);
      // and nobody of the county is a bare row: every person has a full record
      const bare = await db
        .selectFrom('person')
        .select(['name', 'post'])
        .where('region_code', 'like', `${COUNTY}%`)
        .where((eb) =>
          eb.or(
            (
              [
                'gender',
                'phone',
                'post',
                'id_number',
                'birth_date',
                'education',
                'political_status',
                'rank',
                'unit_id',
              ] as const
            ).map((c) => eb(c, 'is', null)),
          ),
        )
        .execute();
      assert.deepEqual(bare, []);
      const persons = await db.selectFrom('person').select(['name', 'id_number']).execute();
      assert.equal(new Set(persons.map((p) => p.id_number)).size, persons.length, 'ID numbers are unique');
    });

    it('keeps five earlier two-year batches (2015–2025): ended, never overlapping, over 2,000 cadres since 2014', async () => {
      const all = await stations();
      const earlier = all.filter((s) => s.start_date < TERM_START && STATIONED_ROLES.includes(s.role as never));
      assert.equal(earlier.length, 5 * 2 * 239); // a first secretary and a member per team village and batch
      assert.deepEqual(
        [...new Set(earlier.map((s) => s.start_date))].sort(),
        EARLIER_BATCHES.map((b) => b.start),
      );
      assert.ok(earlier.every((s) => s.ended_on === s.end_date && s.ended_on! < TERM_START && s.team_id === null));
      assert.deepEqual([...new Set(earlier.map((s) => s.end_reason))].sort(), ['completed', 'rotation']);
      // One village at a time: a cadre's stationings never overlap (some first secretaries stayed on).
      const byPerson = new Map<number, { start: string; end: string }[]>();
      for (const s of all.filter((x) => STATIONED_ROLES.includes(x.role as never)))
        byPerson.set(s.person_id, [
          ...(byPerson.get(s.person_id) ?? []),
          { start: s.start_date, end: s.ended_on ?? s.end_date ?? '9999-12-31' },
        ]);
      let stayedOn = 0;
      for (const terms of byPerson.values()) {
        terms.sort((a, b) => a.start.localeCompare(b.start));
        for (let i = 1; i < terms.length; i++) assert.ok(terms[i]!.start > terms[i - 1]!.end);
        if (terms.length > 1) stayedOn++;
      }
      assert.ok(stayedOn > 50 && stayedOn < 250, `stayed on: ${stayedOn}`);
      const sent = new Set(
        all
          .filter(
            (s) =>
              STATIONED_ROLES.includes(s.role as never) && s.start_date >= '2014-01-01' && s.start_date <= DEMO_TODAY,
          )
          .map((s) => s.person_id),
      );
      assert.ok(sent.size > 2000 && sent.size < 3500, `sent since 2014: ${sent.size}`);
    });

    it('draws the cadre profiles to the seeds: ~72% aged 45 or under, ~74% bachelor or higher, mostly male CPC', async () => {
      const fs = await db
        .selectFrom('stationing as s')
        .innerJoin('person as p', 'p.id', 's.person_id')
        .select(['p.birth_date', 'p.education', 'p.gender', 'p.political_status'])
        .where('s.role', '=', 'first_secretary')
        .where('s.ended_on', 'is', null)
        .execute();
      const share = (f: (p: (typeof fs)[number]) => boolean) => fs.filter(f).length / fs.length;
      const young = share((p) => ageOn(p.birth_date!, DEMO_TODAY) <= 45);
      assert.ok(young > 0.7 && young < 0.74, String(young));
      // a year later the share is the same (nobody within a year of 45)
      assert.equal(
        share((p) => ageOn(p.birth_date!, '2027-11-20') <= 45),
        young,
      );
      const bachelor = share((p) => BACHELOR_OR_HIGHER.includes(p.education as never));
      assert.ok(bachelor > 0.72 && bachelor < 0.77, String(bachelor));
      assert.ok(share((p) => p.gender === 'male') > 0.65);
      assert.equal(
        share((p) => p.political_status === 'cpc'),
        1,
      );
    });

    it('keeps every stationed cadre in one village at a time, with terms of at least 24 months', async () => {
      const all = (await stations()).filter((s) => STATIONED_ROLES.includes(s.role as never));
      const byPerson = new Map<number, typeof all>();
      for (const s of all) byPerson.set(s.person_id, [...(byPerson.get(s.person_id) ?? []), s]);
      for (const list of byPerson.values()) {
        for (const [i, s] of list.entries()) {
          const term = { start: s.start_date, end: s.end_date };
          const others = list
            .filter((_, j) => j !== i)
            .map((o) => ({ start: o.start_date, end: o.ended_on ?? o.end_date }));
          assert.deepEqual(termProblems(term, others, 24), [], JSON.stringify(s));
        }
      }
      // Only first secretaries of the earlier batches stayed on, in the same village.
      for (const l of byPerson.values())
        if (l.length > 1)
          assert.ok(
            l.every(
              (s) => s.role === 'first_secretary' && s.start_date < TERM_START && s.region_code === l[0]!.region_code,
            ),
            JSON.stringify(l),
          );
      // and nobody is stationed while also linked elsewhere as a stationed role
      const current = all.filter((s) => !s.ended_on);
      assert.equal(new Set(current.map((s) => s.person_id)).size, current.length);
    });

    it('recalls four first secretaries (each replaced the next day) and has one recall pending', async () => {
      const recalls = await db.selectFrom('recall').selectAll().orderBy('effective_date').execute();
      const approved = recalls.filter((r) => r.status === 'approved');
      assert.deepEqual(approved.map((r) => r.reason).sort(), ['discipline', 'health', 'ineffective', 'other']);
      assert.equal(recalls.filter((r) => r.status === 'pending').length, 1);
      const all = await stations();
      for (const r of approved) {
        const s = all.find((x) => x.id === r.stationing_id)!;
        assert.equal(s.role, 'first_secretary');
        assert.equal(s.ended_on, r.effective_date);
        assert.equal(s.end_reason, 'recall');
        const next = all.find(
          (x) =>
            x.region_code === s.region_code &&
            x.role === 'first_secretary' &&
            x.id !== s.id &&
            x.start_date >= TERM_START,
        )!;
        assert.equal(daysBetween(r.effective_date, next.start_date), 2);
        assert.equal(next.ended_on, null);
        assert.equal(next.team_id, s.team_id);
        // the command post passed to the successor
        const post = await db
          .selectFrom('command_unit')
          .select('commander_id')
          .where('region_code', '=', s.region_code)
          .where('kind', '=', 'command_post')
          .executeTakeFirstOrThrow();
        assert.equal(post.commander_id, next.person_id);
      }
      const pending = recalls.find((r) => r.status === 'pending')!;
      assert.equal(all.find((x) => x.id === pending.stationing_id)!.ended_on, null);
    });

    it('pairs the 13 higher units, 103 enterprises with 83 villages, and shows a handful of five-ones gaps', async () => {
      const units = await db.selectFrom('help_unit').select(['id', 'name', 'level', 'region_code']).execute();
      const higher = units.filter((u) => ['central', 'provincial', 'city'].includes(u.level));
      assert.equal(higher.length, 13);
      for (const name of ['国家烟草专卖局', '湖北省卫生健康委员会', '中国地质大学（武汉）'])
        assert.ok(
          units.some((u) => u.name === name),
          name,
        );
      assert.ok(higher.filter((u) => u.level === 'central').every((u) => u.region_code === '000000000000'));
      assert.equal(units.filter((u) => u.level === 'township').length, 17);
      assert.ok(units.filter((u) => u.level === 'county').length >= 55);
      const fsUnits = await db
        .selectFrom('stationing as s')
        .innerJoin('help_unit as u', 'u.id', 's.unit_id')
        .select('u.level')
        .where('s.role', '=', 'first_secretary')
        .execute();
      assert.ok(fsUnits.filter((u) => u.level !== 'county').length >= 13);

      const ent = await db
        .selectFrom('pairing as p')
        .innerJoin('partner as e', 'e.id', 'p.partner_id')
        .select(['p.region_code', 'e.kind', 'e.id'])
        .where('p.kind', '=', 'enterprise_village')
        .execute();
      assert.equal(ent.length, 103);
      assert.ok(ent.every((e) => e.kind === 'enterprise'));
      assert.equal(new Set(ent.map((e) => e.id)).size, 103);
      assert.equal(new Set(ent.map((e) => e.region_code)).size, 83);
      const partners = await db.selectFrom('partner').select('kind').execute();
      assert.equal(partners.filter((p) => p.kind === 'enterprise').length, 103);
      assert.ok(partners.some((p) => p.kind === 'cooperative'));
      const kinds = await db
        .selectFrom('pairing')
        .select('kind')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .groupBy('kind')
        .execute();
      const kind = (k: string) => Number(kinds.find((x) => x.kind === k)?.n ?? 0);
      assert.equal(kind('village_village'), 40);
      assert.equal(kind('member_member'), 300);
      assert.equal(kind('unit_village'), 241);

      // the five ones of every village, with the pure rule
      const villages = await db
        .selectFrom('region')
        .select('code')
        .where('level', '=', 'village')
        .where('code', 'like', `${COUNTY}%`)
        .execute();
      const active = (await stations()).filter((s) => s.ended_on === null);
      const pairedUnits = await db
        .selectFrom('pairing as p')
        .innerJoin('help_unit as u', 'u.id', 'p.unit_id')
        .select(['p.region_code', 'u.level'])
        .where('p.kind', '=', 'unit_village')
        .where('p.end_date', 'is', null)
        .execute();
      const count = (code: string, role: string) =>
        active.filter((s) => s.region_code === code && s.role === role).length;
      const gaps = new Map(
        villages.map((v) => [
          v.code,
          fiveOnesGaps({
            countyLeaders: count(v.code, 'county_leader'),
            townshipLeaders: count(v.code, 'township_leader'),
            pairedUnitLevels: pairedUnits.filter((p) => p.region_code === v.code).map((p) => p.level as UnitLevel),
            firstSecretaries: count(v.code, 'first_secretary'),
            instructors: count(v.code, 'instructor'),
          }),
        ]),
      );
      const missing = [...gaps.values()].filter((g) => g.length > 0);
      assert.equal(missing.length, 20);
      assert.ok(missing.every((g) => g.length === 1));
      const byKind = (k: string) => missing.filter((g) => g[0] === k).length;
      assert.deepEqual(
        ['county_leader', 'township_leader', 'paired_unit', 'first_secretary', 'instructor'].map(byKind),
        [3, 3, 3, 5, 6],
      );
      assert.deepEqual(gaps.get(DONG), []);
      const leaders = await db
        .selectFrom('stationing')
        .select('person_id')
        .distinct()
        .where('role', '=', 'county_leader')
        .execute();
      assert.equal(leaders.length, 43);
    });

    it('gives every registered household one responsible cadre (at most 5 each) and a plan of 2–4 measures', async () => {
      const registered = await db
        .selectFrom('household')
        .select(['id', 'region_code', 'main_cause', 'status'])
        .where('status', 'in', [...REGISTERED_STATUSES])
        .orderBy('code')
        .execute();
      assert.ok(registered.length > 800);
      const pairs = await db
        .selectFrom('pairing')
        .select(['household_id', 'person_id', 'region_code', 'start_date', 'end_date'])
        .where('kind', '=', 'cadre_household')
        .execute();
      assert.equal(pairs.length, registered.length);
      // a pairing starts when its cadre took over (2015 and the rotations since), never before the registration
      const registeredOn = new Map(
        (
          await db
            .selectFrom('household_event')
            .select(['household_id', (eb) => eb.fn.max('event_date').as('d')])
            .where('step', '=', 'registered')
            .groupBy('household_id')
            .execute()
        ).map((e) => [e.household_id, String(e.d)]),
      );
      for (const p of pairs) {
        assert.ok(isWorkday(p.start_date) && p.start_date >= '2015-01-01' && p.start_date <= DEMO_TODAY, p.start_date);
        assert.ok(p.start_date > registeredOn.get(p.household_id!)!, `household ${p.household_id}`);
      }
      const years = new Set(pairs.map((p) => p.start_date.slice(0, 4)));
      assert.ok(years.size >= 6 && new Set(pairs.map((p) => p.start_date)).size > 100, [...years].join());
      const cadreOf = new Map(pairs.map((p) => [p.household_id!, p]));
      let gaps = 0;
      for (const h of registered) {
        const p = cadreOf.get(h.id);
        assert.ok(p && p.region_code === h.region_code, `household ${h.id}`);
        // a few still-poor households lost their cadre to a transfer just before the demo date: the pairing gaps
        if (p.end_date !== null) {
          assert.ok(POOR_STATUSES.includes(h.status as never) && p.end_date === GAP_END, `household ${h.id}`);
          gaps++;
        }
      }
      const poor = registered.filter((h) => POOR_STATUSES.includes(h.status as never)).length;
      assert.equal(gaps, Math.floor(poor / GAP_EVERY));
      const load = new Map<number, number>();
      for (const p of pairs) load.set(p.person_id!, (load.get(p.person_id!) ?? 0) + 1);
      assert.ok(Math.max(...load.values()) <= 5);
      assert.ok(load.size >= registered.length / 5 && load.size < registered.length / 4);
      // the cadres are managed by the township of their households, from county departments or townships
      const cadres = await db
        .selectFrom('person as p')
        .innerJoin('help_unit as u', 'u.id', 'p.unit_id')
        .select(['p.id', 'p.region_code', 'u.level'])
        .where('p.id', 'in', [...load.keys()])
        .execute();
      assert.equal(cadres.length, load.size);
      assert.ok(cadres.every((c) => c.region_code.endsWith('000') && c.region_code.slice(6, 9) !== '000'));
      assert.ok(cadres.every((c) => c.level === 'county' || c.level === 'township'));
      for (const p of pairs)
        assert.equal(p.region_code.slice(0, 9), cadres.find((c) => c.id === p.person_id)!.region_code.slice(0, 9));

      const measures = await db
        .selectFrom('measure')
        .select(['household_id', 'type', 'person_id', 'status', 'done_date', 'planned_date'])
        .execute();
      const per = new Map<number, typeof measures>();
      for (const m of measures) per.set(m.household_id, [...(per.get(m.household_id) ?? []), m]);
      assert.equal(per.size, registered.length);
      for (const h of registered) {
        const list = per.get(h.id)!;
        assert.ok(list.length >= 2 && list.length <= 4);
        assert.equal(new Set(list.map((m) => m.type)).size, list.length);
        assert.ok(list.every((m) => m.person_id === cadreOf.get(h.id)!.person_id));
        if (h.main_cause === 'illness') assert.ok(list.some((m) => m.type === 'health'));
        if (h.main_cause === 'schooling') assert.ok(list.some((m) => m.type === 'education'));
      }
      assert.ok(measures.filter((m) => m.status === 'done').length / measures.length > 0.7);
      assert.ok(measures.every((m) => m.done_date === null || m.done_date <= DEMO_TODAY));
    });

    it('records a year of daily management up to the demo day: attendance, leaves, logs, insurance, funds', async () => {
      const max = await db
        .selectFrom('attendance')
        .select((eb) => eb.fn.max('day').as('d'))
        .executeTakeFirstOrThrow();
      assert.equal(max.d, DEMO_TODAY);
      // the yearly totals the statistics read agree with the daily rows
      const daily = await db
        .selectFrom('attendance')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('present').as('present')])
        .executeTakeFirstOrThrow();
      const yearly = await db
        .selectFrom('attendance_year')
        .select((eb) => [eb.fn.sum<number>('present_days').as('present'), eb.fn.sum<number>('away_days').as('away')])
        .executeTakeFirstOrThrow();
      assert.equal(Number(yearly.present), Number(daily.present));
      assert.equal(Number(yearly.present) + Number(yearly.away), Number(daily.n));
      // the current batch's stations (the earlier batches have no attendance)
      const all = (await stations()).filter(
        (s) => STATIONED_ROLES.includes(s.role as never) && s.start_date >= TERM_START,
      );
      // attendance only inside the cadre's station
      const spans = await db
        .selectFrom('attendance')
        .select(['person_id'])
        .select((eb) => [eb.fn.min('day').as('lo'), eb.fn.max('day').as('hi')])
        .groupBy('person_id')
        .execute();
      assert.equal(spans.length, all.length);
      for (const sp of spans) {
        const s = all.find((x) => x.person_id === sp.person_id)!;
        assert.ok(String(sp.lo) >= s.start_date && String(sp.lo) >= '2026-01-01');
        assert.ok(String(sp.hi) <= (s.ended_on ?? DEMO_TODAY));
      }
      // meetings, trainings and trips to the county fall on working days; so do fund spending and measures done
      const trips = await db
        .selectFrom('attendance')
        .select('day')
        .where('present', '=', 0)
        .where('away_reason', 'in', ['meeting', 'training', 'business'])
        .execute();
      assert.ok(trips.length > 100 && trips.every((a) => isWorkday(a.day)));
      const spent = await db.selectFrom('fund_spending').select('spent_on').execute();
      assert.ok(spent.every((f) => isWorkday(f.spent_on)));
      const done = await db.selectFrom('measure').select('done_date').where('done_date', 'is not', null).execute();
      assert.ok(done.length > 0 && done.every((m) => isWorkday(m.done_date!)));
      const maxLog = await db
        .selectFrom('work_log')
        .select((eb) => eb.fn.max('day').as('d'))
        .executeTakeFirstOrThrow();
      assert.ok(String(maxLog.d) <= DEMO_TODAY);

      // leaves: the approver follows the length; pending ones wait in 擂鼓镇 (township and county) and elsewhere
      const leaves = await db.selectFrom('leave_request').selectAll().execute();
      for (const l of leaves) {
        assert.equal(l.days, daysBetween(l.start_date, l.end_date));
        assert.equal(l.approver, leaveApprover(l.days, 3));
      }
      // asked for at all hours of office days (China time), decided later, before the demo day
      const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
      const hours = new Set<number>();
      for (const l of leaves) {
        const asked = local(l.requested_at);
        hours.add(Number(asked.slice(11, 13)));
        assert.ok(isWorkday(asked.slice(0, 10)) && asked.slice(0, 10) <= l.start_date, asked);
        assert.ok(asked.slice(11, 16) >= '08:00' && asked.slice(11, 16) < '18:00', asked);
        if (l.decided_at) {
          const decided = local(l.decided_at);
          assert.ok(decided > asked && isWorkday(decided.slice(0, 10)) && decided.slice(0, 10) <= DEMO_TODAY, decided);
        }
      }
      assert.ok(hours.size >= 8, [...hours].join());
      assert.ok(new Set(leaves.map((l) => l.decision_note)).size >= 5);
      const pending = leaves.filter((l) => l.status === 'pending');
      const leigu = pending.filter((l) => l.region_code.startsWith(LEIGU));
      assert.ok(leigu.filter((l) => l.approver === 'township').length >= 2);
      assert.ok(leigu.filter((l) => l.approver === 'county').length >= 1);
      assert.ok(pending.some((l) => l.end_date < DEMO_TODAY)); // approving it raises the days in the village
      assert.ok(leaves.filter((l) => l.status === 'rejected').length >= 1);
      assert.ok(leaves.filter((l) => l.status === 'approved').length / leaves.length > 0.9);

      // most current cadres keep the 200-day pace; a few fall behind
      const current = all.filter((s) => s.ended_on === null && s.start_date < '2026-01-01');
      const days = await villageDays(db, 2026, { personIds: current.map((s) => s.person_id) }, DEMO_TODAY);
      const behind = current.filter((s) => {
        const d = days.get(s.person_id)!;
        return villagePace({ ...d, today: DEMO_TODAY, stationedSince: s.start_date, yearlyMinimum: 200 }).behind;
      });
      assert.ok(behind.length >= 10 && behind.length <= 60, String(behind.length));

      const insurance = await db.selectFrom('insurance').select(['person_id', 'end_date']).execute();
      assert.equal(insurance.length, all.length);
      const soon = insurance.filter((i) => i.end_date >= DEMO_TODAY && daysBetween(DEMO_TODAY, i.end_date) <= 30);
      assert.ok(soon.length >= 5 && soon.length <= 20, String(soon.length));

      const funds = await db
        .selectFrom('fund_spending')
        .select(['team_id'])
        .select((eb) => eb.fn.sum<number>('amount').as('spent'))
        .where('year', '=', 2026)
        .groupBy('team_id')
        .execute();
      assert.equal(funds.length, 239);
      assert.ok(funds.every((f) => Number(f.spent) > 0 && Number(f.spent) < 50_000));
    });

    it('assesses 2025 and 2026H1 (mostly competent or excellent) and records honours', async () => {
      const rows = await db.selectFrom('assessment').select(['period', 'kind', 'grade']).execute();
      const of = (period: string) => rows.filter((r) => r.period === period);
      assert.ok(of('2025').length >= 665 && of('2025').every((r) => r.kind === 'annual'));
      assert.ok(of('2026H1').length >= 660 && of('2026H1').every((r) => r.kind === 'half_year'));
      const good = rows.filter((r) => r.grade === 'excellent' || r.grade === 'competent').length / rows.length;
      assert.ok(good > 0.8);
      assert.equal(rows.filter((r) => r.grade === 'incompetent').length, 2);
      assert.ok(rows.some((r) => r.grade === 'basic'));
      const honours = await db.selectFrom('honour').select('title').execute();
      assert.ok(honours.length >= 20);
      for (const t of ['civil_servant', 'advanced_worker', 'pioneer'])
        assert.ok(
          honours.some((h) => h.title === t),
          t,
        );
    });

    it('is deterministic and idempotent, with one audit row per load', async () => {
      assert.deepEqual(await counts(b.db), first);
      assert.deepEqual(await sample(b.db), await sample(a.db));
      const audit = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'load_demo_forces')
        .execute();
      assert.equal(audit.length, 1);
      const again = await loadDemoForces(a.db, { county: COUNTY });
      assert.deepEqual(again.rows, { pairing_cadres: 0, cadre_household: 0, measure: 0 });
      assert.deepEqual(await counts(a.db), first);
    });
  });
}
