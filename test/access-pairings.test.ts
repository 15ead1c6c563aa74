import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../src/shared/codes.ts';
import { loadDemo } from '../src/core/modules/demo/index.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { isWithin } from '../src/shared/regions.ts';
import type { Db } from '../src/core/db/index.ts';
import { buildCadre, buildHelpUnit, buildMeasure, buildPairing } from './factories.ts';
import { household } from './fixtures.ts';
import { DIALECTS, eachTest, PASSWORD, type Session, type TestApp } from './harness.ts';

/**
 * Region scope of the pairing, measure and plan endpoints, table-driven: every endpoint, called by users
 * of a sibling village, township or county on a resource of 龙井村 (宝丰镇), answers 403 or 404 and
 * changes nothing; the read-only inspector reads but cannot write; lists never leave the caller's scope.
 */
const LONGJING = '420323103211';
const DONGJIAGOU = '420323104211';
const YUNXI_VILLAGE = '420322100200';

/** The users of the demo county (and a county user of 郧西县): role and scope. */
const USERS: Record<string, [Role, string]> = {
  dongjiagou: ['village', DONGJIAGOU],
  leigu: ['township', '420323104'],
  baofeng: ['township', '420323103'],
  zhushan: ['county', '420323'],
  inspector: ['inspector', '420323'],
  yunxi: ['county', '420322'],
};

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

/** Households, a unit, cadres, pairings and measures in 龙井村, 董家沟村 and a village of 郧西县. */
async function rows(t: TestApp) {
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
  const id = {
    household: lj.get('LJ-0001')!,
    household2: lj.get('LJ-0002')!,
    djHousehold: dj.get('DJG-0001')!,
    unit: await buildHelpUnit(t.db, { name: '十堰市教育局', level: 'city' }),
    ljCadre: await buildCadre(t.db, LONGJING, { name: '孙龙井' }),
    djCadre: await buildCadre(t.db, DONGJIAGOU, { name: '王董家' }),
    yxCadre: await buildCadre(t.db, YUNXI_VILLAGE, { name: '郧西干部' }),
    pairing: 0,
    measure: 0,
  };
  const start = '2025-01-01';
  const pair = (region: string, householdId: number, personId: number) =>
    buildPairing(t.db, { kind: 'cadre_household', region, householdId, personId, start });
  id.pairing = await pair(LONGJING, id.household, id.ljCadre);
  await buildPairing(t.db, { kind: 'member_member', region: LONGJING, start });
  await pair(DONGJIAGOU, id.djHousehold, id.djCadre);
  await pair(YUNXI_VILLAGE, yx.get('YX-0001')!, id.yxCadre);
  id.measure = await buildMeasure(t.db, id.household, LONGJING);
  await buildMeasure(t.db, id.djHousehold, DONGJIAGOU);
  await buildMeasure(t.db, yx.get('YX-0001')!, YUNXI_VILLAGE);
  return id;
}

async function sessions(t: TestApp) {
  const s: Record<string, Session> = {};
  for (const [name, [role, scope]] of Object.entries(USERS)) s[name] = await t.as(role, scope);
  return s;
}

for (const dialect of DIALECTS) {
  describe(`region scope of pairings and measures [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({ s: await sessions(t), id: await rows(t) }));

    type Call = [method: 'GET' | 'POST' | 'PATCH', url: (id: Ids) => string, body?: (id: Ids) => unknown];
    type Ids = Awaited<ReturnType<typeof rows>>;
    const endpoints: Record<string, Call> = {
      'pairings of region': ['GET', () => `/api/pairings?region=${LONGJING}`],
      'create household pairing': [
        'POST',
        () => '/api/pairings',
        (id) => ({
          kind: 'cadre_household',
          householdId: id.household2,
          personId: id.ljCadre,
          startDate: '2025-01-01',
        }),
      ],
      'create village pairing': [
        'POST',
        () => '/api/pairings',
        (id) => ({ kind: 'unit_village', regionCode: LONGJING, unitId: id.unit, startDate: '2025-01-01' }),
      ],
      'end pairing': ['POST', (id) => `/api/pairings/${id.pairing}/end`, () => ({ endDate: '2025-06-30', version: 1 })],
      'edit pairing': ['PATCH', (id) => `/api/pairings/${id.pairing}`, () => ({ note: '越权', version: 1 })],
      'gaps of region': ['GET', () => `/api/pairings/gaps?region=${LONGJING}`],
      'summary of region': ['GET', () => `/api/pairings/summary?region=${LONGJING}`],
      'household plan': ['GET', (id) => `/api/households/${id.household}/plan`],
      'household card': ['GET', (id) => `/api/households/${id.household}/card.docx`],
      'measures of region': ['GET', () => `/api/measures?region=${LONGJING}`],
      'measures of household': ['GET', (id) => `/api/measures?region=${LONGJING}&householdId=${id.household}`],
      'create measure': [
        'POST',
        () => '/api/measures',
        (id) => ({ householdId: id.household, type: 'industry', title: '越权', status: 'planned' }),
      ],
      'update measure': ['PATCH', (id) => `/api/measures/${id.measure}`, () => ({ title: '越权', version: 1 })],
    };

    for (const outsider of ['dongjiagou', 'leigu', 'yunxi']) {
      it(`${outsider} gets 403/404 on every endpoint for 龙井村 and nothing changes`, async () => {
        const { t, s, id } = app();
        const before = await counts(t.db);
        for (const [name, [method, url, body]] of Object.entries(endpoints)) {
          const res = await t.call(s[outsider]!, method, url(id), body?.(id));
          assert.ok([403, 404].includes(res.statusCode), `${outsider} ${name}: ${res.statusCode} ${res.body}`);
        }
        assert.deepEqual(await counts(t.db), before);
        const m = await t.db
          .selectFrom('measure')
          .select(['title', 'version'])
          .where('id', '=', id.measure)
          .executeTakeFirstOrThrow();
        assert.deepEqual(m, { title: '大病救助', version: 1 });
        const p = await t.db
          .selectFrom('pairing')
          .select(['end_date', 'note', 'version'])
          .where('id', '=', id.pairing)
          .executeTakeFirstOrThrow();
        assert.deepEqual(p, { end_date: null, note: null, version: 1 });
      });
    }

    it('the read-only inspector reads the county but every write is refused', async () => {
      const { t, s, id } = app();
      const before = await counts(t.db);
      for (const [name, [method, url, body]] of Object.entries(endpoints)) {
        const res = await t.call(s.inspector!, method, url(id), body?.(id));
        if (method === 'GET') assert.equal(res.statusCode, 200, `inspector ${name}`);
        else assert.equal(res.statusCode, 403, `inspector ${name}: ${res.body}`);
      }
      assert.deepEqual(await counts(t.db), before);
    });

    it('a village cannot reach across its scope with a cadre of another village', async () => {
      const { t, s, id } = app();
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
      const { t, s, id } = app();
      const res = await t.call(s.baofeng!, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: id.household2,
        personId: id.ljCadre,
        startDate: '2025-01-01',
      });
      assert.equal(res.statusCode, 201, res.body);
      const measure = await t.call(s.baofeng!, 'PATCH', `/api/measures/${id.measure}`, {
        title: '大病救助（改）',
        version: 1,
      });
      assert.equal(measure.statusCode, 200, measure.body);
      const edit = await t.call(s.baofeng!, 'PATCH', `/api/pairings/${id.pairing}`, { note: '镇里补充', version: 1 });
      assert.equal(edit.statusCode, 200, edit.body);
      const end = await t.call(s.baofeng!, 'POST', `/api/pairings/${id.pairing}/end`, {
        endDate: '2025-06-30',
        version: 2,
      });
      assert.equal(end.statusCode, 200, end.body);
      assert.equal((await t.call(s.baofeng!, 'GET', `/api/households/${id.household}/plan`)).statusCode, 200);
    });
  });

  describe(`lists of pairings, gaps and measures stay inside the caller's scope, over the demo county [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      await loadDemo(t.db, { county: '420323', password: PASSWORD, households: 0 });
      return { s: await sessions(t), id: await rows(t) };
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
    it('every user’s lists hold only rows inside its scope; its summary is of its scope', async () => {
      const { t, s } = app();
      for (const [user, scope] of Object.entries(scopes)) {
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
      }
    });
  });
}
