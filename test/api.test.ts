import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIALECTS, eachTest } from './harness.ts';

for (const dialect of DIALECTS) {
  describe(`API surface [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({ admin: await t.as('admin', '000000000000', 'root') }));

    it('publishes OpenAPI JSON and a viewer', async () => {
      const { t } = app();
      const res = await t.call(null, 'GET', '/api/openapi.json');
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.match(doc.openapi, /^3\./);
      for (const p of [
        '/api/auth/login',
        '/api/regions/{code}',
        '/api/regions/{code}/children',
        '/api/command-units',
        '/api/audit',
      ])
        assert.ok(doc.paths[p], `missing ${p}`);
      assert.ok(doc.paths['/api/auth/login'].post.requestBody);
      assert.equal((await t.call(null, 'GET', '/api/docs/')).statusCode, 200);
    });

    it('answers malformed JSON with 400 and field errors with the field path', async () => {
      const { t, admin } = app();
      const raw = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "a",',
      });
      assert.equal(raw.statusCode, 400);
      assert.equal(raw.json().error.code, 'BAD_REQUEST');
      const missing = await t.call(null, 'POST', '/api/auth/login', { username: 'root' });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(
        missing.json().error.details.map((d: { path: string }) => d.path),
        ['password'],
      );
      assert.equal(missing.json().error.details[0].message, '必填');
      const en = await t.call(null, 'POST', '/api/auth/login', { username: 'root' }, { cookie: 'xh_lang=en' });
      assert.equal(en.json().error.details[0].message, 'Required');
      const nested = await t.call(admin, 'POST', '/api/users', {
        username: 'x1',
        displayName: 'x',
        password: 'abc12345',
        roles: [{ role: 'boss', scopeCode: '420323' }],
      });
      assert.equal(nested.json().error.details[0].path, 'roles.0.role');
    });

    it('never answers 500 to garbage', async () => {
      const { t, admin } = app();
      const bodies = [
        '\u0000\u0001',
        'x'.repeat(2_000_000),
        '[]',
        'null',
        '{"a":{"b":{"c":[1,2,3]}}}',
        '"string"',
        '1e999',
      ];
      const urls = ['/api/auth/login', '/api/people', '/api/command-units', '/api/users', '/api/regions/420323/groups'];
      for (const url of urls)
        for (const payload of bodies) {
          const res = await t.app.inject({
            method: 'POST',
            url,
            headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
            payload,
          });
          assert.ok(
            res.statusCode >= 400 && res.statusCode < 500,
            `${url} ${payload.slice(0, 20)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
        }
      const queries = [
        '/api/command-units?page=-1',
        '/api/command-units?pageSize=99999',
        '/api/people?region=abc',
        '/api/audit?from=yesterday',
        '/api/command-units/abc',
        '/api/command-units/99999999999999',
      ];
      for (const url of queries) {
        const res = await t.call(admin, 'GET', url);
        assert.equal(res.statusCode, 400, `${url} → ${res.statusCode}`);
      }
      assert.equal((await t.call(admin, 'GET', '/api/nothing-here')).statusCode, 404);
    });

    it('lets the admin create users with scoped roles and lists the audit trail with filters', async () => {
      const { t, admin } = app();
      const res = await t.call(admin, 'POST', '/api/users', {
        username: 'newbie',
        displayName: '新人',
        password: 'abc12345',
        roles: [{ role: 'village', scopeCode: '420323104211' }],
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(
        (
          await t.call(admin, 'POST', '/api/users', {
            username: 'newbie',
            displayName: '新人',
            password: 'abc12345',
            roles: [{ role: 'village', scopeCode: '420323104211' }],
          })
        ).statusCode,
        409,
      );
      const badScope = await t.call(admin, 'POST', '/api/users', {
        username: 'n2',
        displayName: 'x',
        password: 'abc12345',
        roles: [{ role: 'village', scopeCode: '999999999999' }],
      });
      assert.equal(badScope.json().error.details[0].path, 'roles.0.scopeCode');
      const weak = await t.call(admin, 'POST', '/api/users', {
        username: 'n3',
        displayName: 'x',
        password: 'abc',
        roles: [{ role: 'village', scopeCode: '420323104211' }],
      });
      assert.equal(weak.json().error.details[0].path, 'password');
      const { id, version } = res.json();
      assert.equal(version, 1);
      const off = await t.call(admin, 'PATCH', `/api/users/${id}`, { active: false, version });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().version, 2);
      assert.equal(
        (await t.call(null, 'POST', '/api/auth/login', { username: 'newbie', password: 'abc12345' })).statusCode,
        401,
      );
      const audit = (await t.call(admin, 'GET', '/api/audit?entity=user&username=root')).json();
      assert.ok(audit.items.length >= 2);
      assert.ok(
        audit.items.every((i: { entity: string; username: string }) => i.entity === 'user' && i.username === 'root'),
      );
      const update = audit.items.find((i: { action: string }) => i.action === 'deactivate');
      assert.equal(update.before.active, true);
      assert.equal(update.after.active, false);
      const byRegion = (await t.call(admin, 'GET', '/api/audit?region=420323104')).json();
      assert.ok(byRegion.items.length >= 1);
      assert.ok(byRegion.items.every((i: { regionCode: string }) => i.regionCode.startsWith('420323104')));
      const today = new Date().toISOString().slice(0, 10);
      assert.ok((await t.call(admin, 'GET', `/api/audit?from=${today}&to=${today}`)).json().total >= 2);
      assert.equal((await t.call(admin, 'GET', '/api/audit?to=2000-01-01')).json().total, 0);
    });
  });
}
