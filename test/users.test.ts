// Users are scoped: a user belongs to the regions of its roles. An administrator lists the users holding a role
// inside its scope (with those roles; the others counted, not named) and changes only a user whose every role,
// before and after, lies inside its scope. An edit carries the version read: no lost update.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replaceGrants } from '../src/core/modules/users/repo.ts';
import { buildUser } from './factories.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

const NATION = '000000000000';
const DONG = '420323104211'; // 董家沟村, 擂鼓镇, 竹山县
const EAST = '420322100001'; // 东方居委会, 城关镇, 郧西县

interface Row {
  id: number;
  username: string;
  roles: { role: string; scopeCode: string; scopeName: string }[];
  rolesOutside: number;
  canEdit: boolean;
  version: number;
}

for (const dialect of DIALECTS) {
  describe(`users: scope and versions [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const dong = await buildUser(t.db, 'village', DONG, 'dong');
      const east = await buildUser(t.db, 'village', EAST, 'east');
      // Two counties: a village of 竹山县 and one of 郧西县.
      const both = await buildUser(t.db, 'village', DONG, 'both');
      await replaceGrants(t.db, both.id, [
        { role: 'village', scopeCode: DONG },
        { role: 'village', scopeCode: EAST },
      ]);
      // No role at all: belongs to no region but the nation.
      const none = await buildUser(t.db, 'village', DONG, 'none');
      await replaceGrants(t.db, none.id, []);
      return {
        national: await t.as('admin', NATION, 'national'),
        zhushan: await t.as('admin', '420323', 'zhushan_admin'),
        yunxi: await t.as('admin', '420322', 'yunxi_admin'),
        ids: { dong: dong.id, east: east.id, both: both.id, none: none.id },
      };
    });
    const list = async (t: TestApp, s: Session, query = '') => {
      const res = await t.call(s, 'GET', `/api/users?pageSize=500${query}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { items: Row[]; total: number };
      assert.equal(body.total, body.items.length);
      return new Map(body.items.map((u) => [u.username, u]));
    };
    const names = (m: Map<string, Row>) => [...m.keys()].filter((n) => !n.endsWith('admin') && n !== 'national');

    it('a county administrator lists the users holding a role in the county; the national one lists them all', async () => {
      const { t, national, zhushan, yunxi } = app();
      const z = await list(t, zhushan);
      assert.deepEqual(names(z).sort(), ['both', 'dong']);
      assert.ok(!z.has('yunxi_admin') && !z.has('national'), 'administrators elsewhere are not listed');
      assert.deepEqual(
        z.get('both')!.roles.map((r) => [r.scopeCode, r.scopeName]),
        [[DONG, '董家沟村']],
        'only the role inside the county is named',
      );
      assert.deepEqual([z.get('both')!.rolesOutside, z.get('both')!.canEdit], [1, false]);
      assert.deepEqual([z.get('dong')!.rolesOutside, z.get('dong')!.canEdit], [0, true]);
      const y = await list(t, yunxi);
      assert.deepEqual(names(y).sort(), ['both', 'east']);
      assert.deepEqual(
        y.get('both')!.roles.map((r) => r.scopeCode),
        [EAST],
      );
      const n = await list(t, national);
      assert.deepEqual(names(n).sort(), ['both', 'dong', 'east', 'none']);
      assert.deepEqual(
        [n.get('both')!.roles.length, n.get('both')!.rolesOutside, n.get('both')!.canEdit],
        [2, 0, true],
      );
      // Narrowed to a region: the users holding a role inside it.
      assert.deepEqual(names(await list(t, national, '&region=420323104')).sort(), ['both', 'dong']);
      assert.deepEqual(names(await list(t, zhushan, '&region=420323104&q=do')), ['dong']);
      assert.equal((await t.call(zhushan, 'GET', '/api/users?region=420322')).statusCode, 403);
      assert.equal((await t.call(zhushan, 'GET', '/api/users?region=999999')).statusCode, 404);
    });

    it('a county administrator changes only users whose every role lies in its county', async () => {
      const { t, national, zhushan, ids } = app();
      const v = (await list(t, national)).get('both')!.version;
      const patch = (s: Session, id: number, body: Record<string, unknown>) =>
        t.call(s, 'PATCH', `/api/users/${id}`, { version: 1, ...body });
      assert.equal((await patch(zhushan, ids.both, { displayName: '越权' })).statusCode, 403, 'a role in 郧西县');
      assert.equal((await patch(zhushan, ids.east, { displayName: '越权' })).statusCode, 403, 'a user of 郧西县');
      assert.equal((await patch(zhushan, ids.none, { displayName: '越权' })).statusCode, 403, 'a user of no region');
      const moved = await patch(zhushan, ids.dong, { roles: [{ role: 'village', scopeCode: EAST }] });
      assert.equal(moved.statusCode, 403, 'a new role outside the county');
      const create = await t.call(zhushan, 'POST', '/api/users', {
        username: 'outsider',
        displayName: 'x',
        password: 'abc12345',
        roles: [
          { role: 'village', scopeCode: DONG },
          { role: 'village', scopeCode: EAST },
        ],
      });
      assert.equal(create.statusCode, 403, create.body);
      const stored = await t.db.selectFrom('app_user').select(['username', 'display_name', 'version']).execute();
      assert.ok(!stored.some((u) => u.username === 'outsider' || u.display_name === '越权'));
      assert.ok(
        stored.every((u) => u.version === 1),
        'nothing moved on',
      );
      assert.deepEqual(
        (await t.db.selectFrom('user_role').select('scope_code').where('user_id', '=', ids.dong).execute()).map(
          (r) => r.scope_code,
        ),
        [DONG],
      );
      // Its own user: changed, and the version moves on.
      const ok = await patch(zhushan, ids.dong, {
        displayName: '董家沟村指挥所',
        roles: [{ role: 'township', scopeCode: '420323104' }],
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { id: ids.dong, version: 2 });
      assert.equal(ok.headers.etag, '"2"');
      // The national administrator changes the user of two counties.
      const both = await patch(national, ids.both, { displayName: '两县', version: v });
      assert.equal(both.statusCode, 200, both.body);
      assert.deepEqual(both.json(), { id: ids.both, version: v + 1 });
    });

    it('a county administrator unlocks a user it sees, not one it does not', async () => {
      const { t, zhushan, ids } = app();
      assert.equal((await t.call(zhushan, 'POST', `/api/users/${ids.both}/unlock`)).statusCode, 204);
      assert.equal((await t.call(zhushan, 'POST', `/api/users/${ids.east}/unlock`)).statusCode, 403);
      assert.equal((await t.call(zhushan, 'POST', `/api/users/${ids.none}/unlock`)).statusCode, 403);
      assert.equal((await t.call(zhushan, 'POST', '/api/users/999999/unlock')).statusCode, 404);
    });

    it('the audit row of a change to roles belongs to the smallest region holding them all', async () => {
      const { t, national, zhushan, ids } = app();
      const edit = await t.call(national, 'PATCH', `/api/users/${ids.both}`, { displayName: '两县', version: 1 });
      assert.equal(edit.statusCode, 200, edit.body);
      const own = await t.call(zhushan, 'PATCH', `/api/users/${ids.dong}`, { displayName: '董', version: 1 });
      assert.equal(own.statusCode, 200, own.body);
      const rows = await t.db
        .selectFrom('audit_log')
        .select(['entity_id', 'region_code'])
        .where('entity', '=', 'user')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        rows.map((r) => [Number(r.entity_id), r.region_code]),
        [
          [ids.both, '420300000000'], // 十堰市 holds both counties
          [ids.dong, DONG],
        ],
      );
      const seen = async (s: Session) =>
        ((await t.call(s, 'GET', '/api/audit?entity=user')).json().items as { entityId: string }[]).map((i) =>
          Number(i.entityId),
        );
      assert.deepEqual(await seen(zhushan), [ids.dong]);
      assert.deepEqual(await seen(national), [ids.dong, ids.both]);
    });

    it('an edit without a version answers 428 and changes nothing', async () => {
      const { t, zhushan, ids } = app();
      const res = await t.call(zhushan, 'PATCH', `/api/users/${ids.dong}`, { displayName: '无版本' });
      assert.equal(res.statusCode, 428, res.body);
      assert.equal(res.json().error.code, 'PRECONDITION_REQUIRED');
      const row = await t.db.selectFrom('app_user').selectAll().where('id', '=', ids.dong).executeTakeFirstOrThrow();
      assert.deepEqual([row.display_name, row.version], ['dong', 1]);
    });

    it('two administrators, one after the other: the stale edit gets 409 with the user as it is now', async () => {
      const { t, national, zhushan, ids } = app();
      const v = (await list(t, zhushan)).get('dong')!.version;
      const first = await t.call(national, 'PATCH', `/api/users/${ids.dong}`, {
        displayName: '董家沟（县里改）',
        roles: [
          { role: 'village', scopeCode: DONG },
          { role: 'inspector', scopeCode: '420323' },
        ],
        version: v,
      });
      assert.equal(first.statusCode, 200, first.body);
      const second = await t.call(zhushan, 'PATCH', `/api/users/${ids.dong}`, {
        displayName: '董家沟（我改）',
        version: v,
      });
      assert.equal(second.statusCode, 409, second.body);
      const err = second.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.equal(err.current.displayName, '董家沟（县里改）');
      assert.equal(err.current.version, v + 1);
      assert.deepEqual(
        err.current.roles.map((r: { role: string }) => r.role),
        ['village', 'inspector'],
      );
      const stored = await t.db.selectFrom('app_user').selectAll().where('id', '=', ids.dong).executeTakeFirstOrThrow();
      assert.equal(stored.display_name, '董家沟（县里改）');
      // Overwriting consciously, with the version of the conflict (If-Match works as well as the body).
      const again = await t.call(
        zhushan,
        'PATCH',
        `/api/users/${ids.dong}`,
        { displayName: '董家沟（我改）' },
        { 'if-match': `"${err.current.version}"` },
      );
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().version, v + 2);
    });

    it('two administrators at once: exactly one 200 and one 409', async () => {
      const { t, national, zhushan, ids } = app();
      const results = await Promise.all([
        t.call(national, 'PATCH', `/api/users/${ids.dong}`, { displayName: '甲', version: 1 }),
        t.call(zhushan, 'PATCH', `/api/users/${ids.dong}`, { displayName: '乙', version: 1 }),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const stored = await t.db.selectFrom('app_user').selectAll().where('id', '=', ids.dong).executeTakeFirstOrThrow();
      assert.equal(stored.version, 2);
      assert.equal(stored.display_name, results[0]!.statusCode === 200 ? '甲' : '乙');
      const audits = await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'user').execute();
      assert.equal(audits.length, 1, 'the lost race wrote no audit row');
    });
  });
}
