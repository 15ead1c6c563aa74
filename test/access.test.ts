import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../src/shared/codes.ts';
import { nowIso } from '../src/core/db/index.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { household } from './fixtures.ts';
import { isWithin } from '../src/shared/regions.ts';
import { buildPerson, buildUnit } from './factories.ts';
import { DIALECTS, eachTest, type Session } from './harness.ts';

/**
 * Region scope, table-driven: every endpoint, called by users of a sibling village, township or
 * county on a resource of 龙井村 (宝丰镇), answers 403 or 404 and changes nothing; lists never
 * return rows outside the caller's scope.
 */
const LONGJING = '420323103211';
const DONGJIAGOU = '420323104211';

/** The users of the table, as the demo names them (and 郧西县's county user), each with its role and scope. */
const USERS: Record<string, [Role, string]> = {
  dongjiagou: ['village', DONGJIAGOU],
  leigu: ['township', '420323104'],
  baofeng: ['township', '420323103'],
  zhushan: ['county', '420323'],
  inspector: ['inspector', '420323'],
  yunxi: ['county', '420322'],
};

for (const dialect of DIALECTS) {
  describe(`region scope on every endpoint [${dialect}]`, () => {
    // Each test starts from its own copy: a command post with a member in each of the two villages, a person and
    // a household in each, and a session per user.
    const app = eachTest(dialect, async (t) => {
      const s: Record<string, Session> = {};
      for (const [name, [role, scope]] of Object.entries(USERS)) s[name] = await t.as(role, scope, name);
      const personId = await buildPerson(t.db, LONGJING);
      const foreignPersonId = await buildPerson(t.db, DONGJIAGOU);
      const unitId = await buildUnit(t.db, LONGJING, 'command_post', '龙井村指挥所', personId);
      await buildUnit(t.db, DONGJIAGOU, 'command_post', '董家沟村指挥所', foreignPersonId);
      const { id: memberId } = await t.db
        .insertInto('command_member')
        .values({ unit_id: unitId, person_id: personId, duty: '成员', region_code: LONGJING, created_at: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids = await saveHouseholds(t.db, '420323000000', [household('LJ-0001', LONGJING) as never]);
      await saveHouseholds(t.db, '420323000000', [household('DJG-0001', DONGJIAGOU) as never]);
      return { s, unitId, memberId, personId, foreignPersonId, householdId: ids.get('LJ-0001')! };
    });

    type Call = [method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: () => string, body?: () => unknown];
    const endpoints: Record<string, Call> = {
      'region detail': ['GET', () => `/api/regions/${LONGJING}`],
      'region children': ['GET', () => `/api/regions/${LONGJING}/children`],
      'township detail': ['GET', () => '/api/regions/420323103'],
      'set flags': ['PATCH', () => `/api/regions/${LONGJING}/flags`, () => ({ poorVillage: true })],
      'add group': ['POST', () => `/api/regions/${LONGJING}/groups`, () => ({ no: 99 })],
      'units of region': ['GET', () => `/api/command-units?region=${LONGJING}`],
      'unit detail': ['GET', () => `/api/command-units/${app().unitId}`],
      'create unit': [
        'POST',
        () => '/api/command-units',
        () => ({ regionCode: LONGJING, kind: 'command_post', name: '越权' }),
      ],
      'update unit': ['PATCH', () => `/api/command-units/${app().unitId}`, () => ({ name: '越权' })],
      'delete unit': ['DELETE', () => `/api/command-units/${app().unitId}`],
      'add member': [
        'POST',
        () => `/api/command-units/${app().unitId}/members`,
        () => ({ personId: app().foreignPersonId }),
      ],
      'remove member': ['DELETE', () => `/api/command-units/${app().unitId}/members/${app().memberId}`],
      'people of region': ['GET', () => `/api/people?region=${LONGJING}`],
      'create person': ['POST', () => '/api/people', () => ({ regionCode: LONGJING, name: '越权' })],
      'update person': ['PATCH', () => `/api/people/${app().personId}`, () => ({ name: '越权' })],
      'reveal phone': ['POST', () => `/api/people/${app().personId}/reveal`],
      'households of region': ['GET', () => `/api/households?region=${LONGJING}`],
      'household detail': ['GET', () => `/api/households/${app().householdId}`],
      'create household': ['POST', () => '/api/households', () => household('LJ-0099', LONGJING)],
      'update household': ['PUT', () => `/api/households/${app().householdId}`, () => household('LJ-0001', LONGJING)],
      'reveal household': ['POST', () => `/api/households/${app().householdId}/reveal`, () => ({})],
      'poverty statistics': ['GET', () => `/api/stats/poverty?region=${LONGJING}`],
      'register statistics': ['GET', () => `/api/stats/register?region=${LONGJING}`],
    };

    for (const outsider of ['dongjiagou', 'leigu', 'yunxi']) {
      it(`${outsider} gets 403/404 on every endpoint for 龙井村 and nothing changes`, async () => {
        const { t, s, unitId } = app();
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
      const { t, s } = app();
      for (const [name, [method, url, body]] of Object.entries(endpoints)) {
        const res = await t.call(s.inspector!, method, url(), body?.());
        if (method === 'GET') assert.equal(res.statusCode, 200, `inspector ${name}`);
        else assert.equal(res.statusCode, 403, `inspector ${name}: ${res.body}`);
      }
    });

    it('the owning township may read and write there', async () => {
      const { t, s, unitId } = app();
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
        const { t, s } = app();
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

    it('users, audit and policy writes: the county manages its own accounts, nobody below does', async () => {
      const { t, s } = app();
      const expected: Record<string, { users: number; audit: number }> = {
        zhushan: { users: 200, audit: 200 }, // delegated administration (test/county-admin.test.ts)
        inspector: { users: 403, audit: 200 }, // reads the audit log of its scope
        leigu: { users: 403, audit: 403 },
        dongjiagou: { users: 403, audit: 403 },
      };
      for (const [user, codes] of Object.entries(expected)) {
        assert.equal((await t.call(s[user]!, 'GET', '/api/users')).statusCode, codes.users, user);
        assert.equal((await t.call(s[user]!, 'GET', '/api/audit')).statusCode, codes.audit, user);
        assert.equal((await t.call(s[user]!, 'GET', '/api/policy/params')).statusCode, 200, user);
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
      assert.equal(
        await t.db.selectFrom('app_user').select('id').where('username', '=', 'evil').executeTakeFirst(),
        undefined,
      );
    });
  });
}
