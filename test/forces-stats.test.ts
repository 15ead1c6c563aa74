// Help-force statistics (帮扶力量统计) over the hand-built dataset of forces-world.ts, with exact figures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { villagePace } from '../src/core/modules/cadres/rules.ts';
import { daysInRange, villageDays } from '../src/core/modules/duty/days.ts';
import { dayDistribution } from '../src/core/modules/stats/forces-rules.ts';
import { DIALECTS, eachTest } from './harness.ts';
import { A, dataset, elapsed, fs1CheckIns, fs1Leave, today, TWP_LEIGU, year, yearStart } from './forces-world.ts';

for (const dialect of DIALECTS) {
  describe(`help-force statistics [${dialect}]`, () => {
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

    it('has one definition of the stationed cadres and of those behind the pace: each figure is the total of its list', async () => {
      const { t, county, township, id } = app();
      for (const region of ['420323', TWP_LEIGU, A]) {
        const s = (await t.call(county, 'GET', `/api/stats/cadres?region=${region}`)).json();
        const total = async (path: string) => {
          const res = await t.call(county, 'GET', path);
          assert.equal(res.statusCode, 200, res.body);
          return res.json() as { total: number; behind?: number; items: { personId: number }[] };
        };
        // 在岗驻村干部 → the cadre list (stationed=true) and the days summary of this year list the same cadres.
        const cadres = await total(`/api/cadres?region=${region}&stationed=true&pageSize=100`);
        const summary = await total(`/api/attendance/summary?region=${region}&pageSize=100`);
        assert.equal(cadres.total, s.stationed, region);
        assert.equal(summary.total, s.stationed, region);
        // 在村天数落后 → the summary with behind=true.
        const behind = await total(`/api/attendance/summary?region=${region}&behind=true&pageSize=100`);
        assert.equal(behind.total, s.days.behind, region);
        assert.equal(summary.behind, s.days.behind, region);
        assert.equal(
          s.days.distribution.reduce((a: number, b: { cadres: number }) => a + b.cadres, 0),
          s.stationed,
          region,
        );
        // 第一书记 and 工作队队员 count stationings: the station list of those roles has as many rows.
        const stations = async (roles: string) =>
          (await total(`/api/stations?region=${region}&role=${roles}&pageSize=100`)).total;
        assert.equal(await stations('first_secretary'), s.firstSecretaries, region);
        assert.equal(await stations('team_leader,team_member'), s.teamCadres, region);
        assert.equal(
          await stations('first_secretary,team_leader,team_member'),
          s.firstSecretaries + s.teamCadres,
          region,
        );
      }
      assert.equal((await t.call(county, 'GET', '/api/stations?region=420323&role=mayor')).statusCode, 400);
      // tm2 ended yesterday with 100 days checked in this year: stationed this year, but not now — in neither.
      const summary = (await t.call(township, 'GET', `/api/attendance/summary?region=${A}`)).json();
      assert.ok(!summary.items.some((r: { personId: number }) => r.personId === id.tm2));
      assert.deepEqual(summary.items.map((r: { name: string }) => r.name).sort(), ['fs1', 'tl1', 'tm1']);
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
  });
}
