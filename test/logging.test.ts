import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { loggedUrl } from '../src/server/plugins/logging.ts';
import { buildUser } from './factories.ts';
import { DIALECTS, eachTest } from './harness.ts';

describe('logged URLs', () => {
  it('keeps the path and the values of code-like parameters, elides the others', () => {
    const cases: [string, string][] = [
      ['/api/health', '/api/health'],
      ['/api/households?region=420323&year=2024&page=2', '/api/households?region=420323&year=2024&page=2'],
      ['/api/households?region=420323&q=%E5%BC%A0%E4%B8%89', '/api/households?region=420323&q=…'],
      ['/api/cadres?q=420323197005061234&active=true', '/api/cadres?q=…&active=true'],
      ['/api/audit?username=zhang&entity=user', '/api/audit?username=…&entity=user'],
      ['/api/households?', '/api/households'],
    ];
    for (const [url, expected] of cases) assert.equal(loggedUrl(url), expected, url);
  });
});

for (const dialect of DIALECTS) {
  describe(`request logs [${dialect}]`, () => {
    const lines: Record<string, unknown>[] = [];
    const linesOf = (reqId: unknown) => lines.filter((l) => l.reqId === reqId);
    const app = eachTest(
      dialect,
      async (t) => {
        await buildUser(t.db, 'village', '420323104211', 'logged');
        return {};
      },
      { log: { level: 'info', stream: { write: (line: string) => void lines.push(JSON.parse(line)) } } },
    );

    it('gives every response a request id and logs one line for it', async () => {
      const { t } = app();
      const res = await t.call(null, 'GET', '/api/health');
      const id = res.headers['x-request-id'];
      assert.match(String(id), /^[0-9a-f-]{36}$/);
      const mine = linesOf(id);
      assert.equal(mine.length, 1);
      assert.equal(mine[0]!.msg, 'request');
      assert.equal(mine[0]!.level, 30);
      assert.equal(mine[0]!.method, 'GET');
      assert.equal(mine[0]!.url, '/api/health');
      assert.equal(mine[0]!.status, 200);
      assert.equal(typeof mine[0]!.ms, 'number');
      assert.equal(mine[0]!.userId, null);
    });

    it('keeps a well-formed incoming id and replaces a malformed one', async () => {
      const { t } = app();
      const kept = await t.call(null, 'GET', '/api/health', undefined, { 'x-request-id': 'proxy-42.a:b' });
      assert.equal(kept.headers['x-request-id'], 'proxy-42.a:b');
      for (const bad of ['two words', 'x'.repeat(65), '"}\n{"forged":1']) {
        const res = await t.call(null, 'GET', '/api/health', undefined, { 'x-request-id': bad });
        assert.notEqual(res.headers['x-request-id'], bad);
        assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
      }
    });

    it('names the user and the error code, and elides personal query values', async () => {
      const { t } = app();
      const s = await t.login('logged');
      const res = await t.call(s, 'GET', '/api/households?region=420323000000&q=张三');
      const [line] = linesOf(res.headers['x-request-id']);
      assert.equal(line!.url, '/api/households?region=420323000000&q=…');
      assert.equal(
        line!.userId,
        (await t.db.selectFrom('app_user').select('id').where('username', '=', 'logged').executeTakeFirstOrThrow()).id,
      );
      assert.ok(!JSON.stringify(lines).includes('张三'));
      const denied = await t.call(null, 'GET', '/api/auth/me');
      assert.equal(linesOf(denied.headers['x-request-id'])[0]!.error, 'UNAUTHENTICATED');
    });

    it('logs an unhandled error with its stack under the request id', async () => {
      const { t } = app();
      const s = await t.login('logged');
      await sql`drop table session`.execute(t.db);
      const res = await t.call(s, 'GET', '/api/auth/me');
      assert.equal(res.statusCode, 500);
      const mine = linesOf(res.headers['x-request-id']);
      const error = mine.find((l) => l.msg === 'unhandled error') as { level: number; err: { stack: string } };
      assert.equal(error.level, 50);
      assert.match(error.err.stack, /session/);
      const line = mine.find((l) => l.msg === 'request')!;
      assert.deepEqual([line.status, line.level], [500, 50]);
    });
  });
}
