import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildUser } from './factories.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';

for (const dialect of DIALECTS) {
  describe(`policy parameter ranges [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await testApp(dialect);
      await buildUser(t.db, 'admin', '000000000000', 'policy_admin');
      admin = await t.login('policy_admin');
    });
    after(() => t.close());

    it('refuses a poverty line of 1e308 with the accepted range in Chinese, and takes one at the bound', async () => {
      const put = (value: unknown) =>
        t.call(admin, 'PUT', '/api/policy/params', { key: 'poverty_line', year: 2027, value });
      const huge = await put(1e308);
      assert.equal(huge.statusCode, 400);
      assert.deepEqual(huge.json().error.details, [
        { path: 'value', message: '应为 1 到 100,000 之间的数（元/人·年）' },
      ]);
      const stored = await t.db.selectFrom('policy_param').select('key').where('year', '=', 2027).execute();
      assert.equal(stored.length, 0);
      assert.equal((await put(100_000)).statusCode, 204);
      const team = await t.call(admin, 'PUT', '/api/policy/params', { key: 'team_min_size', year: 0, value: 51 });
      assert.equal(team.json().error.details[0].message, '应为 1 到 50 之间的整数（人）');
    });
  });
}
