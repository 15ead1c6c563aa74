import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWithin } from '../src/shared/regions.ts';
import { buildCadre, buildStation } from './factories.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

/**
 * Region scope of the help-force statistics and five-ones endpoints, table-driven: users of a sibling
 * village, township or county get 403 on 龙井村 (宝丰镇) and its township and nothing changes; the
 * users inside read them; without a region each user gets its own scope and never a row outside it.
 */
const LONGJING = '420323103211';
const BAOFENG = '420323103';
const DONGJIAGOU = '420323104211';

const USERS: [username: string, role: 'village' | 'township' | 'county' | 'inspector', scope: string][] = [
  ['dongjiagou', 'village', DONGJIAGOU],
  ['leigu', 'township', '420323104'],
  ['baofeng', 'township', BAOFENG],
  ['zhushan', 'county', '420323'],
  ['inspector', 'inspector', '420323'],
  ['yunxi', 'county', '420322'],
  ['longjing', 'village', LONGJING],
];

for (const dialect of DIALECTS) {
  describe(`region scope of the help-force statistics [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const s: Record<string, Session> = {};
      for (const [username, role, scope] of USERS) s[username] = await t.as(role, scope, username);
      for (const v of [LONGJING, DONGJIAGOU]) {
        const c = await buildCadre(t.db, v);
        await buildStation(t.db, c, v, 'first_secretary');
      }
      return { s };
    });

    type Call = () => string;
    const endpoints: Record<string, Call> = {
      'cadre statistics of the village': () => `/api/stats/cadres?region=${LONGJING}`,
      'cadre statistics of the township': () => `/api/stats/cadres?region=${BAOFENG}`,
      'five ones of the village': () => `/api/villages/${LONGJING}/five-ones`,
      'five-ones list of the village': () => `/api/five-ones?region=${LONGJING}`,
      'five-ones list of the township': () => `/api/five-ones?region=${BAOFENG}&missing=true`,
    };
    const auditCount = async (t: TestApp) =>
      Number(
        (
          await t.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    for (const outsider of ['dongjiagou', 'leigu', 'yunxi']) {
      it(`${outsider} gets 403 on every endpoint for 龙井村 / 宝丰镇 and nothing changes`, async () => {
        const { t, s } = app();
        const before = await auditCount(t);
        for (const [name, url] of Object.entries(endpoints)) {
          const res = await t.call(s[outsider]!, 'GET', url());
          assert.equal(res.statusCode, 403, `${outsider} ${name}: ${res.statusCode} ${res.body}`);
        }
        assert.equal(await auditCount(t), before);
      });
    }

    for (const insider of ['baofeng', 'zhushan', 'inspector']) {
      it(`${insider} reads every endpoint for 龙井村 / 宝丰镇`, async () => {
        const { t, s } = app();
        for (const [name, url] of Object.entries(endpoints)) {
          const res = await t.call(s[insider]!, 'GET', url());
          assert.equal(res.statusCode, 200, `${insider} ${name}: ${res.body}`);
        }
      });
    }

    it('the village user reads its own village only', async () => {
      const { t, s } = app();
      for (const url of [
        `/api/stats/cadres?region=${LONGJING}`,
        `/api/villages/${LONGJING}/five-ones`,
        `/api/five-ones?region=${LONGJING}`,
      ])
        assert.equal((await t.call(s.longjing!, 'GET', url)).statusCode, 200, url);
      for (const url of [`/api/stats/cadres?region=${BAOFENG}`, `/api/five-ones?region=${BAOFENG}`])
        assert.equal((await t.call(s.longjing!, 'GET', url)).statusCode, 403, url);
    });

    it('an unknown region is 404 for everyone, a malformed one 400', async () => {
      const { t, s } = app();
      for (const u of ['zhushan', 'yunxi']) {
        assert.equal((await t.call(s[u]!, 'GET', '/api/stats/cadres?region=420323199')).statusCode, 404);
        assert.equal((await t.call(s[u]!, 'GET', '/api/villages/420323103299/five-ones')).statusCode, 404);
        assert.equal((await t.call(s[u]!, 'GET', '/api/five-ones?region=420323199')).statusCode, 404);
        assert.equal((await t.call(s[u]!, 'GET', '/api/five-ones?region=abc')).statusCode, 400);
      }
    });

    it('without a region every user gets its own scope and never a row outside it', async () => {
      const { t, s } = app();
      const expected: Record<string, { code: string; firstSecretaries: number }> = {
        dongjiagou: { code: DONGJIAGOU, firstSecretaries: 1 },
        longjing: { code: LONGJING, firstSecretaries: 1 },
        leigu: { code: '420323104000', firstSecretaries: 1 },
        baofeng: { code: '420323103000', firstSecretaries: 1 },
        zhushan: { code: '420323000000', firstSecretaries: 2 },
        inspector: { code: '420323000000', firstSecretaries: 2 },
        yunxi: { code: '420322000000', firstSecretaries: 0 },
      };
      for (const [u, want] of Object.entries(expected)) {
        const stats = await t.call(s[u]!, 'GET', '/api/stats/cadres');
        assert.equal(stats.statusCode, 200, `${u}: ${stats.body}`);
        assert.equal(stats.json().region.code, want.code, u);
        assert.equal(stats.json().firstSecretaries, want.firstSecretaries, u);
        for (const c of stats.json().byChild) assert.ok(isWithin(c.code, want.code), `${u} child ${c.code}`);

        const list = await t.call(s[u]!, 'GET', '/api/five-ones?pageSize=200');
        assert.equal(list.statusCode, 200, `${u}: ${list.body}`);
        const l = list.json();
        assert.equal(l.region.code, want.code, u);
        assert.ok(l.villages > 0, u);
        assert.equal(l.total, l.villages, u);
        for (const v of l.items) assert.ok(isWithin(v.code, want.code), `${u} listed ${v.code}`);
        const firstSecretaries = l.gaps.find((g: { kind: string }) => g.kind === 'first_secretary').villages;
        assert.equal(l.villages - firstSecretaries, want.firstSecretaries, u);
      }
    });
  });
}
