import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import type { Db } from '../src/core/db/index.ts';
import { DIALECTS, eachTest } from './harness.ts';

for (const dialect of DIALECTS) {
  describe(`demo county [${dialect}]`, () => {
    const app = eachTest(dialect);

    const snapshot = async (d: { db: Db }) => ({
      units: await d.db.selectFrom('command_unit').select(['kind', 'name', 'region_code']).orderBy('id').execute(),
      people: await d.db.selectFrom('person').select(['name', 'phone', 'region_code']).orderBy('id').execute(),
      users: await d.db.selectFrom('app_user').select('username').orderBy('username').execute(),
      groups: await d.db.selectFrom('region').select('code').where('level', '=', 'group').orderBy('code').execute(),
    });

    it('loads 竹山县 with groups, a full command hierarchy and the demo users, and is idempotent', async () => {
      const { t: d } = app();
      await loadDemo(d.db, { county: '420323', password: 'Xiuhua@2026', households: 0 });
      const first = await snapshot(d);
      const kinds = (k: string) => first.units.filter((u) => u.kind === k).length;
      assert.equal(kinds('county_hq'), 1);
      assert.equal(kinds('battle_zone'), 17);
      assert.equal(kinds('command_post'), 244);
      assert.equal(kinds('grid'), first.groups.length);
      assert.ok(first.groups.length >= 244 * 4);
      assert.deepEqual(
        first.users.map((u) => u.username),
        ['admin', 'baofeng', 'dongjiagou', 'inspector', 'leigu', 'zhushan'],
      );
      const zones = await d.db
        .selectFrom('command_unit')
        .select(['commander_id', 'leader_id'])
        .where('kind', '=', 'battle_zone')
        .execute();
      assert.ok(zones.every((z) => z.commander_id && z.leader_id));
      await loadDemo(d.db, { county: '420323', password: 'Xiuhua@2026', households: 0 });
      assert.deepEqual(await snapshot(d), first);
    });
  });
}
