import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isWithin } from '../src/shared/regions.ts';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildHelpUnit, buildStation, buildUser } from './factories.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';

/**
 * Region scope of the cadre endpoints, table-driven: users of a sibling village (same township and
 * another), a sibling township and a sibling county get 403 or 404 on every endpoint for a resource of
 * 龙井村 (宝丰镇), and nothing changes; the read-only inspector reads but never writes; lists never
 * return rows outside the caller's scope.
 */
const LONGJING = '420323103211'; // 龙井村, 宝丰镇
const HUACHANG = '420323103200'; // 铧厂村, 宝丰镇
const DONG = '420323104211'; // 董家沟村, 擂鼓镇

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
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

for (const dialect of DIALECTS) {
  describe(`region scope on every cadre endpoint [${dialect}]`, () => {
    let t: TestApp;
    const s: Record<string, Session> = {};
    const today = todayInChina();
    const start = addDays(today, -100);
    const end = addDays(start, 800);
    let yunxiVillage = '';
    // resources of 龙井村
    let cadreId = 0;
    let stationId = 0;
    let teamId = 0;
    let recallId = 0;
    let partnerId = 0;
    let unitId = 0;
    let freeCadreId = 0;

    before(async () => {
      t = await testApp(dialect);
      yunxiVillage = (
        await t.db
          .selectFrom('region')
          .select('code')
          .where('level', '=', 'village')
          .where('code', '>=', '420322000000')
          .where('code', '<', '420323000000')
          .orderBy('code')
          .executeTakeFirstOrThrow()
      ).code;
      const users: [string, Parameters<typeof buildUser>[1], string][] = [
        ['zhushan', 'county', '420323'],
        ['baofeng', 'township', '420323103'],
        ['longjing', 'village', LONGJING],
        ['huachang', 'village', HUACHANG],
        ['leigu', 'township', '420323104'],
        ['dongjiagou', 'village', DONG],
        ['yunxi', 'county', '420322'],
        ['inspector', 'inspector', '420323'],
      ];
      for (const [name, role, scope] of users) {
        await buildUser(t.db, role, scope, name);
        s[name] = await t.login(name);
      }
      unitId = await buildHelpUnit(t.db, { name: '竹山县水利局', regionCode: '420323' });
      await buildHelpUnit(t.db, { name: '郧西县水利局', regionCode: '420322' });
      cadreId = await buildCadre(t.db, LONGJING, { name: '龙井干部', unitId });
      freeCadreId = await buildCadre(t.db, LONGJING, { name: '龙井待派' });
      const team = await t.db
        .insertInto('work_team')
        .values({
          region_code: LONGJING,
          name: '龙井村工作队',
          unit_id: unitId,
          start_date: start,
          end_date: null,
          created_at: today,
          updated_at: today,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      teamId = team.id;
      stationId = await buildStation(t.db, cadreId, LONGJING, 'team_member', { start, end, teamId, unitId });
      const recall = await t.db
        .insertInto('recall')
        .values({
          stationing_id: stationId,
          person_id: cadreId,
          region_code: LONGJING,
          reason: 'health',
          note: null,
          effective_date: today,
          status: 'pending',
          requested_by: 'zhushan',
          requested_at: today,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      recallId = recall.id;
      partnerId = (
        await t.db
          .insertInto('partner')
          .values({
            name: '龙井茶厂',
            kind: 'enterprise',
            region_code: LONGJING,
            contact: null,
            phone: '13900000000',
            created_at: today,
            updated_at: today,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      // rows elsewhere, so that lists have something to leak
      for (const [village, name] of [
        [HUACHANG, '铧厂干部'],
        [DONG, '董家沟干部'],
        [yunxiVillage, '郧西干部'],
      ] as const) {
        const c = await buildCadre(t.db, village, { name });
        const tm = await t.db
          .insertInto('work_team')
          .values({
            region_code: village,
            name: `${name}队`,
            unit_id: null,
            start_date: start,
            end_date: null,
            created_at: today,
            updated_at: today,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const st = await buildStation(t.db, c, village, 'first_secretary', { start, end, teamId: tm.id });
        await t.db
          .insertInto('recall')
          .values({
            stationing_id: st,
            person_id: c,
            region_code: village,
            reason: 'other',
            note: null,
            effective_date: today,
            status: 'rejected',
            requested_by: 'x',
            requested_at: today,
          })
          .execute();
        await t.db
          .insertInto('partner')
          .values({
            name: `${name}合作社`,
            kind: 'cooperative',
            region_code: village,
            contact: null,
            phone: null,
            created_at: today,
            updated_at: today,
          })
          .execute();
      }
      // a county leader linked to villages of two townships: listed for each, showing only its own links
      const leader = await buildCadre(t.db, '420323', { name: '县领导' });
      await buildStation(t.db, leader, LONGJING, 'county_leader', { start, end: null });
      await buildStation(t.db, leader, DONG, 'county_leader', { start, end: null });
    });
    after(() => t.close());

    type Call = [method: 'GET' | 'POST' | 'PATCH', url: () => string, body?: () => unknown];
    const endpoints: Record<string, Call> = {
      'cadres of region': ['GET', () => `/api/cadres?region=${LONGJING}`],
      'cadre detail': ['GET', () => `/api/cadres/${cadreId}`],
      'create cadre': ['POST', () => '/api/cadres', () => ({ name: '越权', regionCode: LONGJING })],
      'update cadre': ['PATCH', () => `/api/cadres/${cadreId}`, () => ({ name: '越权' })],
      'reveal cadre': ['POST', () => `/api/cadres/${cadreId}/reveal`],
      'help units of region': ['GET', () => `/api/help-units?region=${LONGJING}`],
      'create help unit': [
        'POST',
        () => '/api/help-units',
        () => ({ name: '越权单位', level: 'county', kind: 'other', regionCode: '420323' }),
      ],
      'update help unit': ['PATCH', () => `/api/help-units/${unitId}`, () => ({ name: '越权' })],
      'partners of region': ['GET', () => `/api/partners?region=${LONGJING}`],
      'create partner': [
        'POST',
        () => '/api/partners',
        () => ({ name: '越权企业', kind: 'enterprise', regionCode: LONGJING }),
      ],
      'update partner': ['PATCH', () => `/api/partners/${partnerId}`, () => ({ name: '越权' })],
      'teams of region': ['GET', () => `/api/teams?region=${LONGJING}`],
      'team detail': ['GET', () => `/api/teams/${teamId}`],
      'create team': ['POST', () => '/api/teams', () => ({ regionCode: LONGJING, name: '越权', startDate: today })],
      'update team': ['PATCH', () => `/api/teams/${teamId}`, () => ({ name: '越权' })],
      'stations of region': ['GET', () => `/api/stations?region=${LONGJING}`],
      'station detail': ['GET', () => `/api/stations/${stationId}`],
      'create station': [
        'POST',
        () => '/api/stations',
        () => ({ personId: freeCadreId, regionCode: LONGJING, role: 'instructor', startDate: today }),
      ],
      'end station': ['POST', () => `/api/stations/${stationId}/end`, () => ({ endedOn: today, reason: 'rotation' })],
      'recalls of region': ['GET', () => `/api/recalls?region=${LONGJING}`],
      'request recall': ['POST', () => '/api/recalls', () => ({ stationId, reason: 'health', effectiveDate: today })],
      'decide recall': ['POST', () => `/api/recalls/${recallId}/decide`, () => ({ approve: true })],
    };

    const unchanged = async () => {
      const station = await t.db
        .selectFrom('stationing')
        .select(['ended_on'])
        .where('id', '=', stationId)
        .executeTakeFirstOrThrow();
      const recall = await t.db
        .selectFrom('recall')
        .select('status')
        .where('id', '=', recallId)
        .executeTakeFirstOrThrow();
      const names = await t.db
        .selectFrom('person')
        .select('name')
        .where('name', '=', '越权')
        .union(t.db.selectFrom('work_team').select('name').where('name', '=', '越权'))
        .union(t.db.selectFrom('partner').select('name').where('name', 'like', '越权%'))
        .union(t.db.selectFrom('help_unit').select('name').where('name', 'like', '越权%'))
        .execute();
      assert.equal(station.ended_on, null);
      assert.equal(recall.status, 'pending');
      assert.deepEqual(names, []);
    };

    for (const outsider of ['huachang', 'dongjiagou', 'leigu', 'yunxi']) {
      it(`${outsider} gets 403/404 on every endpoint for 龙井村 and nothing changes`, async () => {
        const audits = await auditCount(t);
        for (const [name, [method, url, body]] of Object.entries(endpoints)) {
          const res = await t.call(s[outsider]!, method, url(), body?.());
          assert.ok([403, 404].includes(res.statusCode), `${outsider} ${name}: ${res.statusCode} ${res.body}`);
        }
        assert.equal(await auditCount(t), audits);
        await unchanged();
      });
    }

    it('the read-only inspector reads the county but every write is refused', async () => {
      const audits = await auditCount(t);
      for (const [name, [method, url, body]] of Object.entries(endpoints)) {
        const res = await t.call(s.inspector!, method, url(), body?.());
        if (method === 'GET') assert.equal(res.statusCode, 200, `inspector ${name}: ${res.body}`);
        else assert.equal(res.statusCode, 403, `inspector ${name}: ${res.body}`);
      }
      assert.equal(await auditCount(t), audits);
      await unchanged();
    });

    it('the owning village and township read; writes follow their permissions', async () => {
      for (const user of ['longjing', 'baofeng'])
        for (const [name, [method, url]] of Object.entries(endpoints))
          if (method === 'GET')
            assert.equal((await t.call(s[user]!, method, url())).statusCode, 200, `${user} ${name}`);
      const expected: Record<string, Record<string, number>> = {
        // force.write, no force.station, no recall rights, no pii.reveal
        longjing: {
          'update cadre': 200,
          'create partner': 201,
          'create station': 403,
          'create team': 403,
          'end station': 403,
          'request recall': 403,
          'decide recall': 403,
          'reveal cadre': 403,
          'create help unit': 403,
        },
        // + recall.request (a recall is pending already: 409), no recall.approve
        baofeng: { 'create station': 403, 'request recall': 409, 'decide recall': 403, 'reveal cadre': 403 },
      };
      for (const [user, calls] of Object.entries(expected))
        for (const [name, status] of Object.entries(calls)) {
          const [method, url, body] = endpoints[name]!;
          const b = body?.() as Record<string, unknown> | undefined;
          const payload =
            name === 'update cadre'
              ? { post: `${user}改` }
              : name === 'create partner'
                ? { ...b, name: `${user}的企业` }
                : b;
          const res = await t.call(s[user]!, method, url(), payload);
          assert.equal(res.statusCode, status, `${user} ${name}: ${res.body}`);
        }
      // the county may do everything there
      assert.equal((await t.call(s.zhushan!, 'POST', `/api/cadres/${cadreId}/reveal`)).statusCode, 200);
      const [method, url, body] = endpoints['create station']!;
      assert.equal((await t.call(s.zhushan!, method, url(), body!())).statusCode, 201);
    });

    const scopes: Record<string, string> = {
      longjing: LONGJING,
      huachang: HUACHANG,
      dongjiagou: DONG,
      baofeng: '420323103000',
      leigu: '420323104000',
      yunxi: '420322000000',
    };
    type Item = { regionCode: string; stations?: { regionCode: string }[] };
    const lists: [url: string, name: string][] = [
      ['/api/cadres?pageSize=200', 'cadres'],
      ['/api/cadres?pageSize=200&role=county_leader', 'county leaders'],
      ['/api/partners?pageSize=200', 'partners'],
      ['/api/teams?pageSize=200', 'teams'],
      ['/api/stations?pageSize=200&active=all', 'stations'],
      ['/api/recalls?pageSize=200', 'recalls'],
    ];
    for (const [user, scope] of Object.entries(scopes)) {
      it(`${user}'s lists hold only rows inside its scope`, async () => {
        for (const [url, name] of lists) {
          const res = await t.call(s[user]!, 'GET', url);
          assert.equal(res.statusCode, 200, `${user} ${name}: ${res.body}`);
          const items = res.json().items as Item[];
          if (name !== 'county leaders' || !['huachang', 'yunxi'].includes(user))
            assert.ok(items.length > 0, `${user} ${name} is empty`);
          for (const item of items) {
            const inside =
              isWithin(item.regionCode, scope) || (item.stations ?? []).some((st) => isWithin(st.regionCode, scope));
            assert.ok(inside, `${user} ${name} leaked ${item.regionCode}`);
            for (const st of item.stations ?? [])
              assert.ok(isWithin(st.regionCode, scope), `${user} ${name} leaked a station in ${st.regionCode}`);
          }
        }
      });
    }

    it('help units are reference data for every role, their counts limited to the scope', async () => {
      for (const user of Object.keys(scopes)) {
        const res = await t.call(s[user]!, 'GET', '/api/help-units?q=' + encodeURIComponent('竹山县水利局'));
        assert.equal(res.statusCode, 200, user);
        const [unit] = res.json().items;
        const inside = isWithin(LONGJING, scopes[user]!);
        assert.equal(unit.cadres, inside ? 1 : 0, `${user} cadres`);
        assert.equal(unit.villages, inside ? 1 : 0, `${user} villages`);
      }
    });
  });
}
