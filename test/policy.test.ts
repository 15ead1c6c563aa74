// Policy parameters and code lists: ranges, versions (no lost update), and who may set what (a value belongs to
// its province, or to the whole country).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

const NATION = '000000000000';

for (const dialect of DIALECTS) {
  describe(`policy parameter ranges [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({ admin: await t.as('admin', NATION, 'policy_admin') }));

    it('refuses a poverty line of 1e308 with the accepted range in Chinese, and takes one at the bound', async () => {
      const { t, admin } = app();
      const put = (value: unknown) =>
        t.call(admin, 'PUT', '/api/policy/params', { key: 'poverty_line', year: 2027, value });
      const huge = await put(1e308);
      assert.equal(huge.statusCode, 400);
      assert.deepEqual(huge.json().error.details, [
        { path: 'value', message: '应为 1 到 100,000 之间的数（元/人·年）' },
      ]);
      const stored = await t.db.selectFrom('policy_param').select('key').where('year', '=', 2027).execute();
      assert.equal(stored.length, 0);
      const ok = await put(100_000);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { key: 'poverty_line', province: '', year: 2027, value: 100_000, version: 1 });
      const team = await t.call(admin, 'PUT', '/api/policy/params', { key: 'team_min_size', year: 0, value: 51 });
      assert.equal(team.json().error.details[0].message, '应为 1 到 50 之间的整数（人）');
    });
  });

  describe(`policy versions [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({
      a: await t.as('admin', NATION, 'policy_a'),
      b: await t.as('admin', NATION, 'policy_b'),
    }));
    const line2024 = async (t: TestApp, s: Session) =>
      (await t.call(s, 'GET', '/api/policy/params'))
        .json()
        .items.find(
          (p: { key: string; province: string; year: number }) =>
            p.key === 'poverty_line' && p.province === '' && p.year === 2024,
        );
    const setLine = (t: TestApp, s: Session, value: number, version?: number) =>
      t.call(s, 'PUT', '/api/policy/params', { key: 'poverty_line', year: 2024, value, version });

    it('everyone logged in reads the values with their versions', async () => {
      const { t } = app();
      const village = await t.as('village', '420323104211');
      const read = await t.call(village, 'GET', '/api/policy/params');
      assert.equal(read.statusCode, 200);
      const line = read
        .json()
        .items.find((p: { key: string; year: number }) => p.key === 'poverty_line' && p.year === 2024);
      assert.deepEqual(line, { key: 'poverty_line', province: '', year: 2024, value: 4700, version: 1 });
      const codes = await t.call(village, 'GET', '/api/code-lists');
      assert.equal(codes.json().lists.cause.find((c: { code: string }) => c.code === 'illness').version, 1);
    });

    it('two editors, one after the other: the stale write gets 409 with the current value, nothing lost', async () => {
      const { t, a, b } = app();
      const { version } = await line2024(t, a);
      const first = await setLine(t, b, 4750, version);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, version + 1);
      const second = await setLine(t, a, 4800, version);
      assert.equal(second.statusCode, 409, second.body);
      const err = second.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.deepEqual(err.current, { key: 'poverty_line', province: '', year: 2024, value: 4750, version: 2 });
      assert.equal((await line2024(t, a)).value, 4750);
      // Overwriting consciously, with the version from the conflict.
      assert.equal((await setLine(t, a, 4800, err.current.version)).statusCode, 200);
      assert.equal((await line2024(t, b)).value, 4800);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['username', 'before_json', 'after_json'])
        .where('entity', '=', 'policy_param')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((r) => [r.username, JSON.parse(r.before_json!).value, JSON.parse(r.after_json!).value]),
        [
          ['policy_b', 4700, 4750],
          ['policy_a', 4750, 4800],
        ],
      );
    });

    it('two editors at once: exactly one 200 and one 409', async () => {
      const { t, a, b } = app();
      const results = await Promise.all([setLine(t, a, 4710, 1), setLine(t, b, 4720, 1)]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const winner = results.find((r) => r.statusCode === 200)!.json();
      const stored = await line2024(t, a);
      assert.deepEqual([stored.value, stored.version], [winner.value, 2]);
    });

    it('a value set without a version is created; when it exists, 409 with it (nobody overwrites unseen)', async () => {
      const { t, a } = app();
      const exists = await setLine(t, a, 4900);
      assert.equal(exists.statusCode, 409, exists.body);
      assert.equal(exists.json().error.current.value, 4700);
      assert.equal((await line2024(t, a)).value, 4700);
      const created = await t.call(a, 'PUT', '/api/policy/params', {
        key: 'poverty_line',
        province: '42',
        year: 2024,
        value: 5100,
      });
      assert.equal(created.statusCode, 200, created.body);
      assert.equal(created.json().version, 1);
      // A version for a value that does not exist is no creation.
      const ghost = await t.call(a, 'PUT', '/api/policy/params', {
        key: 'poverty_line',
        province: '43',
        year: 2024,
        value: 5100,
        version: 1,
      });
      assert.equal(ghost.statusCode, 404, ghost.body);
    });

    it('a code keeps its version too; the housing grades (A–D) can be relabelled', async () => {
      const { t, a, b } = app();
      const put = (s: Session, zh: string, version?: number) =>
        t.call(s, 'PUT', '/api/code-lists/housing_grade/A', { zh, en: 'A (safe)', version });
      const first = await put(a, 'A级（安全，已鉴定）', 1);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, 2);
      const stale = await put(b, 'A级', 1);
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.current.zh, 'A级（安全，已鉴定）');
      assert.equal((await put(b, 'A级')).statusCode, 409, 'no version: the code exists');
      const added = await t.call(a, 'PUT', '/api/code-lists/cause/flood_2026', { zh: '洪灾', en: 'Flood' });
      assert.equal(added.statusCode, 200, added.body);
      assert.deepEqual(added.json(), {
        code: 'flood_2026',
        zh: '洪灾',
        en: 'Flood',
        sortOrder: 999,
        active: true,
        version: 1,
      });
      const bad = await t.call(a, 'PUT', '/api/code-lists/cause/Bad-Code', { zh: 'x', en: 'x' });
      assert.equal(bad.json().error.details[0].path, 'code');
    });
  });

  describe(`policy scope [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({
      county: await t.as('admin', '420323', 'county_admin'),
      province: await t.as('admin', '42', 'hubei_admin'),
    }));
    const set = (t: TestApp, s: Session, province: string, value = 7000, year = 2030) =>
      t.call(s, 'PUT', '/api/policy/params', { key: 'monitoring_threshold', province, year, value });

    it('a value belongs to its province or the nation: an administrator sets only those its scope holds', async () => {
      const { t, county, province } = app();
      assert.equal((await set(t, county, '')).statusCode, 403, 'a county administrator sets no national value');
      assert.equal((await set(t, county, '42')).statusCode, 403, 'nor its province’s');
      assert.equal((await set(t, province, '')).statusCode, 403, 'a province administrator sets no national value');
      assert.equal((await set(t, province, '43')).statusCode, 403, 'nor another province’s');
      const own = await set(t, province, '42');
      assert.equal(own.statusCode, 200, own.body);
      const rows = await t.db.selectFrom('policy_param').selectAll().where('year', '=', 2030).execute();
      assert.deepEqual(
        rows.map((r) => [r.province, JSON.parse(r.value)]),
        [['42', 7000]],
      );
    });

    it('the code lists are national: only a national administrator changes them', async () => {
      const { t, county, province } = app();
      for (const s of [county, province]) {
        const res = await t.call(s, 'PUT', '/api/code-lists/cause/illness', { zh: '因病', en: 'Illness', version: 1 });
        assert.equal(res.statusCode, 403, res.body);
      }
      const codes = await t.db.selectFrom('code_list').select('version').where('code', '=', 'illness').execute();
      assert.deepEqual(
        codes.map((c) => c.version),
        [1],
      );
    });
  });
}
