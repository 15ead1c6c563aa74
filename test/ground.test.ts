// The ground every module stands on: no lost update (versions, 409 with the current record, 428 without a
// version), control characters refused once with a 400 naming the field, unique-key races answered 409.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { household } from './fixtures.ts';
import { DIALECTS, eachTest } from './harness.ts';

const DONG = '420323104211';

for (const dialect of DIALECTS) {
  describe(`ground: versions, input guard, unique races [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const a = await t.as('village', DONG);
      const b = await t.as('county', '420323');
      const res = await t.call(a, 'POST', '/api/households', household('420323104211-0001', DONG));
      assert.equal(res.statusCode, 201, res.body);
      return { a, b, id: res.json().id as number };
    });

    it('reads carry the version and an ETag; a write without a version answers 428 and changes nothing', async () => {
      const { t, a, id } = app();
      const read = await t.call(a, 'GET', `/api/households/${id}`);
      assert.equal(read.json().version, 1);
      assert.equal(read.headers.etag, '"1"');
      const res = await t.call(
        a,
        'PUT',
        `/api/households/${id}`,
        household('420323104211-0001', DONG, { address: 'x' }),
      );
      assert.equal(res.statusCode, 428, res.body);
      assert.equal(res.json().error.code, 'PRECONDITION_REQUIRED');
      const after = (await t.call(a, 'GET', `/api/households/${id}`)).json();
      assert.equal(after.address, null);
      assert.equal(after.version, 1);
    });

    it('two editors, one after the other: the stale write gets 409 with the current record, nothing lost', async () => {
      const { t, a, b, id } = app();
      const v = (await t.call(a, 'GET', `/api/households/${id}`)).json().version as number;
      const first = await t.call(b, 'PUT', `/api/households/${id}`, {
        ...household('420323104211-0001', DONG, { address: '一组 8 号' }),
        version: v,
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, v + 1);
      const second = await t.call(a, 'PUT', `/api/households/${id}`, {
        ...household('420323104211-0001', DONG, { address: '二组 3 号' }),
        version: v,
      });
      assert.equal(second.statusCode, 409, second.body);
      const err = second.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.equal(err.current.address, '一组 8 号');
      assert.equal(err.current.version, v + 1);
      assert.match(err.current.members[0].idNumber, /\*/, 'the current record is masked as a read would show it');
      const stored = (await t.call(a, 'GET', `/api/households/${id}`)).json();
      assert.equal(stored.address, '一组 8 号');
      // Overwriting consciously: the version from the conflict.
      const again = await t.call(a, 'PUT', `/api/households/${id}`, {
        ...household('420323104211-0001', DONG, { address: '二组 3 号' }),
        version: err.current.version,
      });
      assert.equal(again.statusCode, 200, again.body);
    });

    it('two editors at once: exactly one 200 and one 409', async () => {
      const { t, a, b, id } = app();
      const body = (address: string) => ({ ...household('420323104211-0001', DONG, { address }), version: 1 });
      const results = await Promise.all([
        t.call(a, 'PUT', `/api/households/${id}`, body('甲')),
        t.call(b, 'PUT', `/api/households/${id}`, body('乙')),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const winner = results.find((r) => r.statusCode === 200)!;
      const stored = (await t.call(a, 'GET', `/api/households/${id}`)).json();
      assert.equal(stored.version, 2);
      assert.equal(stored.address, results[0] === winner ? '甲' : '乙');
    });

    it('If-Match carries the version as well as the body', async () => {
      const { t, a, id } = app();
      const put = (v: string) =>
        t.call(a, 'PUT', `/api/households/${id}`, household('420323104211-0001', DONG, { address: v }), {
          'if-match': `"${v === 'a' ? 1 : 1}"`,
        });
      assert.equal((await put('a')).statusCode, 200);
      assert.equal((await put('b')).statusCode, 409);
    });

    it('a stale write from outside the scope is still 403, not 409 or 428', async () => {
      const { t, id } = app();
      const other = await t.as('village', '420323103211');
      const res = await t.call(other, 'PUT', `/api/households/${id}`, household('420323104211-0001', DONG));
      assert.equal(res.statusCode, 403, res.body);
    });

    it('refuses NUL and other control characters in a query or a body with a 400 naming the field', async () => {
      const { t, a } = app();
      const list = await t.call(a, 'GET', `/api/households?region=${DONG}&q=a%00b`);
      assert.equal(list.statusCode, 400, list.body);
      assert.deepEqual(
        list.json().error.details.map((d: { path: string }) => d.path),
        ['query.q'],
      );
      const bad = household('420323104211-0002', DONG, { address: 'x\u0000y' });
      bad.members[0]!.name = '张\u0007三';
      const post = await t.call(a, 'POST', '/api/households', bad);
      assert.equal(post.statusCode, 400, post.body);
      assert.deepEqual(
        post
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .sort(),
        ['address', 'members.0.name'],
      );
      const people = await t.call(a, 'POST', '/api/people', { regionCode: DONG, name: '李\u0000四' });
      assert.equal(people.statusCode, 400, people.body);
      assert.equal(people.json().error.details[0].path, 'name');
      // Tabs and line breaks are text, not control characters.
      const ok = await t.call(
        a,
        'POST',
        '/api/households',
        household('420323104211-0003', DONG, { address: '一组\n8 号' }),
      );
      assert.equal(ok.statusCode, 201, ok.body);
    });

    it('eight concurrent creations with one key: one wins, the others get 409, none a 500', async () => {
      const { t } = app();
      const admin = await t.as('admin', '420323');
      const users = await Promise.all(
        Array.from({ length: 8 }, () =>
          t.call(admin, 'POST', '/api/users', {
            username: 'twin',
            displayName: '双胞胎',
            password: 'Passw0rd!x',
            roles: [{ role: 'village', scopeCode: DONG }],
          }),
        ),
      );
      const codes = users.map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [201, 409, 409, 409, 409, 409, 409, 409], users.map((r) => r.body).join('\n'));
      const groups = await Promise.all(
        Array.from({ length: 8 }, () => t.call(admin, 'POST', `/api/regions/${DONG}/groups`, { no: 9 })),
      );
      assert.deepEqual(
        groups.map((r) => r.statusCode).sort(),
        [201, 409, 409, 409, 409, 409, 409, 409],
        groups.map((r) => r.body).join('\n'),
      );
    });
  });
}
