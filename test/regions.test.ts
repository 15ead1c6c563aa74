import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { upsertRegions } from '../src/core/modules/regions/repo.ts';
import { replaceGrants } from '../src/core/modules/users/repo.ts';
import { createSession } from '../src/core/modules/users/sessions.ts';
import { buildUser } from './factories.ts';
import { ZHUSHAN_TOWNSHIPS } from './fixtures.ts';
import { DIALECTS, eachTest, type TestApp } from './harness.ts';

const DONG = '420323104211';

for (const dialect of DIALECTS) {
  describe(`regions [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({
      county: await t.as('county', '420323', 'cty'),
      village: await t.as('village', DONG, 'vil'),
    }));

    it('shows the county user the 17 real townships of 竹山县', async () => {
      const { t, county } = app();
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
      const { t, village } = app();
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

    it('roots: the provinces for a national scope, the tops of several scopes, nested ones once', async () => {
      const { t } = app();
      const admin = await t.as('admin', '000000000000');
      const provinces = (await t.call(admin, 'GET', '/api/regions/roots')).json().items;
      assert.ok(provinces.length > 0);
      assert.ok(provinces.every((r: { level: string }) => r.level === 'province'));
      assert.ok(provinces.some((r: { name: string }) => r.name === '湖北省'));
      // A county with a village inside it, and a village of another county: two roots.
      const { id } = await buildUser(t.db, 'county', '420323', 'multi');
      await replaceGrants(t.db, id, [
        { role: 'county', scopeCode: '420323000000' },
        { role: 'village', scopeCode: DONG },
        { role: 'village', scopeCode: '420322100001' },
      ]);
      const s = await createSession(t.db, id, 8, {});
      const multi = { cookie: `xh_sid=${s.token}`, csrf: s.csrfToken };
      const roots = (await t.call(multi, 'GET', '/api/regions/roots')).json().items;
      assert.deepEqual(
        roots.map((r: { code: string; isLeaf: boolean; childCount: number }) => r.code),
        ['420322100001', '420323000000'],
      );
      assert.equal(roots[1].childCount, 17);
      assert.equal(roots[1].isLeaf, false);
    });

    it('answers bad codes with 400 and unknown ones with 404, never 500', async () => {
      const { t, county } = app();
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
      const { t, county, village } = app();
      const read = await t.call(county, 'GET', `/api/regions/${DONG}`);
      assert.equal(read.json().version, 1);
      assert.equal(read.headers.etag, '"1"');
      const bad = await t.call(county, 'PATCH', `/api/regions/${DONG}/flags`, { poorVillage: 'yes', version: 1 });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].path, 'poorVillage');
      const res = await t.call(county, 'PATCH', `/api/regions/${DONG}/flags`, {
        poorVillage: true,
        deepPovertyVillage: true,
        version: 1,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().flags.poorVillage, true);
      assert.equal(res.json().version, 2);
      assert.equal(res.headers.etag, '"2"');
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'update_flags')
        .executeTakeFirstOrThrow();
      assert.equal(JSON.parse(audit.before_json!).poorVillage, false);
      assert.equal(JSON.parse(audit.after_json!).poorVillage, true);
      assert.equal(audit.username, 'cty');
      assert.equal(
        (await t.call(village, 'PATCH', `/api/regions/${DONG}/flags`, { poorVillage: false, version: 2 })).statusCode,
        403,
      );
    });

    it('flags: 428 without a version; a stale write gets 409 with the region as it is now', async () => {
      const { t, county } = app();
      const other = await t.as('county', '420323');
      const none = await t.call(county, 'PATCH', `/api/regions/${DONG}/flags`, { poorVillage: true });
      assert.equal(none.statusCode, 428, none.body);
      const first = await t.call(other, 'PATCH', `/api/regions/${DONG}/flags`, { poorVillage: true, version: 1 });
      assert.equal(first.statusCode, 200, first.body);
      const stale = await t.call(county, 'PATCH', `/api/regions/${DONG}/flags`, { poorVillage: false, version: 1 });
      assert.equal(stale.statusCode, 409, stale.body);
      const err = stale.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.equal(err.current.version, 2);
      assert.equal(err.current.flags.poorVillage, true);
      assert.equal(err.current.name, '董家沟村');
      const now = (await t.call(county, 'GET', `/api/regions/${DONG}`)).json();
      assert.deepEqual([now.flags.poorVillage, now.version], [true, 2]);
      // If-Match carries the version as well.
      const ifMatch = await t.call(
        county,
        'PATCH',
        `/api/regions/${DONG}/flags`,
        { poorVillage: false },
        {
          'if-match': '"2"',
        },
      );
      assert.equal(ifMatch.statusCode, 200, ifMatch.body);
    });

    it('flags: two editors at once — exactly one 200 and one 409', async () => {
      const { t, county } = app();
      const other = await t.as('county', '420323');
      const results = await Promise.all([
        t.call(county, 'PATCH', `/api/regions/${DONG}/flags`, { poorVillage: true, version: 1 }),
        t.call(other, 'PATCH', `/api/regions/${DONG}/flags`, { deepPovertyVillage: true, version: 1 }),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const now = (await t.call(county, 'GET', `/api/regions/${DONG}`)).json();
      assert.equal(now.version, 2);
      assert.equal(now.flags.poorVillage, results[0]!.statusCode === 200);
      assert.equal(now.flags.deepPovertyVillage, results[1]!.statusCode === 200);
    });

    it('a reload of the division data moves the version on, so a flags form read before it is stale', async () => {
      const { t, county } = app();
      await upsertRegions(t.db, [
        {
          code: DONG,
          name: '董家沟村',
          officialName: '董家沟村委会',
          level: 'village',
          parentCode: '420323104000',
          western: false,
        },
      ]);
      const stale = await t.call(county, 'PATCH', `/api/regions/${DONG}/flags`, { poorVillage: true, version: 1 });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error.current.version, 2);
    });

    it('adds groups under a village only, with a default name', async () => {
      const { t, county, village } = app();
      const res = await t.call(village, 'POST', `/api/regions/${DONG}/groups`, { no: 3 });
      assert.equal(res.statusCode, 201);
      assert.deepEqual([res.json().code, res.json().name, res.json().level], ['420323104211003', '三组', 'group']);
      assert.equal((await t.call(village, 'POST', `/api/regions/${DONG}/groups`, { no: 3 })).statusCode, 409);
      assert.equal((await t.call(county, 'POST', '/api/regions/420323104/groups', { no: 1 })).statusCode, 400);
      const children = (await t.call(village, 'GET', `/api/regions/${DONG}/children`)).json().items;
      assert.deepEqual(
        children.map((c: { name: string }) => c.name),
        ['三组'],
      );
    });

    it('finds regions by name inside the scope only', async () => {
      const { t, county, village } = app();
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

    it('every region endpoint refuses a foreign village and township (403), and their lists stay inside', async () => {
      const { t } = app();
      const foreign = {
        village: await t.as('village', '420323103211'),
        township: await t.as('township', '420323103'),
      };
      const calls = (tt: TestApp, s: Awaited<ReturnType<TestApp['as']>>) => [
        tt.call(s, 'GET', `/api/regions/${DONG}`),
        tt.call(s, 'GET', `/api/regions/${DONG}/children`),
        tt.call(s, 'GET', '/api/regions/420323104'),
        tt.call(s, 'PATCH', `/api/regions/${DONG}/flags`, { poorVillage: true, version: 1 }),
        tt.call(s, 'POST', `/api/regions/${DONG}/groups`, { no: 7 }),
      ];
      for (const [who, s] of Object.entries(foreign)) {
        for (const res of await Promise.all(calls(t, s)))
          assert.equal(res.statusCode, 403, `${who} ${res.body.slice(0, 200)}`);
        const found = (await t.call(s, 'GET', `/api/regions/search?q=${encodeURIComponent('董家沟')}`)).json();
        assert.deepEqual(found.items, [], who);
        const roots = (await t.call(s, 'GET', '/api/regions/roots')).json().items;
        assert.ok(
          roots.every((r: { code: string }) => r.code.startsWith('420323103')),
          who,
        );
      }
      const dong = (await t.db.selectFrom('region').selectAll().where('code', '=', DONG).executeTakeFirstOrThrow())!;
      assert.deepEqual([dong.poor_village, dong.version], [0, 1]);
    });
  });
}
