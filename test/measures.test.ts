import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { todayInChina } from '../src/core/clock.ts';
import type { Db } from '../src/core/db/index.ts';
import { buildCadre, buildStation, buildUser } from './factories.ts';
import { household } from './fixtures.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';

const DONG = '420323104211'; // 董家沟村
const LONGJING = '420323103211'; // 龙井村

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function count(db: Db, table: 'measure' | 'audit_log') {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

for (const dialect of DIALECTS) {
  describe(`measures [${dialect}]`, () => {
    let t: TestApp;
    let county: Session;
    let dong: Session;
    let long: Session;
    let ids = new Map<string, number>();
    const c: Record<string, number> = {};
    const today = todayInChina();
    let measureId = 0;

    before(async () => {
      t = await testApp(dialect);
      await buildUser(t.db, 'county', '420323', 'cty');
      await buildUser(t.db, 'village', DONG, 'dong');
      await buildUser(t.db, 'village', LONGJING, 'long');
      county = await t.login('cty');
      dong = await t.login('dong');
      long = await t.login('long');
      ids = await saveHouseholds(t.db, '420323000000', [
        household('DJG-01', DONG) as never,
        household('DJG-02', DONG, { status: 'exited', mainCause: 'schooling', otherCauses: [] }) as never,
        household('DJG-03', DONG, { status: 'non_poor' }) as never,
        household('LJ-01', LONGJING) as never,
      ]);
      c.own = await buildCadre(t.db, DONG, { name: '王帮扶' });
      c.stationed = await buildCadre(t.db, '420323', { name: '李驻村' });
      await buildStation(t.db, c.stationed, DONG, 'team_member');
      c.ended = await buildCadre(t.db, '420323', { name: '周离任' });
      await buildStation(t.db, c.ended, DONG, 'team_member', { start: '2022-01-01', end: '2024-01-01' });
      await t.db.updateTable('stationing').set({ ended_on: '2024-01-01' }).where('person_id', '=', c.ended).execute();
      c.foreign = await buildCadre(t.db, LONGJING, { name: '孙龙井' });
    });
    after(() => t.close());

    const valid = () => ({
      householdId: ids.get('DJG-01')!,
      type: 'credit',
      title: '扶贫小额信贷 5 万元',
      amount: 50000,
      plannedDate: '2025-04-01',
      status: 'planned',
      personId: c.own,
      evidence: '贷款合同',
    });

    it('creates a measure in the household’s village, audited', async () => {
      const auditBefore = await count(t.db, 'audit_log');
      const res = await t.call(dong, 'POST', '/api/measures', valid());
      assert.equal(res.statusCode, 201, res.body);
      const m = res.json();
      measureId = m.id;
      assert.deepEqual(m, {
        id: m.id,
        householdId: ids.get('DJG-01'),
        householdCode: 'DJG-01',
        headName: '张大山',
        regionCode: DONG,
        regionName: '董家沟村',
        type: 'credit',
        title: '扶贫小额信贷 5 万元',
        amount: 50000,
        plannedDate: '2025-04-01',
        doneDate: null,
        person: { id: c.own, name: '王帮扶' },
        status: 'planned',
        evidence: '贷款合同',
      });
      assert.equal(await count(t.db, 'audit_log'), auditBefore + 1);
      const a = await t.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'region_code'])
        .where('entity', '=', 'measure')
        .executeTakeFirstOrThrow();
      assert.deepEqual(a, { action: 'create', entity: 'measure', region_code: DONG });
      // an exited household keeps consolidation measures; a cadre stationed in the village may be responsible
      const exited = await t.call(dong, 'POST', '/api/measures', {
        householdId: ids.get('DJG-02')!,
        type: 'education',
        title: '雨露计划',
        amount: 0,
        status: 'done',
        doneDate: today,
        personId: c.stationed,
      });
      assert.equal(exited.statusCode, 201, exited.body);
      assert.equal(exited.json().amount, 0);
    });

    it('refuses bad measures naming the field, and changes nothing', async () => {
      const before = await count(t.db, 'measure');
      const auditBefore = await count(t.db, 'audit_log');
      const tomorrow = dayAfter(today);
      const cases: [Record<string, unknown>, string, number][] = [
        [{ type: 'charity' }, 'type', 400],
        [{ status: 'finished' }, 'status', 400],
        [{ amount: -1 }, 'amount', 400],
        [{ title: '' }, 'title', 400],
        [{ status: 'done' }, 'doneDate', 400],
        [{ status: 'done', doneDate: null }, 'doneDate', 400],
        [{ status: 'done', doneDate: tomorrow }, 'doneDate', 400],
        [{ status: 'in_progress', doneDate: tomorrow }, 'doneDate', 400],
        [{ plannedDate: '2025-13-01' }, 'plannedDate', 400],
        [{ personId: c.foreign }, 'personId', 400], // managed in another village
        [{ personId: c.ended }, 'personId', 400], // stationed here once, not now
        [{ personId: 999999 }, 'personId', 400],
        [{ householdId: ids.get('DJG-03') }, 'householdId', 400], // not registered
        [{ householdId: 999999 }, 'householdId', 400],
      ];
      for (const [change, path, status] of cases) {
        const res = await t.call(dong, 'POST', '/api/measures', { ...valid(), ...change });
        assert.equal(res.statusCode, status, `${JSON.stringify(change)}: ${res.body}`);
        assert.deepEqual(
          res.json().error.details.map((d: { path: string }) => d.path),
          [path],
          JSON.stringify(change),
        );
      }
      const future = await t.call(
        dong,
        'POST',
        '/api/measures',
        { ...valid(), status: 'done', doneDate: tomorrow },
        { 'accept-language': 'en' },
      );
      assert.equal(future.json().error.details[0].message, `The done date ${tomorrow} is in the future`);
      // another village's household is out of reach
      assert.equal(
        (await t.call(dong, 'POST', '/api/measures', { ...valid(), householdId: ids.get('LJ-01') })).statusCode,
        403,
      );
      assert.equal(await count(t.db, 'measure'), before);
      assert.equal(await count(t.db, 'audit_log'), auditBefore);
    });

    it('updates a measure partially and checks the merged result', async () => {
      const badDone = await t.call(dong, 'PATCH', `/api/measures/${measureId}`, { status: 'done' });
      assert.equal(badDone.statusCode, 400);
      assert.equal(badDone.json().error.details[0].path, 'doneDate');
      const badPerson = await t.call(dong, 'PATCH', `/api/measures/${measureId}`, { personId: c.foreign });
      assert.equal(badPerson.statusCode, 400);
      assert.equal(badPerson.json().error.details[0].path, 'personId');
      const strict = await t.call(dong, 'PATCH', `/api/measures/${measureId}`, { householdId: ids.get('DJG-02') });
      assert.equal(strict.statusCode, 400);
      assert.equal((await t.call(long, 'PATCH', `/api/measures/${measureId}`, { title: 'x' })).statusCode, 403);
      assert.equal((await t.call(dong, 'PATCH', '/api/measures/999999', { title: 'x' })).statusCode, 404);
      const unchanged = (await t.call(dong, 'GET', `/api/measures?householdId=${ids.get('DJG-01')}`)).json();
      assert.equal(unchanged.items[0].status, 'planned');
      assert.equal(unchanged.items[0].title, '扶贫小额信贷 5 万元');

      const done = await t.call(dong, 'PATCH', `/api/measures/${measureId}`, {
        status: 'done',
        doneDate: '2025-04-20',
        evidence: '已放款',
        personId: null,
      });
      assert.equal(done.statusCode, 200, done.body);
      const m = done.json();
      assert.deepEqual(
        [m.status, m.doneDate, m.evidence, m.person, m.title, m.amount, m.type],
        ['done', '2025-04-20', '已放款', null, '扶贫小额信贷 5 万元', 50000, 'credit'],
      );
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['before_json', 'after_json'])
        .where('entity', '=', 'measure')
        .where('action', '=', 'update')
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(JSON.parse(audit[0]!.before_json!).status, 'planned');
      assert.equal(JSON.parse(audit[0]!.after_json!).status, 'done');
    });

    it('lists measures by region, type, status and household within the scope', async () => {
      await t.call(county, 'POST', '/api/measures', {
        householdId: ids.get('LJ-01')!,
        type: 'health',
        title: '大病救助',
        status: 'planned',
      });
      const q = async (s: Session, query: string) => (await t.call(s, 'GET', `/api/measures?${query}`)).json();
      const cases: [Session, string, number][] = [
        [county, '', 3],
        [county, 'region=420323', 3],
        [county, `region=${DONG}`, 2],
        [county, 'region=420323103', 1],
        [county, 'type=credit', 1],
        [county, 'type=health', 1],
        [county, 'status=done', 2],
        [county, 'status=planned', 1],
        [county, `householdId=${ids.get('DJG-02')}`, 1],
        [county, `region=${DONG}&type=health`, 0],
        [dong, '', 2],
        [long, '', 1],
      ];
      for (const [s, query, total] of cases) assert.equal((await q(s, query)).total, total, query);
      const page = await q(county, 'pageSize=1&page=3');
      assert.equal(page.items.length, 1);
      assert.equal(page.items[0].regionCode, DONG);
      assert.equal((await t.call(long, 'GET', `/api/measures?region=${DONG}`)).statusCode, 403);
      assert.equal((await t.call(county, 'GET', '/api/measures?type=charity')).statusCode, 400);
    });

    it('names the household’s own responsible cadre even when the village cannot see that cadre', async () => {
      const outsider = await buildCadre(t.db, '420323103', { name: '赵县直' }); // managed in another township
      const body = { ...valid(), personId: outsider };
      const refused = await t.call(dong, 'POST', '/api/measures', body);
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal(refused.json().error.details[0].path, 'personId');
      const paired = await t.call(county, 'POST', '/api/pairings', {
        kind: 'cadre_household',
        householdId: ids.get('DJG-01'),
        personId: outsider,
        startDate: '2025-01-01',
      });
      assert.equal(paired.statusCode, 201, paired.body);
      const res = await t.call(dong, 'POST', '/api/measures', body);
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().person.name, '赵县直');
    });
  });
}
