// The five ones (五个一) per village over the hand-built dataset of forces-world.ts: names, gaps, filters, totals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIALECTS, eachTest } from './harness.ts';
import { A, C, dataset, TWP_LEIGU } from './forces-world.ts';

for (const dialect of DIALECTS) {
  describe(`the five ones of the villages [${dialect}]`, () => {
    const app = eachTest(dialect, dataset);

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
