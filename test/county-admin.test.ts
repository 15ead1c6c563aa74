// The county runs its own accounts (授权管理): a county user (竹山县's organisation department, role county) creates,
// deactivates, unlocks and resets the users of its townships and villages, grants roles no higher than its own and
// only inside the county, and reads the county's audit log; a password it gives must be changed at the next login.
// Another county's users and audit rows stay out of sight; a township user has none of this unless given it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildUser } from './factories.ts';
import { household } from './fixtures.ts';
import { DIALECTS, eachTest, PASSWORD, type Session, type TestApp } from './harness.ts';

const ZHUSHAN = '420323';
const LEIGU = '420323104000';
const DONG = '420323104211'; // 董家沟村, 擂鼓镇
const LONGJING = '420323103211'; // 龙井村, 宝丰镇
const EAST = '420322100001'; // 东方居委会, 郧西县
const TEMP = 'Temp2026pass';

const newUser = (username: string, roles: { role: string; scopeCode: string }[]) => ({
  username,
  displayName: username,
  password: TEMP,
  roles,
});

interface Row {
  id: number;
  username: string;
  canEdit: boolean;
  mustChangePassword: boolean;
  version: number;
}

for (const dialect of DIALECTS) {
  describe(`a county runs its own accounts [${dialect}]`, () => {
    const app = eachTest(
      dialect,
      async (t) => {
        const yunxiUser = await buildUser(t.db, 'village', EAST, 'yunxi_village');
        const countyAdmin = await buildUser(t.db, 'admin', ZHUSHAN, 'zhushan_sysadmin');
        const dong = await buildUser(t.db, 'village', DONG, 'dong_old');
        return {
          zhushan: await t.as('county', ZHUSHAN, 'zhushan'),
          yunxi: await t.as('county', '420322', 'yunxi'),
          leigu: await t.as('township', LEIGU, 'leigu'),
          inspector: await t.as('inspector', ZHUSHAN, 'inspector'),
          ids: { yunxiUser: yunxiUser.id, countyAdmin: countyAdmin.id, dong: dong.id },
        };
      },
      { loginRate: { max: 1000, windowMs: 60_000 } },
    );
    const list = async (t: TestApp, s: Session) => {
      const res = await t.call(s, 'GET', '/api/users?pageSize=500');
      assert.equal(res.statusCode, 200, res.body);
      return new Map((res.json().items as Row[]).map((u) => [u.username, u]));
    };
    const userCount = async (t: TestApp) =>
      Number(
        (
          await t.db
            .selectFrom('app_user')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('zhushan creates a village user with a temporary password; the user must change it before anything else', async () => {
      const { t, zhushan } = app();
      const created = await t.call(
        zhushan,
        'POST',
        '/api/users',
        newUser('dong_new', [{ role: 'village', scopeCode: DONG }]),
      );
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await list(t, zhushan)).get('dong_new')!.mustChangePassword, true);

      const s = await t.login('dong_new', TEMP);
      const me = await t.call(s, 'GET', '/api/auth/me');
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().user.mustChangePassword, true);
      for (const url of ['/api/households', `/api/regions/${DONG}`, '/api/cadres']) {
        const res = await t.call(s, 'GET', url);
        assert.equal(res.statusCode, 403, url);
        assert.equal(res.json().error.code, 'PASSWORD_CHANGE_REQUIRED', url);
      }
      const write = await t.call(s, 'POST', '/api/households', household('DJG-NEW', DONG));
      assert.equal(write.json().error.code, 'PASSWORD_CHANGE_REQUIRED');
      // The password given is not the user's own: it cannot be kept.
      const same = await t.call(s, 'POST', '/api/auth/password', { currentPassword: TEMP, newPassword: TEMP });
      assert.equal(same.statusCode, 400, same.body);
      assert.equal(same.json().error.details[0].path, 'newPassword');
      const changed = await t.call(s, 'POST', '/api/auth/password', {
        currentPassword: TEMP,
        newPassword: 'MyOwn2026pw',
      });
      assert.equal(changed.statusCode, 204, changed.body);
      assert.equal((await t.call(s, 'GET', '/api/auth/me')).json().user.mustChangePassword, false);
      assert.equal((await t.call(s, 'GET', `/api/regions/${DONG}`)).statusCode, 200);
      assert.equal((await t.call(s, 'GET', `/api/regions/${LONGJING}`)).statusCode, 403, 'its village only');
      // Creation, logins and the change belong to the village: in the county's audit log.
      const audit = (await t.call(zhushan, 'GET', '/api/audit?entity=user&pageSize=100')).json().items as {
        action: string;
        regionCode: string;
      }[];
      assert.deepEqual(audit.map((a) => a.action).sort(), ['change_password', 'create', 'login']);
      assert.ok(audit.every((a) => a.regionCode === DONG));
    });

    it('zhushan grants roles up to its own, only inside the county', async () => {
      const { t, zhushan } = app();
      const before = await userCount(t);
      const refused: [string, { role: string; scopeCode: string }[], string][] = [
        ['a user of another county', [{ role: 'village', scopeCode: EAST }], 'FORBIDDEN'],
        [
          'one role in, one out',
          [
            { role: 'village', scopeCode: DONG },
            { role: 'village', scopeCode: EAST },
          ],
          'FORBIDDEN',
        ],
        ['an administrator of the county', [{ role: 'admin', scopeCode: ZHUSHAN }], 'FORBIDDEN'],
        ['an administrator of a village', [{ role: 'admin', scopeCode: DONG }], 'FORBIDDEN'],
        ['a county user of the city', [{ role: 'county', scopeCode: '4203' }], 'FORBIDDEN'],
        ['an inspector of the province', [{ role: 'inspector', scopeCode: '42' }], 'FORBIDDEN'],
      ];
      for (const [name, roles] of refused) {
        const res = await t.call(zhushan, 'POST', '/api/users', newUser(`x${before}`, roles));
        assert.equal(res.statusCode, 403, `${name}: ${res.body}`);
      }
      const admin = await t.call(
        zhushan,
        'POST',
        '/api/users',
        newUser('dong_admin', [{ role: 'admin', scopeCode: DONG }]),
      );
      assert.equal(admin.json().error.details[0].path, 'roles.0.role', 'the role above its own is named');
      assert.equal(await userCount(t), before, 'nothing was created');
      const allowed: [string, { role: string; scopeCode: string }[]][] = [
        ['a township user of 擂鼓镇', [{ role: 'township', scopeCode: LEIGU }]],
        ['a pairing cadre', [{ role: 'pairing_cadre', scopeCode: DONG }]],
        ['an inspector of the county', [{ role: 'inspector', scopeCode: ZHUSHAN }]],
        ['a colleague of the county', [{ role: 'county', scopeCode: ZHUSHAN }]],
      ];
      for (const [i, [name, roles]] of allowed.entries()) {
        const res = await t.call(zhushan, 'POST', '/api/users', newUser(`ok${i}`, roles));
        assert.equal(res.statusCode, 201, `${name}: ${res.body}`);
      }
    });

    it('zhushan sees and changes its county’s users only, and none above its own role', async () => {
      const { t, zhushan, yunxi, ids } = app();
      const mine = await list(t, zhushan);
      assert.ok(mine.has('dong_old') && mine.has('leigu') && mine.has('inspector') && mine.has('zhushan'));
      assert.ok(!mine.has('yunxi_village') && !mine.has('yunxi'), [...mine.keys()].join(','));
      assert.equal(mine.get('zhushan_sysadmin')!.canEdit, false, 'an administrator in the county: above its role');
      assert.equal(mine.get('dong_old')!.canEdit, true);
      assert.equal((await t.call(zhushan, 'GET', '/api/users?region=420322')).statusCode, 403);
      const patch = (s: Session, id: number, body: Record<string, unknown>) =>
        t.call(s, 'PATCH', `/api/users/${id}`, { version: 1, ...body });
      assert.equal((await patch(zhushan, ids.yunxiUser, { active: false })).statusCode, 403, 'another county');
      assert.equal((await t.call(zhushan, 'POST', `/api/users/${ids.yunxiUser}/unlock`)).statusCode, 403);
      assert.equal((await patch(zhushan, ids.countyAdmin, { active: false })).statusCode, 403, 'an administrator');
      const raise = await patch(zhushan, ids.dong, { roles: [{ role: 'admin', scopeCode: DONG }] });
      assert.equal(raise.statusCode, 403, raise.body);
      // yunxi, a county too, sees none of 竹山县's.
      const theirs = await list(t, yunxi);
      assert.deepEqual([...theirs.keys()].sort(), ['yunxi', 'yunxi_village']);
      assert.equal((await patch(yunxi, ids.dong, { active: false })).statusCode, 403);
      const stored = await t.db.selectFrom('app_user').select(['username', 'active', 'version']).execute();
      assert.ok(
        stored.every((u) => u.active === 1 && u.version === 1),
        JSON.stringify(stored),
      );
    });

    it('zhushan deactivates, resets (a change forced at the next login) and unlocks its users', async () => {
      const { t, zhushan, ids } = app();
      await buildUser(t.db, 'township', LEIGU, 'leigu_two');
      const s = await t.login('dong_old');
      assert.equal((await t.call(s, 'GET', '/api/auth/me')).statusCode, 200);
      // Deactivated: the session ends, the login is refused.
      const off = await t.call(zhushan, 'PATCH', `/api/users/${ids.dong}`, { active: false, version: 1 });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal((await t.call(s, 'GET', '/api/auth/me')).statusCode, 401);
      assert.equal(
        (await t.call(null, 'POST', '/api/auth/login', { username: 'dong_old', password: PASSWORD })).statusCode,
        401,
      );
      // Back on, with a password reset: the user must change it.
      const on = await t.call(zhushan, 'PATCH', `/api/users/${ids.dong}`, { active: true, password: TEMP, version: 2 });
      assert.equal(on.statusCode, 200, on.body);
      const again = await t.login('dong_old', TEMP);
      assert.equal((await t.call(again, 'GET', '/api/households')).json().error.code, 'PASSWORD_CHANGE_REQUIRED');
      const reset = await t.call(zhushan, 'PATCH', `/api/users/${ids.dong}`, { password: 'Again2026pw', version: 3 });
      assert.equal(reset.statusCode, 200, reset.body);
      const actions = (
        await t.db
          .selectFrom('audit_log')
          .select(['action', 'region_code'])
          .where('entity', '=', 'user')
          .where('entity_id', '=', String(ids.dong))
          .where('username', '=', 'zhushan')
          .orderBy('id')
          .execute()
      ).map((r) => [r.action, r.region_code]);
      assert.deepEqual(actions, [
        ['deactivate', DONG],
        ['activate', DONG],
        ['reset_password', DONG],
      ]);
      // Locked out by wrong passwords: zhushan lifts the lock.
      for (let i = 0; i < 5; i++)
        await t.call(null, 'POST', '/api/auth/login', { username: 'leigu_two', password: `wrong-${i}-pass` });
      const locked = await t.call(null, 'POST', '/api/auth/login', { username: 'leigu_two', password: PASSWORD });
      assert.equal(locked.statusCode, 423);
      const row = (await list(t, zhushan)).get('leigu_two')!;
      assert.equal((await t.call(zhushan, 'POST', `/api/users/${row.id}/unlock`)).statusCode, 204);
      assert.equal(
        (await t.call(null, 'POST', '/api/auth/login', { username: 'leigu_two', password: PASSWORD })).statusCode,
        200,
      );
    });

    it('zhushan neither deactivates itself nor changes its own roles', async () => {
      const { t, zhushan } = app();
      const self = (await list(t, zhushan)).get('zhushan')!;
      const off = await t.call(zhushan, 'PATCH', `/api/users/${self.id}`, { active: false, version: self.version });
      assert.equal(off.statusCode, 400, off.body);
      assert.equal(off.json().error.details[0].path, 'active');
      const roles = await t.call(zhushan, 'PATCH', `/api/users/${self.id}`, {
        roles: [{ role: 'county', scopeCode: LEIGU }],
        version: self.version,
      });
      assert.equal(roles.json().error.details[0].path, 'roles');
      const name = await t.call(zhushan, 'PATCH', `/api/users/${self.id}`, {
        displayName: '竹山县委组织部',
        roles: [{ role: 'county', scopeCode: ZHUSHAN }],
        version: self.version,
      });
      assert.equal(name.statusCode, 200, name.body);
    });

    it('the audit log: zhushan and the inspector read 竹山县’s rows, never 郧西县’s; the inspector’s masked', async () => {
      const { t, zhushan, yunxi, inspector } = app();
      const village = await t.as('village', DONG);
      const made = await t.call(village, 'POST', '/api/households', household('DJG-0001', DONG));
      assert.equal(made.statusCode, 201, made.body);
      const edit = await t.call(village, 'PUT', `/api/households/${made.json().id}`, {
        ...household('DJG-0001', DONG, { address: '一组 8 号' }),
        version: 1,
      });
      assert.equal(edit.statusCode, 200, edit.body);
      assert.equal(
        (await t.call(yunxi, 'POST', '/api/users', newUser('east_new', [{ role: 'village', scopeCode: EAST }])))
          .statusCode,
        201,
      );
      const read = async (s: Session, query = '') => {
        const res = await t.call(s, 'GET', `/api/audit?pageSize=500${query}`);
        assert.equal(res.statusCode, 200, res.body);
        return res.json().items as { regionCode: string | null; masked: boolean; entity: string; action: string }[];
      };
      for (const s of [zhushan, inspector]) {
        const rows = await read(s);
        assert.ok(rows.length >= 2);
        assert.ok(
          rows.every((r) => r.regionCode?.startsWith('420323')),
          JSON.stringify(rows.map((r) => r.regionCode)),
        );
        assert.equal((await t.call(s, 'GET', '/api/audit?region=420322')).statusCode, 403);
      }
      const eastRows = await read(yunxi);
      assert.ok(eastRows.length > 0 && eastRows.every((r) => r.regionCode?.startsWith('420322')));
      const mine = (await read(zhushan, '&entity=household&action=update'))[0]!;
      const theirs = (await read(inspector, '&entity=household&action=update'))[0]!;
      assert.deepEqual([mine.masked, theirs.masked], [false, true], 'pii.reveal: the county, not the inspector');
    });

    it('a township user has none of this, unless given a role that carries it', async () => {
      const { t, leigu } = app();
      assert.equal((await t.call(leigu, 'GET', '/api/users')).statusCode, 403);
      assert.equal((await t.call(leigu, 'GET', '/api/audit')).statusCode, 403);
      const create = await t.call(
        leigu,
        'POST',
        '/api/users',
        newUser('by_leigu', [{ role: 'village', scopeCode: DONG }]),
      );
      assert.equal(create.statusCode, 403);
      // Given the county role in its township: the users of 擂鼓镇, nothing of 宝丰镇.
      const given = await buildUser(t.db, 'township', LEIGU, 'leigu_admin');
      await t.db.insertInto('user_role').values({ user_id: given.id, role: 'county', scope_code: LEIGU }).execute();
      const s = await t.login('leigu_admin');
      const ok = await t.call(s, 'POST', '/api/users', newUser('by_leigu', [{ role: 'village', scopeCode: DONG }]));
      assert.equal(ok.statusCode, 201, ok.body);
      const out = await t.call(
        s,
        'POST',
        '/api/users',
        newUser('by_leigu2', [{ role: 'village', scopeCode: LONGJING }]),
      );
      assert.equal(out.statusCode, 403);
      const up = await t.call(s, 'POST', '/api/users', newUser('by_leigu3', [{ role: 'county', scopeCode: ZHUSHAN }]));
      assert.equal(up.statusCode, 403, 'the county above its region');
      const users = (await t.call(s, 'GET', '/api/users?pageSize=500')).json().items as Row[];
      assert.ok(!users.some((u) => u.username === 'zhushan'), 'the county user is not of 擂鼓镇');
      assert.equal((await t.call(s, 'GET', '/api/audit?region=420323')).statusCode, 403);
    });
  });
}
