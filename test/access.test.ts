import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { household } from './fixtures.ts';
import { isWithin } from '../src/shared/regions.ts';
import { buildUser } from './factories.ts';
import { DIALECTS, PASSWORD, testApp, type Session, type TestApp } from './harness.ts';

/**
 * Region scope, table-driven: every endpoint, called by users of a sibling village, township or
 * county on a resource of 龙井村 (宝丰镇), answers 403 or 404 and changes nothing; lists never
 * return rows outside the caller's scope.
 */
const LONGJING = '420323103211';
const DONGJIAGOU = '420323104211';

for (const dialect of DIALECTS) {
  describe(`region scope on every endpoint [${dialect}]`, () => {
    let t: TestApp;
    const s: Record<string, Session> = {};
    let unitId = 0;
    let memberId = 0;
    let personId = 0;
    let foreignPersonId = 0;
    let householdId = 0;

    before(async () => {
      t = await testApp(dialect);
      await loadDemo(t.db, { county: '420323', password: PASSWORD, households: 0 });
      await buildUser(t.db, 'county', '420322', 'yunxi');
      for (const u of ['dongjiagou', 'leigu', 'baofeng', 'zhushan', 'inspector', 'yunxi']) s[u] = await t.login(u);
      const unit = await t.db
        .selectFrom('command_unit')
        .select('id')
        .where('region_code', '=', LONGJING)
        .executeTakeFirstOrThrow();
      unitId = unit.id;
      const m = await t.db
        .selectFrom('command_member')
        .select(['id', 'person_id'])
        .where('unit_id', '=', unitId)
        .executeTakeFirstOrThrow();
      memberId = m.id;
      personId = m.person_id;
      const own = await t.db
        .selectFrom('person')
        .select('id')
        .where('region_code', '=', DONGJIAGOU)
        .executeTakeFirstOrThrow();
      foreignPersonId = own.id;
      const ids = await saveHouseholds(t.db, '420323000000', [household('LJ-0001', LONGJING) as never]);
      householdId = ids.get('LJ-0001')!;
      await saveHouseholds(t.db, '420323000000', [household('DJG-0001', DONGJIAGOU) as never]);
    });
    after(() => t.close());

    type Call = [method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: () => string, body?: () => unknown];
    const endpoints: Record<string, Call> = {
      'region detail': ['GET', () => `/api/regions/${LONGJING}`],
      'region children': ['GET', () => `/api/regions/${LONGJING}/children`],
      'township detail': ['GET', () => '/api/regions/420323103'],
      'set flags': ['PATCH', () => `/api/regions/${LONGJING}/flags`, () => ({ poorVillage: true })],
      'add group': ['POST', () => `/api/regions/${LONGJING}/groups`, () => ({ no: 99 })],
      'units of region': ['GET', () => `/api/command-units?region=${LONGJING}`],
      'unit detail': ['GET', () => `/api/command-units/${unitId}`],
      'create unit': [
        'POST',
        () => '/api/command-units',
        () => ({ regionCode: LONGJING, kind: 'command_post', name: '越权' }),
      ],
      'update unit': ['PATCH', () => `/api/command-units/${unitId}`, () => ({ name: '越权' })],
      'delete unit': ['DELETE', () => `/api/command-units/${unitId}`],
      'add member': ['POST', () => `/api/command-units/${unitId}/members`, () => ({ personId: foreignPersonId })],
      'remove member': ['DELETE', () => `/api/command-units/${unitId}/members/${memberId}`],
      'people of region': ['GET', () => `/api/people?region=${LONGJING}`],
      'create person': ['POST', () => '/api/people', () => ({ regionCode: LONGJING, name: '越权' })],
      'update person': ['PATCH', () => `/api/people/${personId}`, () => ({ name: '越权' })],
      'reveal phone': ['POST', () => `/api/people/${personId}/reveal`],
      'households of region': ['GET', () => `/api/households?region=${LONGJING}`],
      'household detail': ['GET', () => `/api/households/${householdId}`],
      'create household': ['POST', () => '/api/households', () => household('LJ-0099', LONGJING)],
      'update household': ['PUT', () => `/api/households/${householdId}`, () => household('LJ-0001', LONGJING)],
      'reveal household': ['POST', () => `/api/households/${householdId}/reveal`, () => ({})],
      'poverty statistics': ['GET', () => `/api/stats/poverty?region=${LONGJING}`],
      'register statistics': ['GET', () => `/api/stats/register?region=${LONGJING}`],
    };

    for (const outsider of ['dongjiagou', 'leigu', 'yunxi']) {
      it(`${outsider} gets 403/404 on every endpoint for 龙井村 and nothing changes`, async () => {
        const auditBefore = await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        for (const [name, [method, url, body]] of Object.entries(endpoints)) {
          const res = await t.call(s[outsider]!, method, url(), body?.());
          assert.ok([403, 404].includes(res.statusCode), `${outsider} ${name}: ${res.statusCode} ${res.body}`);
        }
        const auditAfter = await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(auditAfter.n), Number(auditBefore.n));
        const unit = await t.db
          .selectFrom('command_unit')
          .select('name')
          .where('id', '=', unitId)
          .executeTakeFirstOrThrow();
        assert.notEqual(unit.name, '越权');
      });
    }

    it('the read-only inspector reads the county but every write is refused', async () => {
      for (const [name, [method, url, body]] of Object.entries(endpoints)) {
        const res = await t.call(s.inspector!, method, url(), body?.());
        if (method === 'GET') assert.equal(res.statusCode, 200, `inspector ${name}`);
        else assert.equal(res.statusCode, 403, `inspector ${name}: ${res.body}`);
      }
    });

    it('the owning township may read and write there', async () => {
      const read = await t.call(s.baofeng!, 'GET', `/api/command-units/${unitId}`);
      assert.equal(read.statusCode, 200);
      const { version } = read.json();
      assert.equal(
        (await t.call(s.baofeng!, 'PATCH', `/api/command-units/${unitId}`, { name: '龙井村指挥所（改）', version }))
          .statusCode,
        200,
      );
      assert.equal((await t.call(s.baofeng!, 'POST', `/api/regions/${LONGJING}/groups`, { no: 99 })).statusCode, 201);
    });

    const lists: [string, string, (item: Record<string, string>) => string][] = [
      ['/api/command-units?pageSize=500', 'command units', (i) => i.regionCode!],
      ['/api/people?pageSize=500', 'people', (i) => i.regionCode!],
      ['/api/regions/roots', 'roots', (i) => i.code!],
      ['/api/regions/search?q=村&limit=100', 'search', (i) => i.code!],
      ['/api/households?pageSize=500', 'households', (i) => i.regionCode!],
    ];
    const scopes: Record<string, string> = {
      dongjiagou: DONGJIAGOU,
      leigu: '420323104000',
      baofeng: '420323103000',
      yunxi: '420322000000',
    };
    for (const [user, scope] of Object.entries(scopes)) {
      it(`${user}'s lists hold only rows inside its scope`, async () => {
        for (const [url, name, codeOf] of lists) {
          const res = await t.call(s[user]!, 'GET', url);
          assert.equal(res.statusCode, 200, `${user} ${name}`);
          const items = res.json().items as Record<string, string>[];
          if (user !== 'yunxi' || name === 'roots' || name === 'search')
            assert.ok(items.length > 0, `${user} ${name} is empty`);
          for (const item of items) assert.ok(isWithin(codeOf(item), scope), `${user} ${name} leaked ${codeOf(item)}`);
        }
      });
    }

    it('admin-only endpoints refuse regional users', async () => {
      for (const user of ['zhushan', 'leigu', 'dongjiagou', 'inspector']) {
        assert.equal((await t.call(s[user]!, 'GET', '/api/users')).statusCode, 403, user);
        assert.equal((await t.call(s[user]!, 'GET', '/api/audit')).statusCode, 403, user);
        assert.equal(
          (await t.call(s[user]!, 'PUT', '/api/policy/params', { key: 'poverty_line', year: 2020, value: 1 }))
            .statusCode,
          403,
          user,
        );
        assert.equal(
          (await t.call(s[user]!, 'PUT', '/api/code-lists/cause/illness', { zh: 'x', en: 'x' })).statusCode,
          403,
          user,
        );
        const create = await t.call(s[user]!, 'POST', '/api/users', {
          username: 'evil',
          displayName: 'x',
          password: 'abc12345',
          roles: [{ role: 'admin', scopeCode: '000000000000' }],
        });
        assert.equal(create.statusCode, 403, user);
      }
    });
  });
}
