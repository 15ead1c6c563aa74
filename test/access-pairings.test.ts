import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { isWithin } from '../src/shared/regions.ts';
import { nowIso, type Db } from '../src/core/db/index.ts';
import { buildCadre, buildHelpUnit, buildUser } from './factories.ts';
import { household } from './fixtures.ts';
import { DIALECTS, PASSWORD, testApp, type Session, type TestApp } from './harness.ts';

/**
 * Region scope of the pairing, measure and plan endpoints, table-driven: every endpoint, called by users
 * of a sibling village, township or county on a resource of 龙井村 (宝丰镇), answers 403 or 404 and
 * changes nothing; the read-only inspector reads but cannot write; lists never leave the caller's scope.
 */
const LONGJING = '420323103211';
const DONGJIAGOU = '420323104211';
const YUNXI_VILLAGE = '420322100200';

async function counts(db: Db) {
  const n = async (table: 'pairing' | 'measure' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { pairing: await n('pairing'), measure: await n('measure'), audit: await n('audit_log') };
}

async function pairing(db: Db, row: { kind: string; region: string; householdId?: number; personId?: number }) {
  const now = nowIso();
  return (
    await db
      .insertInto('pairing')
      .values({
        kind: row.kind,
        region_code: row.region,
        household_id: row.householdId ?? null,
        person_id: row.personId ?? null,
        unit_id: null,
        partner_id: null,
        helper_region_code: null,
        helper_name: row.kind === 'member_member' ? '甲' : null,
        helped_name: row.kind === 'member_member' ? '乙' : null,
        start_date: '2025-01-01',
        end_date: null,
        note: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function measure(db: Db, householdId: number, region: string) {
  const now = nowIso();
  return (
    await db
      .insertInto('measure')
      .values({
        household_id: householdId,
        region_code: region,
        type: 'health',
        title: '大病救助',
        amount: 100,
        planned_date: null,
        done_date: null,
        person_id: null,
        status: 'planned',
        evidence: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

for (const dialect of DIALECTS) {
  describe(`region scope of pairings and measures [${dialect}]`, () => {
    let t: TestApp;
    const s: Record<string, Session> = {};
    const id = {
      household: 0,
      household2: 0,
      djHousehold: 0,
      unit: 0,
      ljCadre: 0,
      djCadre: 0,
      yxCadre: 0,
      pairing: 0,
      measure: 0,
    };

    before(async () => {
      t = await testApp(dialect);
      await loadDemo(t.db, { county: '420323', password: PASSWORD, households: 0 });
      await buildUser(t.db, 'county', '420322', 'yunxi');
      for (const u of ['dongjiagou', 'leigu', 'baofeng', 'zhushan', 'inspector', 'yunxi']) s[u] = await t.login(u);
      const lj = await saveHouseholds(t.db, '420323000000', [
        household('LJ-0001', LONGJING) as never,
        household('LJ-0002', LONGJING) as never,
        household('LJ-0003', LONGJING) as never,
      ]);
      const dj = await saveHouseholds(t.db, '420323000000', [
        household('DJG-0001', DONGJIAGOU) as never,
        household('DJG-0002', DONGJIAGOU) as never,
      ]);
      const yx = await saveHouseholds(t.db, '420322000000', [
        household('YX-0001', YUNXI_VILLAGE) as never,
        household('YX-0002', YUNXI_VILLAGE) as never,
      ]);
      id.household = lj.get('LJ-0001')!;
      id.household2 = lj.get('LJ-0002')!;
      id.djHousehold = dj.get('DJG-0001')!;
      id.unit = await buildHelpUnit(t.db, { name: '十堰市教育局', level: 'city' });
      id.ljCadre = await buildCadre(t.db, LONGJING, { name: '孙龙井' });
      id.djCadre = await buildCadre(t.db, DONGJIAGOU, { name: '王董家' });
      id.yxCadre = await buildCadre(t.db, YUNXI_VILLAGE, { name: '郧西干部' });
      id.pairing = await pairing(t.db, {
        kind: 'cadre_household',
        region: LONGJING,
        householdId: id.household,
        personId: id.ljCadre,
      });
      await pairing(t.db, { kind: 'member_member', region: LONGJING });
      await pairing(t.db, {
        kind: 'cadre_household',
        region: DONGJIAGOU,
        householdId: id.djHousehold,
        personId: id.djCadre,
      });
      await pairing(t.db, {
        kind: 'cadre_household',
        region: YUNXI_VILLAGE,
        householdId: yx.get('YX-0001')!,
        personId: id.yxCadre,
      });
      id.measure = await measure(t.db, id.household, LONGJING);
      await measure(t.db, id.djHousehold, DONGJIAGOU);
      await measure(t.db, yx.get('YX-0001')!, YUNXI_VILLAGE);
    });
    after(() => t.close());

    type Call = [method: 'GET' | 'POST' | 'PATCH', url: () => string, body?: () => unknown];
    const endpoints: Record<string, Call> = {
      'pairings of region': ['GET', () => `/api/pairings?region=${LONGJING}`],
      'create household pairing': [
        'POST',
        () => '/api/pairings',
        () => ({ kind: 'cadre_household', householdId: id.household2, personId: id.ljCadre, startDate: '2025-01-01' }),
      ],
      'create village pairing': [
        'POST',
        () => '/api/pairings',
        () => ({ kind: 'unit_village', regionCode: LONGJING, unitId: id.unit, startDate: '2025-01-01' }),
      ],
      'end pairing': ['POST', () => `/api/pairings/${id.pairing}/end`, () => ({ endDate: '2025-06-30' })],
      'gaps of region': ['GET', () => `/api/pairings/gaps?region=${LONGJING}`],
      'summary of region': ['GET', () => `/api/pairings/summary?region=${LONGJING}`],
      'household plan': ['GET', () => `/api/households/${id.household}/plan`],
      'household card': ['GET', () => `/api/households/${id.household}/card.docx`],
      'measures of region': ['GET', () => `/api/measures?region=${LONGJING}`],
      'measures of household': ['GET', () => `/api/measures?region=${LONGJING}&householdId=${id.household}`],
      'create measure': [
        'POST',
        () => '/api/measures',
        () => ({ householdId: id.household, type: 'industry', title: '越权', status: 'planned' }),
      ],
      'update measure': ['PATCH', () => `/api/measures/${id.measure}`, () => ({ title: '越权' })],
    };

    for (const outsider of ['dongjiagou', 'leigu', 'yunxi']) {
      it(`${outsider} gets 403/404 on every endpoint for 龙井村 and nothing changes`, async () => {
        const before = await counts(t.db);
        for (const [name, [method, url, body]] of Object.entries(endpoints)) {
          const res = await t.call(s[outsider]!, method, url(), body?.());
          assert.ok([403, 404].includes(res.statusCode), `${outsider} ${name}: ${res.statusCode} ${res.body}`);
        }
        assert.deepEqual(await counts(t.db), before);
        const m = await t.db
          .selectFrom('measure')
          .select('title')
          .where('id', '=', id.measure)
          .executeTakeFirstOrThrow();
        assert.equal(m.title, '大病救助');
        const p = await t.db
          .selectFrom('pairing')
          .select('end_date')
          .where('id', '=', id.pairing)
          .executeTakeFirstOrThrow();
        assert.equal(p.end_date, null);
      });
    }

    it('the read-only inspector reads the county but every write is refused', async () => {
      const before = await counts(t.db);
      for (const [name, [method, url, body]] of Object.entries(endpoints)) {
        const res = await t.call(s.inspector!, method, url(), body?.());
        if (method === 'GET') assert.equal(res.statusCode, 200, `inspector ${name}`);
        else assert.equal(res.statusCode, 403, `inspector ${name}: ${res.body}`);
      }
      assert.deepEqual(await counts(t.db), before);
    });

    it('a village cannot reach across its scope with a cadre of another village', async () => {
      const before = await counts(t.db);
      const res = await t.call(s.dongjiagou!, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: id.djHousehold,
        personId: id.ljCadre,
        startDate: '2025-01-01',
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.details[0].path, 'personId');
      const m = await t.call(s.dongjiagou!, 'POST', '/api/measures', {
        householdId: id.djHousehold,
        type: 'health',
        title: '越权',
        status: 'planned',
        personId: id.yxCadre,
      });
      assert.equal(m.statusCode, 400, m.body);
      assert.deepEqual(await counts(t.db), before);
    });

    it('the owning township may read and write there', async () => {
      const res = await t.call(s.baofeng!, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: id.household2,
        personId: id.ljCadre,
        startDate: '2025-01-01',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(
        (await t.call(s.baofeng!, 'PATCH', `/api/measures/${id.measure}`, { title: '大病救助（改）' })).statusCode,
        200,
      );
      assert.equal((await t.call(s.baofeng!, 'GET', `/api/households/${id.household}/plan`)).statusCode, 200);
      await t.db.updateTable('measure').set({ title: '大病救助' }).where('id', '=', id.measure).execute();
    });

    const lists: [string, string, (item: Record<string, string>) => string][] = [
      ['/api/pairings?pageSize=200&active=all', 'pairings', (i) => i.regionCode!],
      ['/api/pairings/gaps?pageSize=200', 'gaps', (i) => i.regionCode!],
      ['/api/measures?pageSize=200', 'measures', (i) => i.regionCode!],
    ];
    const scopes: Record<string, string> = {
      dongjiagou: DONGJIAGOU,
      leigu: '420323104000',
      baofeng: '420323103000',
      yunxi: '420322000000',
      zhushan: '420323000000',
    };
    for (const [user, scope] of Object.entries(scopes)) {
      it(`${user}'s lists hold only rows inside its scope`, async () => {
        for (const [url, name, codeOf] of lists) {
          const res = await t.call(s[user]!, 'GET', url);
          assert.equal(res.statusCode, 200, `${user} ${name}`);
          const items = res.json().items as Record<string, string>[];
          assert.ok(items.length > 0, `${user} ${name} is empty`);
          for (const item of items) assert.ok(isWithin(codeOf(item), scope), `${user} ${name} leaked ${codeOf(item)}`);
        }
        const summary = await t.call(s[user]!, 'GET', '/api/pairings/summary');
        assert.equal(summary.statusCode, 200);
        assert.equal(summary.json().region.code, scope);
      });
    }
  });
}
