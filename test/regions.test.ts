import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildUser } from './factories.ts';
import { ZHUSHAN_TOWNSHIPS } from './fixtures.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';

for (const dialect of DIALECTS) {
  describe(`regions [${dialect}]`, () => {
    let t: TestApp;
    let county: Session;
    let village: Session;
    before(async () => {
      t = await testApp(dialect);
      await buildUser(t.db, 'county', '420323', 'cty');
      await buildUser(t.db, 'village', '420323104211', 'vil');
      county = await t.login('cty');
      village = await t.login('vil');
    });
    after(() => t.close());

    it('shows the county user the 17 real townships of 竹山县', async () => {
      const res = await t.call(county, 'GET', '/api/regions/420323/children');
      assert.equal(res.statusCode, 200);
      const items = res.json().items as { code: string; name: string; level: string; childCount: number }[];
      assert.deepEqual(
        items.map((i) => i.name),
        ZHUSHAN_TOWNSHIPS,
      );
      assert.ok(items.every((i) => i.level === 'township' && i.code.length === 12 && i.childCount > 0));
      const detail = (await t.call(county, 'GET', '/api/regions/420323')).json();
      assert.equal(detail.code, '420323000000');
      assert.equal(detail.name, '竹山县');
      assert.equal(detail.level, 'county');
      assert.equal(detail.parentCode, '420300000000');
      assert.equal(detail.counts.townships, 17);
      assert.ok(detail.counts.villages > 200);
      assert.deepEqual(
        detail.ancestors.map((a: { name: string }) => a.name),
        ['全国', '湖北省', '十堰市'],
      );
    });

    it('shows the village user only its village', async () => {
      const roots = (await t.call(village, 'GET', '/api/regions/roots')).json().items;
      assert.deepEqual(
        roots.map((r: { code: string; name: string }) => [r.code, r.name]),
        [['420323104211', '董家沟村']],
      );
      assert.equal((await t.call(village, 'GET', '/api/regions/420323104211')).statusCode, 200);
      for (const other of ['420323104', '420323', '420323103', '420323103211', '420322'])
        assert.equal((await t.call(village, 'GET', `/api/regions/${other}`)).statusCode, 403, other);
      assert.equal((await t.call(village, 'GET', '/api/regions/420323104/children')).statusCode, 403);
    });

    it('answers bad codes with 400 and unknown ones with 404, never 500', async () => {
      const cases: [string, number][] = [
        ['999999', 404],
        ['420323999', 404],
        [encodeURIComponent("420323' OR '1'='1"), 400],
        [encodeURIComponent('../'), 400],
        ['..%2F..%2Fetc', 400],
        ['x'.repeat(10_000), 400],
        ['42032', 400],
        ['%00', 400],
      ];
      for (const [code, status] of cases) {
        const res = await t.call(county, 'GET', `/api/regions/${code}`);
        assert.equal(res.statusCode, status, `${code.slice(0, 30)} → ${res.body.slice(0, 200)}`);
        assert.ok(res.json().error.message.length > 0);
      }
      const en = await t.call(county, 'GET', '/api/regions/999999', undefined, { 'accept-language': 'en-US' });
      assert.equal(en.json().error.message, 'Region not found: 999999');
      const zh = await t.call(county, 'GET', '/api/regions/999999');
      assert.equal(zh.json().error.message, '区域不存在：999999');
    });

    it('lets the county set flags, audits the change, and refuses a bad body without change', async () => {
      const bad = await t.call(county, 'PATCH', '/api/regions/420323104211/flags', { poorVillage: 'yes' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].path, 'poorVillage');
      const res = await t.call(county, 'PATCH', '/api/regions/420323104211/flags', {
        poorVillage: true,
        deepPovertyVillage: true,
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().flags.poorVillage, true);
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'update_flags')
        .executeTakeFirstOrThrow();
      assert.equal(JSON.parse(audit.before_json!).poorVillage, false);
      assert.equal(JSON.parse(audit.after_json!).poorVillage, true);
      assert.equal(audit.username, 'cty');
      assert.equal(
        (await t.call(village, 'PATCH', '/api/regions/420323104211/flags', { poorVillage: false })).statusCode,
        403,
      );
    });

    it('adds groups under a village only, with a default name', async () => {
      const res = await t.call(village, 'POST', '/api/regions/420323104211/groups', { no: 3 });
      assert.equal(res.statusCode, 201);
      assert.deepEqual([res.json().code, res.json().name, res.json().level], ['420323104211003', '三组', 'group']);
      assert.equal((await t.call(village, 'POST', '/api/regions/420323104211/groups', { no: 3 })).statusCode, 409);
      assert.equal((await t.call(county, 'POST', '/api/regions/420323104/groups', { no: 1 })).statusCode, 400);
      const children = (await t.call(village, 'GET', '/api/regions/420323104211/children')).json().items;
      assert.deepEqual(
        children.map((c: { name: string }) => c.name),
        ['三组'],
      );
    });

    it('finds regions by name inside the scope only', async () => {
      const res = (await t.call(county, 'GET', `/api/regions/search?q=${encodeURIComponent('董家沟')}`)).json();
      assert.deepEqual(
        res.items.map((i: { code: string }) => i.code),
        ['420323104211'],
      );
      const none = (await t.call(village, 'GET', `/api/regions/search?q=${encodeURIComponent('龙井')}`)).json();
      assert.deepEqual(none.items, []);
      const pct = (await t.call(county, 'GET', `/api/regions/search?q=${encodeURIComponent('%')}`)).json();
      assert.deepEqual(pct.items, []);
    });
  });
}
