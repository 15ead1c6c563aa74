// The register's statistics over the Scope: the region named (400 malformed, 404 unknown, 403 outside the caller's
// scope) or, without one, the caller's first scope; the numbers count only households inside the region.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { household, idNumber } from './fixtures.ts';
import { DIALECTS, eachTest } from './harness.ts';

const DONG = '420323104211'; // 董家沟村, 擂鼓镇
const ZAOYUAN = '420323104205'; // 枣园村, 擂鼓镇
const LONGJING = '420323103211'; // 龙井村, 宝丰镇

const member = (name: string, seq: number) => ({ name, idNumber: idNumber('1980-01-01', seq), relation: 'head' });

for (const dialect of DIALECTS) {
  describe(`register statistics keep to the caller's scope [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      await saveHouseholds(t.db, '420323000000', [
        household('DJG-1', DONG) as never, // poor, 2 persons
        household('DJG-2', DONG, { status: 'exited', members: [member('王五', 21)] }) as never,
        household('ZY-1', ZAOYUAN, { members: [member('赵六', 22)] }) as never, // poor, 1 person
        household('LJ-1', LONGJING, { members: [member('钱七', 23)] }) as never, // poor, 1 person
      ]);
      return {};
    });

    it('without a region: the village of a village user, the township of a township user', async () => {
      const { t } = app();
      const village = await t.as('village', DONG);
      const own = await t.call(village, 'GET', '/api/stats/poverty');
      assert.equal(own.statusCode, 200, own.body);
      assert.deepEqual(own.json().region, { code: DONG, name: '董家沟村', level: 'village' });
      // A village's children are its groups (these households have none).
      assert.ok(own.json().items.every((i: { level: string }) => i.level === 'group'));
      const breakdown = (await t.call(village, 'GET', '/api/stats/register?year=2019')).json();
      assert.equal(breakdown.region.code, DONG);
      assert.deepEqual(
        breakdown.byStatus.map((c: { code: string; households: number }) => [c.code, c.households]),
        [
          ['exited', 1],
          ['poor', 1],
        ],
      );
      const township = await t.as('township', '420323104');
      const leigu = (await t.call(township, 'GET', '/api/stats/poverty')).json();
      assert.equal(leigu.region.code, '420323104000');
      const byVillage = Object.fromEntries(
        leigu.items.map((i: { code: string; poorPersons: number }) => [i.code, i.poorPersons]),
      );
      assert.deepEqual([byVillage[DONG], byVillage[ZAOYUAN]], [2, 1]);
      assert.deepEqual([leigu.total.households, leigu.total.poorPersons], [3, 3]);
    });

    it('a region outside the scope answers 403, an unknown one 404, a malformed one 400', async () => {
      const { t } = app();
      const village = await t.as('village', DONG);
      for (const path of ['/api/stats/poverty', '/api/stats/register']) {
        for (const [region, status] of [
          [ZAOYUAN, 403],
          ['420323104', 403], // the village user's own township is above its scope
          [LONGJING, 403],
          ['420323104299', 404],
          ['42x', 400],
        ] as const) {
          const res = await t.call(village, 'GET', `${path}?region=${region}`);
          assert.equal(res.statusCode, status, `${path} ${region}: ${res.body}`);
          assert.doesNotMatch(res.body, /"items"|"byStatus"/);
        }
      }
      const inspector = await t.as('inspector', '420323104');
      assert.equal((await t.call(inspector, 'GET', `/api/stats/register?region=${DONG}`)).statusCode, 200);
      assert.equal((await t.call(null, 'GET', '/api/stats/poverty')).statusCode, 401);
    });

    it("a county user's county statistics count its households only, a national admin's default is the nation", async () => {
      const { t } = app();
      const county = await t.as('county', '420323');
      const zhushan = (await t.call(county, 'GET', '/api/stats/poverty?region=420323')).json();
      const leigu = zhushan.items.find((i: { code: string }) => i.code === '420323104000');
      const baofeng = zhushan.items.find((i: { code: string }) => i.code === '420323103000');
      assert.deepEqual([leigu.households, baofeng.households, zhushan.total.households], [3, 1, 4]);
      const other = await t.as('county', '420322');
      const yunxi = (await t.call(other, 'GET', '/api/stats/poverty')).json();
      assert.equal(yunxi.region.code, '420322000000');
      assert.equal(yunxi.total.households, 0);
      const admin = await t.as('admin', '000000000000');
      const nation = await t.call(admin, 'GET', '/api/stats/register');
      assert.equal(nation.statusCode, 200, nation.body);
      assert.equal(nation.json().region.level, 'nation');
      assert.equal(
        nation.json().byStatus.reduce((a: number, c: { households: number }) => a + c.households, 0),
        4,
      );
    });
  });
}
