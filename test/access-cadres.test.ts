import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ancestorsOf, isWithin, normalizeCode } from '../src/shared/regions.ts';
import { todayInChina } from '../src/core/clock.ts';
import {
  buildCadre,
  buildHelpUnit,
  buildPartner,
  buildRecall,
  buildStation,
  buildTeam,
  buildVillagePairing,
} from './factories.ts';
import { addDays } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

/**
 * Region scope of the cadre endpoints, table-driven: users of a sibling village (same township and
 * another), a sibling township and a sibling county get 403 or 404 on every endpoint for a resource of
 * 龙井村 (宝丰镇), and nothing changes; the read-only inspector reads but never writes; lists never
 * return rows outside the caller's scope. Help units and partners are seen where they are registered, from
 * below (the regions under the registering one) and where they are linked — never from another county.
 */
const LONGJING = '420323103211'; // 龙井村, 宝丰镇
const HUACHANG = '420323103200'; // 铧厂村, 宝丰镇
const DONG = '420323104211'; // 董家沟村, 擂鼓镇

const auditCount = async (t: TestApp) =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const today = todayInChina();
const start = addDays(today, -100);
const end = addDays(start, 800);

/** The sessions and the resources of 龙井村 (and rows elsewhere, so that lists have something to leak). */
async function setup(t: TestApp) {
  const yunxiVillage = (
    await t.db
      .selectFrom('region')
      .select('code')
      .where('level', '=', 'village')
      .where('code', '>=', '420322000000')
      .where('code', '<', '420323000000')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  const users: [string, Parameters<TestApp['as']>[0], string][] = [
    ['zhushan', 'county', '420323'],
    ['baofeng', 'township', '420323103'],
    ['longjing', 'village', LONGJING],
    ['huachang', 'village', HUACHANG],
    ['leigu', 'township', '420323104'],
    ['dongjiagou', 'village', DONG],
    ['yunxi', 'county', '420322'],
    ['yunxiTownship', 'township', yunxiVillage.slice(0, 9)],
    ['yunxiVillage', 'village', yunxiVillage],
    ['inspector', 'inspector', '420323'],
  ];
  const s: Record<string, Session> = {};
  for (const [name, role, scope] of users) s[name] = await t.as(role, scope, name);
  const unitId = await buildHelpUnit(t.db, { name: '竹山县水利局', regionCode: '420323' });
  const yunxiUnit = await buildHelpUnit(t.db, { name: '郧西县水利局', regionCode: '420322' });
  const cadreId = await buildCadre(t.db, LONGJING, { name: '龙井干部', unitId });
  const freeCadreId = await buildCadre(t.db, LONGJING, { name: '龙井待派' });
  const teamId = await buildTeam(t.db, LONGJING, { name: '龙井村工作队', unitId, start });
  const stationId = await buildStation(t.db, cadreId, LONGJING, 'team_member', { start, end, teamId, unitId });
  const recallId = await buildRecall(t.db, stationId, { effectiveDate: today });
  const partnerId = await buildPartner(t.db, LONGJING, { name: '龙井茶厂', kind: 'enterprise', phone: '13900000000' });
  for (const [village, name] of [
    [HUACHANG, '铧厂干部'],
    [DONG, '董家沟干部'],
    [yunxiVillage, '郧西干部'],
  ] as const) {
    const c = await buildCadre(t.db, village, { name });
    const tm = await buildTeam(t.db, village, { name: `${name}队`, start });
    const st = await buildStation(t.db, c, village, 'first_secretary', { start, end, teamId: tm });
    await buildRecall(t.db, st, { status: 'rejected', reason: 'other', effectiveDate: today });
    await buildPartner(t.db, village, { name: `${name}合作社` });
  }
  // a county leader linked to villages of two townships: listed for each, showing only its own links
  const leader = await buildCadre(t.db, '420323', { name: '县领导' });
  await buildStation(t.db, leader, LONGJING, 'county_leader', { start, end: null });
  await buildStation(t.db, leader, DONG, 'county_leader', { start, end: null });
  return { s, yunxiVillage, yunxiUnit, cadreId, freeCadreId, teamId, stationId, recallId, partnerId, unitId };
}

type Fixture = Awaited<ReturnType<typeof setup>>;
type Call = [method: 'GET' | 'POST' | 'PATCH', url: (f: Fixture) => string, body?: (f: Fixture) => unknown];

/** Every endpoint on a resource of 龙井村; writes carry the version read, so a refusal is never a 428. */
const endpoints: Record<string, Call> = {
  'cadres of region': ['GET', () => `/api/cadres?region=${LONGJING}`],
  'cadre detail': ['GET', (f) => `/api/cadres/${f.cadreId}`],
  'create cadre': ['POST', () => '/api/cadres', () => ({ name: '越权', regionCode: LONGJING })],
  'update cadre': ['PATCH', (f) => `/api/cadres/${f.cadreId}`, () => ({ name: '越权', version: 1 })],
  'reveal cadre': ['POST', (f) => `/api/cadres/${f.cadreId}/reveal`],
  'help units of region': ['GET', () => `/api/help-units?region=${LONGJING}`],
  'create help unit': [
    'POST',
    () => '/api/help-units',
    () => ({ name: '越权单位', level: 'county', kind: 'other', regionCode: '420323' }),
  ],
  'update help unit': ['PATCH', (f) => `/api/help-units/${f.unitId}`, () => ({ name: '越权', version: 1 })],
  'partners of region': ['GET', () => `/api/partners?region=${LONGJING}`],
  'create partner': [
    'POST',
    () => '/api/partners',
    () => ({ name: '越权企业', kind: 'enterprise', regionCode: LONGJING }),
  ],
  'update partner': ['PATCH', (f) => `/api/partners/${f.partnerId}`, () => ({ name: '越权', version: 1 })],
  'teams of region': ['GET', () => `/api/teams?region=${LONGJING}`],
  'team detail': ['GET', (f) => `/api/teams/${f.teamId}`],
  'create team': ['POST', () => '/api/teams', () => ({ regionCode: LONGJING, name: '越权', startDate: today })],
  'update team': ['PATCH', (f) => `/api/teams/${f.teamId}`, () => ({ name: '越权', version: 1 })],
  'stations of region': ['GET', () => `/api/stations?region=${LONGJING}`],
  'station detail': ['GET', (f) => `/api/stations/${f.stationId}`],
  'create station': [
    'POST',
    () => '/api/stations',
    (f) => ({ personId: f.freeCadreId, regionCode: LONGJING, role: 'instructor', startDate: today }),
  ],
  'end station': [
    'POST',
    (f) => `/api/stations/${f.stationId}/end`,
    () => ({ endedOn: today, reason: 'rotation', version: 1 }),
  ],
  'recalls of region': ['GET', () => `/api/recalls?region=${LONGJING}`],
  'request recall': [
    'POST',
    () => '/api/recalls',
    (f) => ({ stationId: f.stationId, reason: 'health', effectiveDate: today }),
  ],
  'decide recall': ['POST', (f) => `/api/recalls/${f.recallId}/decide`, () => ({ approve: true, version: 1 })],
};

async function unchanged(t: TestApp, f: Fixture) {
  const station = await t.db
    .selectFrom('stationing')
    .select(['ended_on', 'version'])
    .where('id', '=', f.stationId)
    .executeTakeFirstOrThrow();
  const recall = await t.db
    .selectFrom('recall')
    .select(['status', 'version'])
    .where('id', '=', f.recallId)
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
  assert.deepEqual([station.version, recall.version], [1, 1]);
  assert.deepEqual(names, []);
}

for (const dialect of DIALECTS) {
  describe(`region scope on every cadre endpoint [${dialect}]`, () => {
    const app = eachTest(dialect, setup);

    for (const outsider of ['huachang', 'dongjiagou', 'leigu', 'yunxi']) {
      it(`${outsider} gets 403/404 on every endpoint for 龙井村 and nothing changes`, async () => {
        const { t, ...f } = app();
        const audits = await auditCount(t);
        for (const [name, [method, url, body]] of Object.entries(endpoints)) {
          const res = await t.call(f.s[outsider]!, method, url(f), body?.(f));
          assert.ok([403, 404].includes(res.statusCode), `${outsider} ${name}: ${res.statusCode} ${res.body}`);
        }
        assert.equal(await auditCount(t), audits);
        await unchanged(t, f);
      });
    }

    it('the read-only inspector reads the county but every write is refused', async () => {
      const { t, ...f } = app();
      const audits = await auditCount(t);
      for (const [name, [method, url, body]] of Object.entries(endpoints)) {
        const res = await t.call(f.s.inspector!, method, url(f), body?.(f));
        if (method === 'GET') assert.equal(res.statusCode, 200, `inspector ${name}: ${res.body}`);
        else assert.equal(res.statusCode, 403, `inspector ${name}: ${res.body}`);
      }
      assert.equal(await auditCount(t), audits);
      await unchanged(t, f);
    });

    it('the owning village and township read; writes follow their permissions', async () => {
      const { t, ...f } = app();
      for (const user of ['longjing', 'baofeng'])
        for (const [name, [method, url]] of Object.entries(endpoints))
          if (method === 'GET')
            assert.equal((await t.call(f.s[user]!, method, url(f))).statusCode, 200, `${user} ${name}`);
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
          const b = body?.(f) as Record<string, unknown> | undefined;
          const payload =
            name === 'update cadre'
              ? { post: `${user}改`, version: 1 }
              : name === 'create partner'
                ? { ...b, name: `${user}的企业` }
                : b;
          const res = await t.call(f.s[user]!, method, url(f), payload);
          assert.equal(res.statusCode, status, `${user} ${name}: ${res.body}`);
        }
      // the county may do everything there
      assert.equal((await t.call(f.s.zhushan!, 'POST', `/api/cadres/${f.cadreId}/reveal`)).statusCode, 200);
      const [method, url, body] = endpoints['create station']!;
      assert.equal((await t.call(f.s.zhushan!, method, url(f), body!(f))).statusCode, 201);
    });

    const scopes: Record<string, string> = {
      longjing: LONGJING,
      huachang: HUACHANG,
      dongjiagou: DONG,
      baofeng: '420323103000',
      leigu: '420323104000',
      yunxi: '420322000000',
    };
    type Item = { id: number; regionCode: string; stations?: { regionCode: string }[] };
    const lists: [url: string, name: string][] = [
      ['/api/cadres?pageSize=200', 'cadres'],
      ['/api/cadres?pageSize=200&role=county_leader', 'county leaders'],
      ['/api/partners?pageSize=200', 'partners'],
      ['/api/help-units?pageSize=200', 'help units'],
      ['/api/teams?pageSize=200', 'teams'],
      ['/api/stations?pageSize=200&active=all', 'stations'],
      ['/api/recalls?pageSize=200', 'recalls'],
    ];
    for (const [user, scope] of Object.entries(scopes)) {
      it(`${user}'s lists hold only rows inside its scope`, async () => {
        const { t, ...f } = app();
        // Units and partners may also be registered above the scope, or linked to it by a cadre, stationing or
        // pairing inside it.
        const above = new Set(ancestorsOf(scope));
        const linked = async (table: 'help_unit' | 'partner', id: number) => {
          const column = table === 'help_unit' ? 'unit_id' : 'partner_id';
          const codes = [
            ...(await t.db.selectFrom('pairing').select('region_code').where(column, '=', id).execute()),
            ...(table === 'help_unit'
              ? [
                  ...(await t.db.selectFrom('stationing').select('region_code').where('unit_id', '=', id).execute()),
                  ...(await t.db.selectFrom('person').select('region_code').where('unit_id', '=', id).execute()),
                ]
              : []),
          ];
          return codes.some((c) => isWithin(c.region_code, scope));
        };
        for (const [url, name] of lists) {
          const res = await t.call(f.s[user]!, 'GET', url);
          assert.equal(res.statusCode, 200, `${user} ${name}: ${res.body}`);
          const items = res.json().items as Item[];
          if (name !== 'county leaders' || !['huachang', 'yunxi'].includes(user))
            assert.ok(items.length > 0, `${user} ${name} is empty`);
          for (const item of items) {
            const inside =
              isWithin(item.regionCode, scope) ||
              (item.stations ?? []).some((st) => isWithin(st.regionCode, scope)) ||
              (name === 'help units' && (above.has(item.regionCode) || (await linked('help_unit', item.id)))) ||
              (name === 'partners' && (above.has(item.regionCode) || (await linked('partner', item.id))));
            assert.ok(inside, `${user} ${name} leaked ${item.regionCode}`);
            for (const st of item.stations ?? [])
              assert.ok(isWithin(st.regionCode, scope), `${user} ${name} leaked a station in ${st.regionCode}`);
          }
        }
      });
    }

    it('help units are seen across the county, their counts limited to the scope; not from another county', async () => {
      const { t, ...f } = app();
      for (const user of Object.keys(scopes)) {
        const res = await t.call(f.s[user]!, 'GET', '/api/help-units?q=' + encodeURIComponent('竹山县水利局'));
        assert.equal(res.statusCode, 200, user);
        if (user === 'yunxi') {
          assert.deepEqual(res.json().items, [], 'another county does not see the county’s own units');
          continue;
        }
        const [unit] = res.json().items;
        const inside = isWithin(LONGJING, scopes[user]!);
        assert.equal(unit.cadres, inside ? 1 : 0, `${user} cadres`);
        assert.equal(unit.villages, inside ? 1 : 0, `${user} villages`);
      }
    });

    it("a township or village of another county sees the units above it and its county's, never 竹山's", async () => {
      const { t, s, yunxiVillage, yunxiUnit } = app();
      const central = await buildHelpUnit(t.db, { name: '国家开发银行', level: 'central', regionCode: '000000000000' });
      const hubei = await buildHelpUnit(t.db, { name: '湖北省交通运输厅', level: 'provincial', regionCode: '420000' });
      const shiyan = await buildHelpUnit(t.db, { name: '十堰市卫健委', level: 'city', regionCode: '4203' });
      const hunan = await buildHelpUnit(t.db, { name: '湖南省农业农村厅', level: 'provincial', regionCode: '430000' });
      const zhushanTown = await buildHelpUnit(t.db, {
        name: '宝丰镇人民政府',
        level: 'township',
        regionCode: '420323103',
      });
      const ids = async (user: string, query = '') =>
        ((await t.call(s[user]!, 'GET', `/api/help-units?pageSize=200${query}`)).json().items as { id: number }[])
          .map((u) => u.id)
          .sort((a, b) => a - b);
      const zhushanUnits = await t.db
        .selectFrom('help_unit')
        .select('id')
        .where('region_code', '>=', '420323000000')
        .where('region_code', '<', '420324000000')
        .execute();
      assert.ok(zhushanUnits.length >= 2);
      for (const user of ['yunxiTownship', 'yunxiVillage', 'yunxi']) {
        const seen = await ids(user);
        assert.deepEqual(
          seen,
          [yunxiUnit, central, hubei, shiyan].sort((a, b) => a - b),
          user,
        );
        for (const { id } of zhushanUnits) assert.ok(!seen.includes(id), `${user} sees 竹山's unit ${id}`);
      }
      // A unit of another province helping a village of the county (东西部协作) is seen where it helps.
      await buildVillagePairing(t.db, yunxiVillage, { unitId: hunan }, { start });
      assert.ok((await ids('yunxiVillage')).includes(hunan));
      assert.ok((await ids('yunxi')).includes(hunan));
      assert.ok(!(await ids('longjing')).includes(hunan));
      // From 龙井村: its township's and county's units and those above; not 铧厂村's township sibling 擂鼓镇's.
      const leigu = await buildHelpUnit(t.db, { name: '擂鼓镇人民政府', level: 'township', regionCode: '420323104' });
      const fromLongjing = await ids('longjing');
      for (const id of [central, hubei, shiyan, zhushanTown, ...zhushanUnits.map((u) => u.id)])
        assert.ok(fromLongjing.includes(id), `longjing misses ${id}`);
      assert.ok(!fromLongjing.includes(leigu));
      assert.ok(!fromLongjing.includes(yunxiUnit));
      // ?region narrows the view the same way.
      assert.equal((await t.call(s.yunxi!, 'GET', `/api/help-units?region=${LONGJING}`)).statusCode, 403);
      assert.deepEqual(await ids('zhushan', `&region=${normalizeCode(LONGJING)}&level=township`), [zhushanTown]);
    });

    it('partners are seen from below their region and where they are paired, never from another county', async () => {
      const { t, s, yunxiVillage } = app();
      const countyFirm = await buildPartner(t.db, '420323', { name: '竹山县绿松石公司', kind: 'enterprise' });
      const names = async (user: string) =>
        ((await t.call(s[user]!, 'GET', '/api/partners?pageSize=200')).json().items as { name: string }[]).map(
          (p) => p.name,
        );
      for (const user of ['longjing', 'baofeng', 'dongjiagou', 'zhushan'])
        assert.ok((await names(user)).includes('竹山县绿松石公司'), user);
      for (const user of ['yunxi', 'yunxiTownship', 'yunxiVillage'])
        assert.ok(!(await names(user)).includes('竹山县绿松石公司'), user);
      // paired with a village of 郧西: seen there, with the village counted
      await buildVillagePairing(t.db, yunxiVillage, { partnerId: countyFirm }, { start });
      const there = (await t.call(s.yunxiVillage!, 'GET', '/api/partners?pageSize=200')).json().items as {
        id: number;
        villages: number;
      }[];
      assert.equal(there.find((p) => p.id === countyFirm)?.villages, 1);
      assert.equal(
        (await t.call(s.longjing!, 'GET', '/api/partners?pageSize=200'))
          .json()
          .items.find((p: { id: number }) => p.id === countyFirm).villages,
        0,
      );
    });
  });
}
