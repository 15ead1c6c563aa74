/**
 * Imports update by code as before, and move the version of every record they update: a household re-imported
 * (the register's saveHouseholds), a cadre updated by ID number. A form holding the old version then gets 409 with
 * the imported record instead of overwriting it (no lost update), and an import and a form at the same moment lose
 * nothing. Stations and pairings only create records (a row already there is skipped): they start at version 1 and
 * a re-import moves nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { household as form } from './fixtures.ts';
import { DIALECTS, eachTest, type TestApp } from './harness.ts';
import {
  buildZhaoAndLi,
  CADRE_HEADERS,
  csvOf,
  DONGJIAGOU,
  forceSessions,
  household,
  PAIRING_HEADERS,
  STATION_HEADERS,
  upload,
  uploadTo,
  type Value,
  ZHAO,
} from './import-helpers.ts';

const versions = async (t: TestApp, table: 'household' | 'person' | 'stationing' | 'work_team' | 'pairing') =>
  (await t.db.selectFrom(table).select('version').orderBy('id').execute()).map((r) => r.version);

/** 赵一's row of the cadres workbook with `post`. */
const zhao = (post: string): Value[] => [
  '赵一',
  '男',
  '1980-01-02',
  ZHAO,
  '大学本科',
  '中共党员',
  '县农业农村局',
  post,
  null,
  '13800000002',
  '420323',
];

for (const dialect of DIALECTS) {
  describe(`imports move the versions of what they update [${dialect}]`, () => {
    const ctx = eachTest(dialect, async (t) => ({
      ...(await forceSessions(t)),
      village: await t.as('village', DONGJIAGOU),
    }));

    /** A household saved through the form (version 1): its id. */
    const created = async (t: TestApp, s: Parameters<TestApp['call']>[0], code: string) => {
      const res = await t.call(s, 'POST', '/api/households', form(code, DONGJIAGOU));
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().version, 1);
      return res.json().id as number;
    };

    it('a re-imported household moves on one version per import; a form that read the old one gets 409', async () => {
      const { t, village } = ctx();
      const id = await created(t, village, 'V1');
      const file = csvOf(household('V1', DONGJIAGOU, 2));
      const dry = (await upload(t.app, village, 'v1.csv', file, 'mode=dry-run')).json();
      assert.deepEqual([dry.updated, dry.errors], [1, []]);
      const read = async () => (await t.call(village, 'GET', `/api/households/${id}`)).json();
      assert.equal((await read()).version, 1, 'a dry run moves nothing');
      assert.equal((await upload(t.app, village, 'v1.csv', file)).json().updated, 1);
      assert.deepEqual([(await read()).version, (await read()).headName], [2, '户主V1']);
      // The form still holds version 1: its save would overwrite the import.
      const stale = await t.call(village, 'PUT', `/api/households/${id}`, {
        ...form('V1', DONGJIAGOU, { address: '一组 8 号' }),
        version: 1,
      });
      assert.equal(stale.statusCode, 409, stale.body);
      const err = stale.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.deepEqual([err.current.version, err.current.headName, err.current.members.length], [2, '户主V1', 2]);
      assert.equal((await read()).address, null, 'nothing of the stale save was written');
      assert.equal((await upload(t.app, village, 'v1.csv', file)).json().updated, 1);
      assert.equal((await read()).version, 3, 'the same file again: updated again, one more version');
      // Overwriting knowingly: the version from the conflict is stale again, the current one saves.
      const again = await t.call(village, 'PUT', `/api/households/${id}`, {
        ...form('V1', DONGJIAGOU, { address: '一组 8 号' }),
        version: 3,
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().version, 4);
    });

    it('an import and a form save at the same moment: the form loses with 409, or the import keeps its change', async () => {
      const { t, village } = ctx();
      const id = await created(t, village, 'V2');
      const [imported, saved] = await Promise.all([
        upload(t.app, village, 'v2.csv', csvOf(household('V2', DONGJIAGOU, 3))),
        t.call(village, 'PUT', `/api/households/${id}`, { ...form('V2', DONGJIAGOU, { address: '甲' }), version: 1 }),
      ]);
      assert.deepEqual([imported.statusCode, imported.json().updated], [200, 1], imported.body);
      const stored = (await t.call(village, 'GET', `/api/households/${id}`)).json();
      assert.deepEqual([stored.headName, stored.persons], ['户主V2', 3], 'the import is the last write either way');
      if (saved.statusCode === 200) {
        // The form saved first (version 2), the import updated it (3) and audited the form's address it overwrote.
        assert.equal(stored.version, 3);
        const audit = await t.db
          .selectFrom('audit_log')
          .select('before_json')
          .where('action', '=', 'import')
          .where('entity', '=', 'household')
          .where('entity_id', '=', String(id))
          .executeTakeFirstOrThrow();
        assert.equal(JSON.parse(audit.before_json!).household.address, '甲');
      } else {
        assert.equal(saved.statusCode, 409, saved.body);
        assert.deepEqual([saved.json().error.current.version, stored.version], [2, 2]);
      }
    });

    it('a cadre updated by ID number moves on one version; unchanged rows and dry runs move nothing', async () => {
      const { t, county } = ctx();
      const cadres = (post: string, query = 'mode=commit') =>
        uploadTo(t, county, 'cadres', 'c.csv', csvOf([zhao(post)], CADRE_HEADERS), query).then((r) => r.json());
      assert.equal((await cadres('科员')).created, 1);
      assert.deepEqual(await versions(t, 'person'), [1]);
      assert.equal((await cadres('副科长', 'mode=dry-run')).updated, 1);
      assert.deepEqual(await versions(t, 'person'), [1], 'a dry run moves nothing');
      assert.equal((await cadres('副科长')).updated, 1);
      assert.deepEqual(await versions(t, 'person'), [2]);
      assert.equal((await cadres('副科长')).unchanged, 1);
      assert.deepEqual(await versions(t, 'person'), [2], 'nothing to write: the version stays');
      const post = await t.db.selectFrom('person').select('post').executeTakeFirstOrThrow();
      assert.equal(post.post, '副科长');
    });

    it('two imports updating one cadre at once: one version per update, none lost', async () => {
      const { t, county } = ctx();
      const file = (post: string) => csvOf([zhao(post)], CADRE_HEADERS);
      assert.equal((await uploadTo(t, county, 'cadres', 'c.csv', file('科员'))).json().created, 1);
      const [a, b] = (
        await Promise.all([
          uploadTo(t, county, 'cadres', 'a.csv', file('甲')),
          uploadTo(t, county, 'cadres', 'b.csv', file('乙')),
        ])
      ).map((r) => r.json());
      const updated = a.updated + b.updated;
      assert.ok(updated >= 1, JSON.stringify([a, b]));
      assert.deepEqual(await versions(t, 'person'), [1 + updated]);
      // A row that lost the race is refused (import it again), never written over the other's change.
      for (const r of [a, b].filter((r) => r.rejected)) assert.match(r.errors[0].message, /该干部在导入期间被他人修改/);
      const { post } = await t.db.selectFrom('person').select('post').executeTakeFirstOrThrow();
      assert.ok(['甲', '乙'].includes(post!), post!);
    });

    it('stations only create: version 1, a team joined keeps its version, a re-import moves nothing', async () => {
      const { t, county, unitId } = ctx();
      await buildZhaoAndLi(t, unitId);
      const file = csvOf(
        [
          [ZHAO, null, null, DONGJIAGOU, '第一书记', '董家沟村工作队', '2025-03-01', '2027-02-28'],
          [null, '李四', null, DONGJIAGOU, '驻村工作队长', '董家沟村工作队', '2025-03-01', '2027-02-28'],
        ],
        STATION_HEADERS,
      );
      const first = (await uploadTo(t, county, 'stations', 's.csv', file)).json();
      assert.deepEqual([first.created, first.errors], [2, []]);
      assert.deepEqual(await versions(t, 'stationing'), [1, 1]);
      assert.deepEqual(await versions(t, 'work_team'), [1], 'the team formed by the first row, joined by the second');
      const again = (await uploadTo(t, county, 'stations', 's.csv', file)).json();
      assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 2]);
      assert.deepEqual(await versions(t, 'stationing'), [1, 1]);
      assert.deepEqual(await versions(t, 'work_team'), [1]);
      assert.deepEqual(await versions(t, 'person'), [1, 1], 'the cadres are not written');
    });

    it('pairings only create: version 1, a re-import moves nothing (nor the household or the cadre)', async () => {
      const { t, county, unitId } = ctx();
      await buildZhaoAndLi(t, unitId);
      assert.equal((await upload(t.app, county, 'p1.csv', csvOf(household('P1', DONGJIAGOU, 1)))).json().created, 1);
      const file = csvOf(
        [
          ['干部结对帮扶户', 'P1', ZHAO, null, null, null, null, null, null, null, '2025-04-01', null],
          ['党员结对帮扶', null, null, null, DONGJIAGOU, null, null, null, '富一', '贫一', '2025-04-01', null],
        ],
        PAIRING_HEADERS,
      );
      assert.deepEqual((await uploadTo(t, county, 'pairings', 'p.csv', file)).json().created, 2);
      assert.deepEqual(await versions(t, 'pairing'), [1, 1]);
      const again = (await uploadTo(t, county, 'pairings', 'p.csv', file)).json();
      assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 2]);
      assert.deepEqual(await versions(t, 'pairing'), [1, 1]);
      assert.deepEqual([...(await versions(t, 'household')), ...(await versions(t, 'person'))], [1, 1, 1]);
    });
  });
}
