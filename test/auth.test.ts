import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replaceGrants } from '../src/core/modules/users/repo.ts';
import { resolveSession } from '../src/core/modules/users/sessions.ts';
import { purgeStaleLoginAttempts } from '../src/core/modules/users/login.ts';
import { buildUser } from './factories.ts';
import { DIALECTS, eachTest, PASSWORD, type Session, type TestApp } from './harness.ts';

for (const dialect of DIALECTS) {
  describe(`auth [${dialect}]`, () => {
    const app = eachTest(
      dialect,
      async (t) => {
        await buildUser(t.db, 'admin', '000000000000', 'root');
        await buildUser(t.db, 'village', '420323104211', 'dong');
        return {};
      },
      { lockout: { maxFailures: 3, lockMinutes: 15 }, loginRate: { max: 1000, windowMs: 60_000 } },
    );
    const attempt = (t: TestApp, username: string, password: string, remoteAddress = '127.0.0.1') =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
    const withoutTime = (m: string) => m.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'TIME');

    it('logs in with a session cookie that is HttpOnly and SameSite', async () => {
      const { t } = app();
      const res = await t.call(null, 'POST', '/api/auth/login', { username: 'dong', password: PASSWORD });
      assert.equal(res.statusCode, 200);
      const sid = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find(
        (c) => c.name === 'xh_sid',
      );
      assert.ok(sid?.httpOnly);
      assert.equal(sid?.sameSite, 'Lax');
      const body = res.json();
      assert.equal(body.user.username, 'dong');
      assert.deepEqual(
        body.user.roles.map((r: { scopeName: string }) => r.scopeName),
        ['董家沟村'],
      );
      const hash = await t.db
        .selectFrom('app_user')
        .select('password_hash')
        .where('username', '=', 'dong')
        .executeTakeFirstOrThrow();
      assert.match(hash.password_hash, /^\$argon2id\$/);
    });

    it('answers 401 to bad credentials and to anonymous API calls', async () => {
      const { t } = app();
      assert.equal(
        (await t.call(null, 'POST', '/api/auth/login', { username: 'dong', password: 'wrong-pass1' })).statusCode,
        401,
      );
      assert.equal(
        (await t.call(null, 'POST', '/api/auth/login', { username: 'nobody', password: 'wrong-pass1' })).statusCode,
        401,
      );
      assert.equal((await t.call(null, 'GET', '/api/auth/me')).statusCode, 401);
      assert.equal((await t.call(null, 'GET', '/api/regions/420323')).statusCode, 401);
      const forged = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'xh_sid=forged' } });
      assert.equal(forged.statusCode, 401);
    });

    it('refuses a cookie-authenticated write without the CSRF token', async () => {
      const { t } = app();
      const s = await t.login('dong');
      const payload = { regionCode: '420323104211', name: '李四' };
      const res = await t.call(s, 'POST', '/api/people', payload, { 'x-csrf-token': 'nope' });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'CSRF');
      const count = await t.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
      assert.equal((await t.call(s, 'POST', '/api/people', payload)).statusCode, 201);
    });

    it('locks the account after repeated failures, even for the right password, until an admin unlocks', async () => {
      const { t } = app();
      await buildUser(t.db, 'village', '420323104211', 'lockme');
      for (let i = 0; i < 2; i++)
        assert.equal(
          (await t.call(null, 'POST', '/api/auth/login', { username: 'lockme', password: 'bad-pass-1' })).statusCode,
          401,
        );
      const third = await t.call(null, 'POST', '/api/auth/login', { username: 'lockme', password: 'bad-pass-1' });
      assert.equal(third.statusCode, 423);
      assert.equal(third.json().error.code, 'ACCOUNT_LOCKED');
      assert.equal(
        (await t.call(null, 'POST', '/api/auth/login', { username: 'lockme', password: PASSWORD })).statusCode,
        423,
      );
      const admin = await t.login('root');
      const user = await t.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'lockme')
        .executeTakeFirstOrThrow();
      const list = (await t.call(admin, 'GET', '/api/users?q=lockme')).json();
      assert.ok(list.items[0].lockedUntil);
      assert.equal((await t.call(admin, 'POST', `/api/users/${user.id}/unlock`)).statusCode, 204);
      assert.equal(
        (await t.call(null, 'POST', '/api/auth/login', { username: 'lockme', password: PASSWORD })).statusCode,
        200,
      );
      const audit = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', String(user.id))
        .execute();
      assert.deepEqual(
        ['login_failed', 'lock', 'unlock', 'login'].filter((a) => audit.some((r) => r.action === a)),
        ['login_failed', 'lock', 'unlock', 'login'],
      );
    });

    it('counts wrong passwords sent in parallel: 19 wrong + 1 right at once end locked, none checked past the limit', async () => {
      const { t } = app();
      await buildUser(t.db, 'village', '420323104211', 'burst');
      const passwords = [...Array.from({ length: 19 }, (_, i) => `wrong-pass-${i}`), PASSWORD];
      const codes = (await Promise.all(passwords.map((p) => attempt(t, 'burst', p)))).map((r) => r.statusCode);
      // maxFailures = 3: at most 3 attempts get their password checked (two 401s, the third locks with 423).
      assert.ok(codes.filter((c) => c === 401).length <= 2, codes.join(','));
      assert.ok(codes.filter((c) => c === 200).length <= 1, codes.join(','));
      assert.equal(codes.filter((c) => c === 423).length, 20 - codes.filter((c) => c !== 423).length);
      assert.ok(codes.filter((c) => c === 423).length >= 17, codes.join(','));
      // Locked afterwards: the right password no longer opens a session.
      const after = await attempt(t, 'burst', PASSWORD);
      assert.equal(after.statusCode, 423);
      assert.equal(after.cookies.length, 0);
    });

    it('answers an unknown name exactly like a known one, through the lock', async () => {
      const { t } = app();
      await buildUser(t.db, 'village', '420323104211', 'known');
      const answers = async (username: string, last: string) => {
        const out = [];
        for (const p of ['bad-pass-1', 'bad-pass-2', 'bad-pass-3', 'bad-pass-4', last]) {
          const r = await attempt(t, username, p, '10.9.9.9');
          out.push([r.statusCode, r.json().error.code, withoutTime(r.json().error.message)]);
        }
        return out;
      };
      const known = await answers('known', PASSWORD);
      const unknown = await answers('nobody-here', PASSWORD);
      assert.deepEqual(unknown, known);
      assert.deepEqual(
        known.map((a) => a[0]),
        [401, 401, 423, 423, 423],
      );
    });

    it('locks the name at the address that failed only: the owner elsewhere still logs in', async () => {
      const { t } = app();
      await buildUser(t.db, 'village', '420323104211', 'travel');
      for (let i = 0; i < 4; i++) await attempt(t, 'travel', 'bad-pass-1', '203.0.113.7');
      assert.equal((await attempt(t, 'travel', PASSWORD, '203.0.113.7')).statusCode, 423);
      assert.equal((await attempt(t, 'travel', PASSWORD, '198.51.100.2')).statusCode, 200);
      // The administrator sees the lock, and lifts it at every address.
      const admin = await t.login('root');
      const listed = (await t.call(admin, 'GET', '/api/users?q=travel')).json().items[0];
      assert.ok(listed.lockedUntil);
      assert.equal((await t.call(admin, 'POST', `/api/users/${listed.id}/unlock`)).statusCode, 204);
      assert.equal((await t.call(admin, 'GET', '/api/users?q=travel')).json().items[0].lockedUntil, null);
      assert.equal((await attempt(t, 'travel', PASSWORD, '203.0.113.7')).statusCode, 200);
    });

    it('answers a deactivated account exactly like an unknown name: nothing tells that the name exists', async () => {
      const { t } = app();
      const off = await buildUser(t.db, 'village', '420323104211', 'retired');
      await t.db.updateTable('app_user').set({ active: 0 }).where('id', '=', off.id).execute();
      const answers = async (username: string) => {
        const out = [];
        for (const p of [PASSWORD, 'bad-pass-2', PASSWORD, PASSWORD]) {
          const r = await attempt(t, username, p, '10.9.9.8');
          out.push([r.statusCode, r.json().error.code, withoutTime(r.json().error.message), r.cookies.length]);
        }
        return out;
      };
      const retired = await answers('retired');
      assert.deepEqual(retired, await answers('nobody-at-all'));
      assert.deepEqual(
        retired.map((a) => a[0]),
        [401, 401, 423, 423],
      );
    });

    it('changes the password with the current one, and logs out', async () => {
      const { t } = app();
      const s = await t.login('dong');
      const wrong = await t.call(s, 'POST', '/api/auth/password', {
        currentPassword: 'nope-1234',
        newPassword: 'NewPassw0rd',
      });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().error.details[0].path, 'currentPassword');
      const weak = await t.call(s, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
      assert.equal(weak.json().error.details[0].path, 'newPassword');
      assert.equal(
        (await t.call(s, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'NewPassw0rd' }))
          .statusCode,
        204,
      );
      assert.equal((await t.call(s, 'GET', '/api/auth/me')).statusCode, 200);
      assert.equal(
        (await t.call(null, 'POST', '/api/auth/login', { username: 'dong', password: PASSWORD })).statusCode,
        401,
      );
      assert.equal((await t.call(s, 'POST', '/api/auth/logout')).statusCode, 204);
      assert.equal((await t.call(s, 'GET', '/api/auth/me')).statusCode, 401);
    });
  });

  // Sessions are kept in the process for a few seconds (SESSION_CACHE_SECS, 5 by default, as in these apps):
  // every change made through this process must still take effect on the very next request.
  describe(`session cache [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({ admin: await t.as('admin', '000000000000') }), {
      loginRate: { max: 1000, windowMs: 60_000 },
    });
    const me = async (t: TestApp, s: Session) => (await t.call(s, 'GET', '/api/auth/me')).statusCode;
    const region = async (t: TestApp, s: Session, code: string) =>
      (await t.call(s, 'GET', `/api/regions/${code}`)).statusCode;
    /** An administrator's change to a user, with the version the administrator's list shows. */
    const patch = async (t: TestApp, admin: Session, id: number, body: Record<string, unknown>) => {
      const row = (await t.call(admin, 'GET', '/api/users?pageSize=500'))
        .json()
        .items.find((u: { id: number }) => u.id === id);
      return t.call(admin, 'PATCH', `/api/users/${id}`, { ...body, version: row.version });
    };

    it('a logout ends the session at once', async () => {
      const { t } = app();
      await buildUser(t.db, 'village', '420323104211', 'c_logout');
      const s = await t.login('c_logout');
      assert.equal(await me(t, s), 200); // now cached
      assert.equal((await t.call(s, 'POST', '/api/auth/logout')).statusCode, 204);
      assert.equal(await me(t, s), 401);
    });

    it("a password change ends the user's other sessions at once and keeps the one that made it", async () => {
      const { t } = app();
      await buildUser(t.db, 'village', '420323104211', 'c_password');
      const [a, b] = [await t.login('c_password'), await t.login('c_password')];
      assert.deepEqual([await me(t, a), await me(t, b)], [200, 200]);
      const body = { currentPassword: PASSWORD, newPassword: 'NewPassw0rd' };
      assert.equal((await t.call(a, 'POST', '/api/auth/password', body)).statusCode, 204);
      assert.deepEqual([await me(t, a), await me(t, b)], [200, 401]);
    });

    it("a deactivation and an admin's password reset end the user's sessions at once", async () => {
      const { t, admin } = app();
      const off = await buildUser(t.db, 'village', '420323104211', 'c_off');
      const reset = await buildUser(t.db, 'village', '420323104211', 'c_reset');
      const [s1, s2] = [await t.login('c_off'), await t.login('c_reset')];
      assert.deepEqual([await me(t, s1), await me(t, s2)], [200, 200]);
      assert.equal((await patch(t, admin, off.id, { active: false })).statusCode, 200);
      assert.equal((await patch(t, admin, reset.id, { password: 'Reset12345' })).statusCode, 200);
      assert.deepEqual([await me(t, s1), await me(t, s2)], [401, 401]);
    });

    it('a grant change takes effect at once: through the API it ends the sessions, in the repository the rights', async () => {
      const { t, admin } = app();
      const u = await buildUser(t.db, 'village', '420323104211', 'c_grants');
      const s = await t.login('c_grants');
      assert.equal(await region(t, s, '420323104211'), 200);
      assert.equal(await region(t, s, '420323103211'), 403);
      // The write path below the API: the session lives on with the new grants, not the cached old ones.
      await replaceGrants(t.db, u.id, [{ role: 'village', scopeCode: '420323103211' }]);
      assert.equal(await region(t, s, '420323104211'), 403);
      assert.equal(await region(t, s, '420323103211'), 200);
      const roles = [{ role: 'village', scopeCode: '420323104211' }];
      assert.equal((await patch(t, admin, u.id, { roles })).statusCode, 200);
      assert.equal(await region(t, s, '420323103211'), 401);
    });

    it('a change made outside this process is seen when the entry runs out (the documented bound)', async () => {
      const { t } = app();
      const u = await buildUser(t.db, 'village', '420323104211', 'c_bound');
      const token = (await t.login('c_bound')).cookie.replace('xh_sid=', '');
      assert.ok(await resolveSession(t.db, token, { cacheMs: 300 }));
      // Another process deactivates the user: this one does not hear of it.
      await t.db.updateTable('app_user').set({ active: 0 }).where('id', '=', u.id).execute();
      assert.ok(await resolveSession(t.db, token, { cacheMs: 300 }), 'still cached');
      assert.equal(await resolveSession(t.db, token), null, 'without the cache: looked up');
      await new Promise((r) => setTimeout(r, 350));
      assert.equal(await resolveSession(t.db, token, { cacheMs: 300 }), null, 'the entry ran out');
    });
  });

  describe(`lock expiry [${dialect}]`, () => {
    const app = eachTest(
      dialect,
      async (t) => {
        await buildUser(t.db, 'village', '420323104211', 'brief');
        return {};
      },
      { lockout: { maxFailures: 2, lockMinutes: 0.04 } },
    );
    it('a lock ends after lockMinutes and the count starts afresh', async () => {
      const { t } = app();
      const login = (password: string) =>
        t.call(null, 'POST', '/api/auth/login', { username: 'brief', password }).then((r) => r.statusCode);
      assert.deepEqual([await login('bad-pass-1'), await login('bad-pass-1'), await login(PASSWORD)], [401, 423, 423]);
      await new Promise((r) => setTimeout(r, 2_600));
      assert.deepEqual([await login('bad-pass-1'), await login(PASSWORD)], [401, 200]);
      // Counts with no attempt for lockMinutes and locks that ended are purged.
      await login('bad-pass-1');
      await login('bad-pass-1');
      await t.call(null, 'POST', '/api/auth/login', { username: 'other', password: 'x' });
      await new Promise((r) => setTimeout(r, 2_600));
      await purgeStaleLoginAttempts(t.db, { maxFailures: 2, lockMinutes: 0.04 });
      assert.equal((await t.db.selectFrom('login_attempt').selectAll().execute()).length, 0);
    });
  });

  describe(`login rate limit [${dialect}]`, () => {
    const app = eachTest(dialect, async () => ({}), { loginRate: { max: 3, windowMs: 60_000 } });
    it('answers 429 past the per-address limit', async () => {
      const { t } = app();
      const codes = [];
      for (let i = 0; i < 5; i++)
        codes.push((await t.call(null, 'POST', '/api/auth/login', { username: 'x', password: 'y' })).statusCode);
      assert.deepEqual(codes, [401, 401, 401, 429, 429]);
    });
  });
}
