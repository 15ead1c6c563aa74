import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nowIso, type Db } from '../src/core/db/index.ts';
import { daysBetween, villagePace } from '../src/core/modules/cadres/rules.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { daysInRange, refreshAttendanceYears, villageDays } from '../src/core/modules/duty/days.ts';
import { dayDistribution } from '../src/core/modules/stats/forces-rules.ts';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildHelpUnit, buildPairing, buildPartner, buildStation } from './factories.ts';
import { household } from './fixtures.ts';
import { DIALECTS, eachTest, type TestApp } from './harness.ts';

/**
 * Help-force statistics and the five ones over a small hand-built dataset with exact figures:
 *   A = 董家沟村 (擂鼓镇): complete five ones; team TA (2 current members, 1 ended) — below 3.
 *   B = another village of 擂鼓镇: a first secretary aged 46 today, a township-level unit (does not
 *       count), team TB with only the first secretary, an ended team, a first secretary who starts tomorrow.
 *   C = 龙井村 (宝丰镇): a first secretary who started today, team TC of 3, a county leader, an ended
 *       instructor, a city unit whose pairing ended.
 */
const TWP_LEIGU = '420323104000';
const A = '420323104211';
const C = '420323103211';

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const yearsAgo = (iso: string, n: number) => `${Number(iso.slice(0, 4)) - n}${iso.slice(4)}`;

async function team(db: Db, region: string, name: string, end: string | null = null) {
  const now = nowIso();
  const r = await db
    .insertInto('work_team')
    .values({
      region_code: region,
      name,
      unit_id: null,
      start_date: '2025-03-01',
      end_date: end,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function endStation(db: Db, id: number, on: string) {
  await db.updateTable('stationing').set({ ended_on: on, end_reason: 'rotation' }).where('id', '=', id).execute();
}

const today = todayInChina();
const yesterday = addDays(today, -1);
const tomorrow = addDays(today, 1);
const year = Number(today.slice(0, 4));
const yearStart = `${year}-01-01`;
const elapsed = daysBetween(yearStart, today);
// Days in the village this year of fs1 and tm1 (check-ins limited to the days elapsed so far).
const fs1CheckIns = Math.min(55, elapsed);
const fs1Leave = elapsed >= 58 ? 3 : 0;

/** The dataset every test starts from (a fresh copy each). */
async function dataset(t: TestApp) {
  const db = t.db;
  const county = await t.as('county', '420323');
  const township = await t.as('township', '420323104');
  const id: Record<string, number> = {};
  const other = await db
    .selectFrom('region')
    .select('code')
    .where('parent_code', '=', TWP_LEIGU)
    .where('level', '=', 'village')
    .where('code', '!=', A)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const B = other.code;
  const villages = async (lo: string, hi: string) =>
    Number(
      (
        await db
          .selectFrom('region')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('level', '=', 'village')
          .where('code', '>=', lo)
          .where('code', '<', hi)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countyVillages = await villages('420323000000', '420324000000');
  const leiguVillages = await villages('420323104000', '420323105000');
  await db.updateTable('region').set({ poor_village: 1 }).where('code', 'in', [A, B]).execute();

  const cadre = (key: string, birthYearsAgo: number | null, education: string, region = A) =>
    buildCadre(db, region, {
      name: key,
      birthDate: birthYearsAgo === null ? undefined : yearsAgo(today, birthYearsAgo),
      education,
    }).then((x) => (id[key] = x));
  await cadre('fs1', 45, 'bachelor'); // exactly 45 today → young
  await cadre('fs2', 46, 'college', B); // 46 today → not young
  await cadre('tl1', 30, 'master');
  await cadre('tm1', 66, 'bachelor');
  await cadre('tm2', 30, 'bachelor'); // ended
  await cadre('fs3', 40, 'college', C);
  await cadre('tl3', 56, 'doctor', C);
  await cadre('tm3', 0, 'college', C);
  await db.updateTable('person').set({ birth_date: null }).where('id', '=', id.tm3!).execute();
  await cadre('fsF', 30, 'bachelor', B); // starts tomorrow
  await cadre('cl1', 50, 'master');
  await cadre('tw1', 50, 'master');
  await cadre('in1', 50, 'master');
  await cadre('inOld', 50, 'master', C);

  const TA = await team(db, A, '董家沟村工作队');
  const TB = await team(db, B, '乙村工作队');
  const TC = await team(db, C, '龙井村工作队');
  await team(db, B, '旧工作队', yesterday);
  const st = (key: string, region: string, role: string, o: Parameters<typeof buildStation>[4] = {}) =>
    buildStation(db, id[key]!, region, role, o).then((x) => (id[`s_${key}_${region}`] = x));
  await st('fs1', A, 'first_secretary');
  await st('fs2', B, 'first_secretary', { teamId: TB });
  await endStation(db, id[`s_fs2_${B}`]!, tomorrow); // ends tomorrow: still current
  await st('tl1', A, 'team_leader', { teamId: TA });
  await st('tm1', A, 'team_member', { teamId: TA });
  await st('tm2', A, 'team_member', { teamId: TA });
  await endStation(db, id[`s_tm2_${A}`]!, yesterday);
  await st('fs3', C, 'first_secretary', { teamId: TC, start: today });
  await st('tl3', C, 'team_leader', { teamId: TC });
  await st('tm3', C, 'team_member', { teamId: TC });
  await st('fsF', B, 'first_secretary', { start: tomorrow });
  await st('cl1', A, 'county_leader', { end: null });
  await st('cl1', C, 'county_leader', { end: null });
  await st('tw1', A, 'township_leader', { end: null });
  await st('in1', A, 'instructor');
  await st('inOld', C, 'instructor');
  await endStation(db, id[`s_inOld_${C}`]!, yesterday);

  const unitCounty = await buildHelpUnit(db, { name: '县财政局', level: 'county' });
  const unitTownship = await buildHelpUnit(db, { name: '擂鼓镇政府', level: 'township' });
  const unitCity = await buildHelpUnit(db, { name: '十堰市教育局', level: 'city' });
  id.unitCounty = unitCounty;
  id.unitTownship = unitTownship;
  await buildPairing(db, { kind: 'unit_village', region: A, unitId: unitCounty });
  await buildPairing(db, { kind: 'unit_village', region: B, unitId: unitTownship });
  await buildPairing(db, { kind: 'unit_village', region: C, unitId: unitCity, end: yesterday });
  const now = nowIso();
  const partnerId = await buildPartner(db, { name: '竹山绿松石公司' });
  await buildPairing(db, { kind: 'enterprise_village', region: B, partnerId });
  await buildPairing(db, { kind: 'village_village', region: A });
  await buildPairing(db, { kind: 'member_member', region: C });

  const hh = await saveHouseholds(db, '420323000000', [
    household('H1', A) as never,
    household('H2', A) as never,
    household('H3', A) as never,
    household('H4', C) as never,
    household('H5', A) as never,
  ]);
  await buildPairing(db, { kind: 'cadre_household', region: A, personId: id.tl1, householdId: hh.get('H1') });
  await buildPairing(db, { kind: 'cadre_household', region: A, personId: id.tl1, householdId: hh.get('H2') });
  await buildPairing(db, { kind: 'cadre_household', region: A, personId: id.tm1, householdId: hh.get('H3') });
  await buildPairing(db, { kind: 'cadre_household', region: C, personId: id.fs3, householdId: hh.get('H4') });
  await buildPairing(db, {
    kind: 'cadre_household',
    region: A,
    personId: id.tl1,
    householdId: hh.get('H5'),
    end: yesterday,
  });

  const recall = (key: string, region: string, reason: string, status: string) =>
    db
      .insertInto('recall')
      .values({
        stationing_id: id[`s_${key}_${region}`]!,
        person_id: id[key]!,
        region_code: region,
        reason,
        note: null,
        effective_date: yesterday,
        status,
        requested_by: 'twn',
        requested_at: now,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
  await recall('tm2', A, 'health', 'approved');
  await recall('inOld', C, 'ineffective', 'approved');
  await recall('tl1', A, 'discipline', 'pending');
  await recall('tm1', A, 'other', 'rejected');

  const attendance = (key: string, region: string, from: number, n: number, present: number) =>
    n > 0
      ? db
          .insertInto('attendance')
          .values(
            Array.from({ length: n }, (_, i) => ({
              person_id: id[key]!,
              region_code: region,
              day: addDays(yearStart, from + i),
              present,
              away_reason: present ? null : 'meeting',
              note: null,
              created_at: now,
            })),
          )
          .execute()
      : Promise.resolve();
  await attendance('fs1', A, 0, fs1CheckIns, 1);
  await attendance('tm1', A, 0, Math.min(10, elapsed), 1);
  await attendance('tm1', A, 10, Math.max(0, Math.min(5, elapsed - 10)), 0); // away: not counted
  await attendance('tm2', A, 0, Math.min(100, elapsed), 1); // ended: not a stationed cadre
  await refreshAttendanceYears(db, Object.values(id));
  const leave = (key: string, start: string, end: string, status: string) =>
    db
      .insertInto('leave_request')
      .values({
        person_id: id[key]!,
        region_code: A,
        start_date: start,
        end_date: end,
        days: daysBetween(start, end),
        reason: '事假',
        approver: 'township',
        status,
        requested_by: 'twn',
        requested_at: now,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
  if (fs1Leave) await leave('fs1', addDays(yearStart, 55), addDays(yearStart, 57), 'approved');
  await leave('fs1', `${year - 1}-12-01`, `${year - 1}-12-03`, 'approved'); // last year
  await leave('tm1', addDays(yearStart, 20), addDays(yearStart, 22), 'pending'); // not approved
  // tm1: two overlapping approved leaves over days 8–13 (check-ins present on 8, 9; away 10–13)
  if (elapsed >= 15) {
    await leave('tm1', addDays(yearStart, 8), addDays(yearStart, 12), 'approved');
    await leave('tm1', addDays(yearStart, 11), addDays(yearStart, 13), 'approved');
  }
  return { county, township, B, countyVillages, leiguVillages, id };
}

for (const dialect of DIALECTS) {
  describe(`help-force statistics and the five ones [${dialect}]`, () => {
    const app = eachTest(dialect, dataset);

    it('counts the county: stations, teams, villages, profile shares at the edge of 45', async () => {
      const { t, county, countyVillages, leiguVillages } = app();
      const res = await t.call(county, 'GET', '/api/stats/cadres?region=420323');
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.deepEqual(s.region, { code: '420323000000', name: '竹山县', level: 'county' });
      assert.equal(s.firstSecretaries, 3); // fs1, fs2 (ends tomorrow), fs3 (started today); not fsF
      assert.equal(s.teamCadres, 4); // tl1, tm1, tl3, tm3; not tm2 (ended)
      assert.equal(s.teams, 3); // TA, TB, TC; not the ended one
      assert.equal(s.villages, countyVillages);
      assert.ok(countyVillages > 200);
      assert.equal(s.villagesWithTeam, 3);
      assert.equal(s.cadresPerVillage, 7 / 3);
      assert.equal(s.teamsPerVillage, 1);
      assert.equal(s.stationed, 7);
      assert.equal(s.youngAgeMax, 45);
      // young: fs1 (45 today), tl1 (30), fs3 (40); not fs2 (46 today), tm1, tl3, tm3 (unknown)
      assert.deepEqual(s.aged45OrUnder, { count: 3, share: 3 / 7 });
      // bachelor+: fs1, tl1 (master), tm1, tl3 (doctor); not fs2, fs3, tm3 (college)
      assert.deepEqual(s.bachelorOrHigher, { count: 4, share: 4 / 7 });
      assert.deepEqual(s.firstSecretaryShares, {
        total: 3,
        aged45OrUnder: { count: 2, share: 2 / 3 },
        bachelorOrHigher: { count: 1, share: 1 / 3 },
      });
      assert.equal(s.smallTeams, 2); // TA (tl1, tm1: 2 current), TB (fs2: 1); TC has 3
      assert.equal(s.teamMinSize, 3);
      const leigu = s.byChild.find((c: { code: string }) => c.code === TWP_LEIGU);
      assert.deepEqual(leigu, {
        code: TWP_LEIGU,
        name: '擂鼓镇',
        villages: leiguVillages,
        villagesWithTeam: 2,
        firstSecretaries: 2,
        teamCadres: 2,
        teams: 2,
      });
      const baofeng = s.byChild.find((c: { code: string }) => c.code === '420323103000');
      assert.equal(baofeng.firstSecretaries, 1);
      assert.equal(baofeng.teamCadres, 2);
      assert.equal(baofeng.teams, 1);
      assert.equal(s.byChild.length, 17);
      assert.equal(
        s.byChild.reduce((a: number, c: { villages: number }) => a + c.villages, 0),
        countyVillages,
      );
    });

    it('drills each profile figure to a cadre list of the same size (stationed, aged at most 45, bachelor+)', async () => {
      const { t, county } = app();
      const s = (await t.call(county, 'GET', '/api/stats/cadres?region=420323')).json();
      const total = async (query: string) => {
        const res = await t.call(county, 'GET', `/api/cadres?region=420323&${query}`);
        assert.equal(res.statusCode, 200, res.body);
        return res.json().total as number;
      };
      assert.equal(await total('stationed=true'), s.stationed);
      assert.equal(await total('stationed=true&maxAge=45'), s.aged45OrUnder.count);
      assert.equal(await total('stationed=true&bachelorOrHigher=true'), s.bachelorOrHigher.count);
      assert.equal(await total('stationed=true&bachelorOrHigher=false'), s.stationed - s.bachelorOrHigher.count);
      assert.equal(await total('role=first_secretary&maxAge=45'), s.firstSecretaryShares.aged45OrUnder.count);
      assert.equal(
        await total('role=first_secretary&bachelorOrHigher=true'),
        s.firstSecretaryShares.bachelorOrHigher.count,
      );
      // The edge: fs1 is 45 today, fs2 46 today.
      const names = async (query: string) =>
        (await t.call(county, 'GET', `/api/cadres?region=420323&${query}`))
          .json()
          .items.map((c: { name: string }) => c.name)
          .sort();
      assert.equal(await total('stationed=true&maxAge=44'), 2);
      assert.equal(await total('stationed=true&maxAge=46'), 4);
      assert.deepEqual(await names('role=first_secretary&maxAge=45'), ['fs1', 'fs3']);
      const bad = await t.call(county, 'GET', '/api/cadres?region=420323&maxAge=-1');
      assert.equal(bad.statusCode, 400);
    });

    it('counts the cadres sent to villages since a year, ended stationings too, and drills to them', async () => {
      const { t, county } = app();
      const s = (await t.call(county, 'GET', '/api/stats/cadres?region=420323')).json();
      // Since 2014 (the default): every first secretary and team stationing begun by today — fs1, fs2, tl1,
      // tm1, tm2 (ended), fs3 (today), tl3, tm3; not fsF (tomorrow), leaders or instructors.
      assert.deepEqual(s.sent, { since: 2014, cadres: 8, stationings: 8 });
      const listed = await t.call(county, 'GET', '/api/cadres?region=420323&sentSince=2014');
      assert.equal(listed.json().total, 8);
      const thisYear = Number(today.slice(0, 4));
      const recent = (await t.call(county, 'GET', `/api/stats/cadres?region=420323&since=${thisYear}`)).json();
      assert.deepEqual(recent.sent, { since: thisYear, cadres: 1, stationings: 1 }); // fs3
      const names = (await t.call(county, 'GET', `/api/cadres?region=420323&sentSince=${thisYear}`))
        .json()
        .items.map((c: { name: string }) => c.name);
      assert.deepEqual(names, ['fs3']);
      const leigu = (await t.call(county, 'GET', `/api/stats/cadres?region=${TWP_LEIGU}`)).json();
      assert.equal(leigu.sent.cadres, 5); // fs1, tl1, tm1, tm2 in A and fs2 in B, both of 擂鼓镇
      assert.equal((await t.call(county, 'GET', '/api/stats/cadres?region=420323&since=1999')).statusCode, 400);
    });

    it('counts the units above the county and the enterprises paired with villages, drilling to the pairings', async () => {
      const { t, county } = app();
      const s = (await t.call(county, 'GET', '/api/stats/cadres?region=420323')).json();
      // The city unit's pairing ended yesterday; the county and township units do not count.
      assert.equal(s.higherUnits, 0);
      assert.deepEqual(s.enterprises, { partners: 1, villages: 1 });
      const total = async (query: string) =>
        (await t.call(county, 'GET', `/api/pairings?region=420323&kind=unit_village&${query}`)).json().total;
      assert.equal(await total('unitLevel=central,provincial,city'), s.higherUnits);
      assert.equal(await total('unitLevel=central,provincial,city&active=all'), 1);
      assert.equal(await total('unitLevel=county'), 1);
      const bad = await t.call(county, 'GET', '/api/pairings?region=420323&unitLevel=galactic');
      assert.equal(bad.statusCode, 400);
    });

    it('counts pairs by kind, pairing cadres, paired households and households per cadre', async () => {
      const { t, county } = app();
      const s = (await t.call(county, 'GET', '/api/stats/cadres?region=420323')).json();
      assert.deepEqual(s.pairs, [
        { kind: 'cadre_household', pairs: 4 },
        { kind: 'village_village', pairs: 1 },
        { kind: 'unit_village', pairs: 2 },
        { kind: 'enterprise_village', pairs: 1 },
        { kind: 'member_member', pairs: 1 },
      ]);
      assert.equal(s.pairingCadres, 3);
      assert.equal(s.pairedHouseholds, 4);
      assert.deepEqual(s.householdsPerPairingCadre, [
        { households: 1, cadres: 2 },
        { households: 2, cadres: 1 },
      ]);
    });

    it('counts approved recalls by reason and the pending ones', async () => {
      const { t, county } = app();
      const s = (await t.call(county, 'GET', '/api/stats/cadres?region=420323')).json();
      assert.deepEqual(s.recalls, {
        total: 2,
        pending: 1,
        byReason: [
          { reason: 'ineffective', count: 1 },
          { reason: 'health', count: 1 },
          { reason: 'discipline', count: 0 },
          { reason: 'other', count: 0 },
        ],
      });
      const twp = (await t.call(county, 'GET', `/api/stats/cadres?region=${TWP_LEIGU}`)).json();
      assert.equal(twp.recalls.total, 1);
      assert.equal(twp.recalls.byReason[1].count, 1);
    });

    it('distributes the days in the village this year and counts the cadres behind the pace', async () => {
      const { t, county, id } = app();
      const s = (await t.call(county, 'GET', '/api/stats/cadres?region=420323')).json();
      // The yearly totals (attendance_year) and the daily rows give the same days, cadre by cadre.
      const keys = ['fs1', 'fs2', 'tl1', 'tm1', 'fs3', 'tl3', 'tm3'];
      const ids = keys.map((k) => id[k]!);
      const duty = await villageDays(t.db, year, { personIds: ids }, today);
      const daily = await daysInRange(t.db, yearStart, today, { ranges: 'all' });
      const daysOf = (pid: number) => {
        const d = duty.get(pid);
        const r = daily.get(pid);
        assert.deepEqual(
          [d?.checkInDays ?? 0, d?.approvedLeaveDays ?? 0],
          [r?.checkInDays ?? 0, r?.approvedLeaveDays ?? 0],
        );
        return (d?.checkInDays ?? 0) + (d?.approvedLeaveDays ?? 0);
      };
      const days = ids.map(daysOf);
      assert.equal(days[0], fs1CheckIns + fs1Leave);
      const since = (k: string) => (k === 'fs3' ? today : '2025-03-01');
      const behind = keys.filter(
        (k, i) =>
          villagePace({
            checkInDays: days[i]!,
            approvedLeaveDays: 0,
            today,
            stationedSince: since(k),
            yearlyMinimum: 200,
          }).behind,
      ).length;
      assert.deepEqual(s.days, { year, minimum: 200, behind, distribution: dayDistribution(days) });
      if (elapsed >= 60) {
        // the usual case: fs1 55 check-ins + 3 days of approved leave = 58; tm1 10 check-ins + 4 leave days
        // not checked in present (8–13 less 8, 9) = 14; fs3 started today and is not behind
        assert.deepEqual(days, [58, 0, 0, 14, 0, 0, 0]);
        assert.equal(s.days.behind, 6);
        assert.deepEqual(
          s.days.distribution.map((b: { cadres: number }) => b.cadres),
          [6, 1, 0, 0, 0],
        );
      }
    });

    it('narrows to a township and defaults to the caller’s first scope', async () => {
      const { t, county, township, leiguVillages } = app();
      const explicit = (await t.call(county, 'GET', `/api/stats/cadres?region=420323104`)).json();
      const implicit = await t.call(township, 'GET', '/api/stats/cadres');
      assert.equal(implicit.statusCode, 200, implicit.body);
      const s = implicit.json();
      assert.deepEqual(s, { ...explicit, today: s.today });
      assert.equal(s.region.code, TWP_LEIGU);
      assert.equal(s.firstSecretaries, 2);
      assert.equal(s.teamCadres, 2);
      assert.equal(s.stationed, 4);
      assert.equal(s.smallTeams, 2);
      assert.deepEqual(s.aged45OrUnder, { count: 2, share: 0.5 }); // fs1, tl1
      assert.equal(s.pairs[0].pairs, 3);
      assert.equal(s.byChild.length, leiguVillages);
      const a = s.byChild.find((c: { code: string }) => c.code === A);
      assert.deepEqual(a, {
        code: A,
        name: '董家沟村',
        villages: 1,
        villagesWithTeam: 1,
        firstSecretaries: 1,
        teamCadres: 2,
        teams: 1,
      });
      const village = (await t.call(county, 'GET', `/api/stats/cadres?region=${A}`)).json();
      assert.equal(village.villages, 1);
      assert.deepEqual(village.byChild, []);
      assert.equal(village.stationed, 3);
    });

    it('shows a complete village with names', async () => {
      const { t, county, id } = app();
      const res = await t.call(county, 'GET', `/api/villages/${A}/five-ones`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), {
        code: A,
        name: '董家沟村',
        townshipCode: TWP_LEIGU,
        townshipName: '擂鼓镇',
        poor: true,
        complete: true,
        missing: [],
        present: {
          county_leader: [{ id: id.cl1, name: 'cl1' }],
          township_leader: [{ id: id.tw1, name: 'tw1' }],
          paired_unit: [{ id: id.unitCounty, name: '县财政局', level: 'county' }],
          first_secretary: [{ id: id.fs1, name: 'fs1' }],
          instructor: [{ id: id.in1, name: 'in1' }],
        },
        otherUnits: [],
      });
    });

    it('does not let a township-level unit, a future or an ended station fill a gap', async () => {
      const { t, county, B, id } = app();
      const b = (await t.call(county, 'GET', `/api/villages/${B}/five-ones`)).json();
      assert.equal(b.complete, false);
      assert.deepEqual(b.missing, ['county_leader', 'township_leader', 'paired_unit', 'instructor']);
      assert.deepEqual(b.present.first_secretary, [{ id: id.fs2, name: 'fs2' }]); // not fsF (tomorrow)
      assert.deepEqual(b.present.paired_unit, []);
      assert.deepEqual(b.otherUnits, [{ id: id.unitTownship, name: '擂鼓镇政府', level: 'township' }]);
      const c = (await t.call(county, 'GET', `/api/villages/${C}/five-ones`)).json();
      assert.deepEqual(c.missing, ['township_leader', 'paired_unit', 'instructor']); // city pairing ended
      assert.deepEqual(c.present.county_leader, [{ id: id.cl1, name: 'cl1' }]);
      assert.deepEqual(c.present.instructor, []);
      assert.equal(c.poor, false);
    });

    it('refuses a region that is not a village and an unknown one', async () => {
      const { t, county } = app();
      const twp = await t.call(county, 'GET', `/api/villages/${TWP_LEIGU}/five-ones`);
      assert.equal(twp.statusCode, 400, twp.body);
      assert.equal(twp.json().error.details[0].path, 'code');
      assert.equal((await t.call(county, 'GET', '/api/villages/420323104999/five-ones')).statusCode, 404);
      assert.equal((await t.call(county, 'GET', '/api/villages/12ab/five-ones')).statusCode, 400);
      assert.equal((await t.call(county, 'GET', '/api/stats/cadres?region=420323199')).statusCode, 404);
      assert.equal((await t.call(county, 'GET', '/api/five-ones?region=420323199')).statusCode, 404);
      assert.equal((await t.call(county, 'GET', '/api/five-ones?kind=mayor')).statusCode, 400);
      assert.equal((await t.call(county, 'GET', '/api/five-ones?pageSize=201')).statusCode, 400);
      assert.equal((await t.call(null, 'GET', '/api/five-ones')).statusCode, 401);
    });

    it('lists every village of the county with its gaps and totals', async () => {
      const { t, county, countyVillages } = app();
      const res = await t.call(county, 'GET', '/api/five-ones?region=420323&pageSize=200');
      assert.equal(res.statusCode, 200, res.body);
      const l = res.json();
      const n = countyVillages;
      assert.equal(l.total, n);
      assert.equal(l.villages, n);
      assert.equal(l.complete, 1);
      assert.deepEqual(l.gaps, [
        { kind: 'county_leader', villages: n - 2 },
        { kind: 'township_leader', villages: n - 1 },
        { kind: 'paired_unit', villages: n - 1 },
        { kind: 'first_secretary', villages: n - 3 },
        { kind: 'instructor', villages: n - 1 },
      ]);
      assert.equal(l.items.length, 200);
      const a = l.items.find((v: { code: string }) => v.code === A);
      assert.deepEqual(a, {
        code: A,
        name: '董家沟村',
        townshipCode: TWP_LEIGU,
        townshipName: '擂鼓镇',
        poor: true,
        complete: true,
        missing: [],
        present: { county_leader: 1, township_leader: 1, paired_unit: 1, first_secretary: 1, instructor: 1 },
      });
      const c = l.items.find((v: { code: string }) => v.code === C);
      assert.deepEqual(c.present, {
        county_leader: 1,
        township_leader: 0,
        paired_unit: 0,
        first_secretary: 1,
        instructor: 0,
      });
      const codes = l.items.map((v: { code: string }) => v.code);
      assert.deepEqual(codes, [...codes].sort());
      const page2 = (await t.call(county, 'GET', '/api/five-ones?region=420323&pageSize=200&page=2')).json();
      assert.equal(page2.items.length, n - 200);
      assert.ok(!page2.items.some((v: { code: string }) => codes.includes(v.code)));
    });

    it('filters by gap, by kind and to poor villages', async () => {
      const { t, county, township, B, countyVillages, leiguVillages } = app();
      const gaps = (await t.call(county, 'GET', '/api/five-ones?region=420323&missing=true&pageSize=5')).json();
      assert.equal(gaps.total, countyVillages - 1);
      assert.equal(gaps.items.length, 5);
      assert.equal(gaps.villages, countyVillages);
      const fs = (await t.call(county, 'GET', '/api/five-ones?region=420323&kind=first_secretary&pageSize=200')).json();
      assert.equal(fs.total, countyVillages - 3);
      assert.ok(!fs.items.some((v: { code: string }) => [A, B, C].includes(v.code)));
      const poor = (await t.call(county, 'GET', '/api/five-ones?region=420323&poorOnly=true')).json();
      assert.equal(poor.total, 2);
      assert.equal(poor.villages, 2);
      assert.equal(poor.complete, 1);
      assert.deepEqual(
        poor.items.map((v: { code: string; missing: string[] }) => [v.code, v.missing]),
        [
          [B, ['county_leader', 'township_leader', 'paired_unit', 'instructor']],
          [A, []],
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      );
      const poorGaps = (await t.call(township, 'GET', '/api/five-ones?missing=true&poorOnly=true')).json();
      assert.equal(poorGaps.region.code, TWP_LEIGU);
      assert.deepEqual(
        poorGaps.items.map((v: { code: string }) => v.code),
        [B],
      );
      const instructor = (await t.call(township, 'GET', '/api/five-ones?kind=instructor&pageSize=200')).json();
      assert.equal(instructor.total, leiguVillages - 1);
      assert.ok(instructor.items.every((v: { townshipCode: string }) => v.townshipCode === TWP_LEIGU));
    });
  });
}
