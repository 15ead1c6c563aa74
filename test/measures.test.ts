// Measures (帮扶措施) of the household plan: create, refuse, update (an edit or a status change, versioned: 428
// without a version, 409 with the current measure when stale, one of two editors at once), list within the scope.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildMeasure, buildStation } from './factories.ts';
import { household } from './fixtures.ts';
import { DIALECTS, eachTest, type Session } from './harness.ts';
import { count } from './pairings-world.ts';

const DONG = '420323104211'; // 董家沟村
const LONGJING = '420323103211'; // 龙井村

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describe(`measures [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const ids = await saveHouseholds(t.db, '420323000000', [
        household('DJG-01', DONG) as never,
        household('DJG-02', DONG, { status: 'exited', mainCause: 'schooling', otherCauses: [] }) as never,
        household('DJG-03', DONG, { status: 'non_poor' }) as never,
        household('LJ-01', LONGJING) as never,
      ]);
      const c = {
        own: await buildCadre(t.db, DONG, { name: '王帮扶' }),
        stationed: await buildCadre(t.db, '420323', { name: '李驻村' }),
        ended: await buildCadre(t.db, '420323', { name: '周离任' }),
        foreign: await buildCadre(t.db, LONGJING, { name: '孙龙井' }),
      };
      await buildStation(t.db, c.stationed, DONG, 'team_member');
      await buildStation(t.db, c.ended, DONG, 'team_member', { start: '2022-01-01', end: '2024-01-01' });
      await t.db.updateTable('stationing').set({ ended_on: '2024-01-01' }).where('person_id', '=', c.ended).execute();
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
      return {
        county: await t.as('county', '420323'),
        dong: await t.as('village', DONG),
        long: await t.as('village', LONGJING),
        ids,
        c,
        valid,
        today: todayInChina(),
      };
    });
    /** A planned credit measure of DJG-01 made through the API (version 1). */
    const made = async () => {
      const { t, dong, valid } = app();
      const res = await t.call(dong, 'POST', '/api/measures', valid());
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as number;
    };

    it('creates a measure in the household’s village, audited', async () => {
      const { t, dong, ids, c, valid, today } = app();
      const auditBefore = await count(t.db, 'audit_log');
      const res = await t.call(dong, 'POST', '/api/measures', valid());
      assert.equal(res.statusCode, 201, res.body);
      const m = res.json();
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
        version: 1,
      });
      assert.equal(res.headers.etag, '"1"');
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
      const { t, dong, ids, c, valid, today } = app();
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
      const measureId = await made();
      const { t, dong, long, ids, c } = app();
      const patch = (s: Session, body: Record<string, unknown>, id = measureId) =>
        t.call(s, 'PATCH', `/api/measures/${id}`, { ...body, version: 1 });
      const badDone = await patch(dong, { status: 'done' });
      assert.equal(badDone.statusCode, 400);
      assert.equal(badDone.json().error.details[0].path, 'doneDate');
      const badPerson = await patch(dong, { personId: c.foreign });
      assert.equal(badPerson.statusCode, 400);
      assert.equal(badPerson.json().error.details[0].path, 'personId');
      const strict = await patch(dong, { householdId: ids.get('DJG-02') });
      assert.equal(strict.statusCode, 400);
      assert.equal((await patch(long, { title: 'x' })).statusCode, 403);
      assert.equal((await patch(dong, { title: 'x' }, 999999)).statusCode, 404);
      const unchanged = (await t.call(dong, 'GET', `/api/measures?householdId=${ids.get('DJG-01')}`)).json();
      assert.equal(unchanged.items[0].status, 'planned');
      assert.equal(unchanged.items[0].title, '扶贫小额信贷 5 万元');
      assert.equal(unchanged.items[0].version, 1, 'a refused update does not move the version');

      const done = await patch(dong, { status: 'done', doneDate: '2025-04-20', evidence: '已放款', personId: null });
      assert.equal(done.statusCode, 200, done.body);
      const m = done.json();
      assert.deepEqual(
        [m.status, m.doneDate, m.evidence, m.person, m.title, m.amount, m.type, m.version],
        ['done', '2025-04-20', '已放款', null, '扶贫小额信贷 5 万元', 50000, 'credit', 2],
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

    it('two editors one after the other: 428 without a version, the stale one 409 with the current measure', async () => {
      const measureId = await made();
      const { t, county, dong } = app();
      const none = await t.call(dong, 'PATCH', `/api/measures/${measureId}`, { title: '无版本' });
      assert.equal(none.statusCode, 428, none.body);
      assert.equal(none.json().error.code, 'PRECONDITION_REQUIRED');
      const first = await t.call(county, 'PATCH', `/api/measures/${measureId}`, { status: 'in_progress', version: 1 });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, 2);
      const second = await t.call(dong, 'PATCH', `/api/measures/${measureId}`, { title: '改为 3 万元', version: 1 });
      assert.equal(second.statusCode, 409, second.body);
      const err = second.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.deepEqual(
        [err.current.status, err.current.title, err.current.version],
        ['in_progress', '扶贫小额信贷 5 万元', 2],
      );
      assert.equal(err.current.headName, '张大山', 'the current record is the measure as a read shows it');
      const stored = (await t.call(dong, 'GET', `/api/measures?region=${DONG}`)).json().items[0];
      assert.deepEqual([stored.status, stored.title], ['in_progress', '扶贫小额信贷 5 万元']);
      // overwriting consciously: the version from the conflict
      const again = await t.call(dong, 'PATCH', `/api/measures/${measureId}`, {
        title: '改为 3 万元',
        version: err.current.version,
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(
        [again.json().title, again.json().status, again.json().version],
        ['改为 3 万元', 'in_progress', 3],
      );
      // If-Match carries the version as well as the body
      const ifMatch = (v: number) =>
        t.call(dong, 'PATCH', `/api/measures/${measureId}`, { evidence: '合同' }, { 'if-match': `"${v}"` });
      assert.equal((await ifMatch(3)).statusCode, 200);
      assert.equal((await ifMatch(3)).statusCode, 409);
    });

    it('two editors at once: exactly one 200 and one 409', async () => {
      const { t, county, dong, ids } = app();
      const id = await buildMeasure(t.db, ids.get('DJG-01')!, DONG, { title: '大病救助' });
      const results = await Promise.all([
        t.call(county, 'PATCH', `/api/measures/${id}`, { title: '甲', version: 1 }),
        t.call(dong, 'PATCH', `/api/measures/${id}`, { status: 'cancelled', version: 1 }),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const winner = results.findIndex((r) => r.statusCode === 200);
      const stored = await t.db.selectFrom('measure').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(stored.version, 2);
      assert.deepEqual(
        [stored.title, stored.status],
        winner === 0 ? ['甲', 'planned'] : ['大病救助', 'cancelled'],
        'the loser changed nothing',
      );
      assert.equal(await count(t.db, 'audit_log'), 1);
    });

    it('lists measures by region, type, status and household within the scope', async () => {
      const { t, county, dong, long, ids } = app();
      await buildMeasure(t.db, ids.get('DJG-01')!, DONG, { type: 'credit', title: '小额信贷', status: 'done' });
      await buildMeasure(t.db, ids.get('DJG-02')!, DONG, { type: 'education', title: '雨露计划', status: 'done' });
      const lj = await t.call(county, 'POST', '/api/measures', {
        householdId: ids.get('LJ-01')!,
        type: 'health',
        title: '大病救助',
        status: 'planned',
      });
      assert.equal(lj.statusCode, 201, lj.body);
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
      const { t, county, dong, ids, valid } = app();
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
