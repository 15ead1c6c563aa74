import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counts, d, DONGJIAGOU, LY, stationed } from './duty-fixtures.ts';
import { DIALECTS, eachTest } from './harness.ts';

/**
 * Assessments over HTTP — one per cadre and period (a correction sends the version read and is audited), the
 * evidence beside the form, no lost correction when two assessors save at once — and honours.
 */
const assess = (personId: number, over: Record<string, unknown> = {}) => ({
  personId,
  kind: 'half_year',
  period: `${LY}H1`,
  grade: 'competent',
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`assessments and honours [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({
      county: await t.as('county', '420323', 'cty'),
      township: await t.as('township', '420323104', 'twn'),
      village: await t.as('village', DONGJIAGOU, 'vil'),
    }));

    it('assesses a cadre once per period (a second call corrects it, audited) and shows the evidence', async () => {
      const { t, county, township, village } = app();
      const { id } = await stationed(t.db, DONGJIAGOU, { name: '考核对象' });
      await t.call(village, 'POST', '/api/attendance', { personId: id, day: d('02-01'), present: true });
      await t.call(village, 'POST', '/api/attendance', { personId: id, day: d('02-02'), present: true });
      await t.call(village, 'POST', '/api/attendance', { personId: id, day: d('08-01'), present: true });
      await t.call(village, 'POST', '/api/work-logs', { personId: id, day: d('02-01'), content: '入户走访' });
      await t.call(village, 'POST', '/api/work-logs', { personId: id, day: d('03-01'), content: '产业规划' });
      await t.call(village, 'POST', '/api/work-logs', { personId: id, day: d('09-01'), content: '下半年日志' });
      const period = `${LY}H1`;
      const first = await t.call(township, 'POST', '/api/assessments', {
        personId: id,
        kind: 'half_year',
        period,
        grade: 'competent',
        score: 82,
        comments: '工作扎实',
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().role, 'first_secretary');
      assert.equal(first.json().regionCode, DONGJIAGOU);
      assert.equal(first.json().version, 1);
      const second = await t.call(county, 'POST', '/api/assessments', {
        personId: id,
        kind: 'half_year',
        period,
        grade: 'excellent',
        score: 95,
        version: first.json().version,
      });
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().id, first.json().id);
      assert.deepEqual(
        [second.json().grade, second.json().score, second.json().assessedBy, second.json().version],
        ['excellent', 95, 'cty', 2],
      );
      const rows = await t.db.selectFrom('assessment').selectAll().where('person_id', '=', id).execute();
      assert.equal(rows.length, 1);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'before_json', 'after_json'])
        .where('entity', '=', 'assessment')
        .where('entity_id', '=', String(first.json().id))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update'],
      );
      assert.equal(JSON.parse(audit[1]!.before_json!).grade, 'competent');
      assert.equal(JSON.parse(audit[1]!.after_json!).grade, 'excellent');

      const before = await counts(t.db, ['assessment', 'audit_log']);
      const bad: [Record<string, unknown>, string][] = [
        [{ kind: 'half_year', period: `${LY}`, grade: 'competent' }, 'period'],
        [{ kind: 'annual', period: `${LY}H2`, grade: 'competent' }, 'period'],
        [{ kind: 'annual', period: `${LY + 2}`, grade: 'competent' }, 'period'],
        [{ kind: 'annual', period: `${LY}`, grade: 'good' }, 'grade'],
        [{ kind: 'annual', period: `${LY}`, grade: 'basic', score: 101 }, 'score'],
        [{ kind: 'annual', period: `${LY - 3}`, grade: 'basic' }, 'personId'],
      ];
      for (const [body, path] of bad) {
        const res = await t.call(county, 'POST', '/api/assessments', { personId: id, ...body });
        assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
        assert.equal(res.json().error.details[0].path, path, JSON.stringify(body));
      }
      // a village user may not assess
      const vil = await t.call(village, 'POST', '/api/assessments', {
        personId: id,
        kind: 'annual',
        period: `${LY}`,
        grade: 'competent',
      });
      assert.equal(vil.statusCode, 403);
      assert.deepEqual(await counts(t.db, ['assessment', 'audit_log']), before);

      const list = await t.call(county, 'GET', `/api/assessments?period=${period}&grade=excellent`);
      assert.deepEqual(
        list.json().items.map((i: { personName: string; role: string }) => [i.personName, i.role]),
        [['考核对象', 'first_secretary']],
      );
      const ev = await t.call(township, 'GET', `/api/cadres/${id}/evidence?period=${period}`);
      assert.equal(ev.statusCode, 200, ev.body);
      const evidence = ev.json() as Record<string, unknown> & { recentLogs: { day: string }[] };
      assert.deepEqual(
        { ...evidence, recentLogs: evidence.recentLogs.map((l) => l.day) },
        {
          personId: id,
          period,
          from: d('01-01'),
          to: d('06-30'),
          checkInDays: 2,
          approvedLeaveDays: 0,
          awayDays: 0,
          unapprovedAwayDays: 0,
          logs: 2,
          recentLogs: [d('03-01'), d('02-01')],
          leaves: 0,
          leaveList: [],
        },
      );
      assert.equal((await t.call(township, 'GET', `/api/cadres/${id}/evidence?period=${LY}H3`)).statusCode, 400);
    });

    it('records honours (force.assess) and lists them by year', async () => {
      const { t, county, township, village } = app();
      const { id } = await stationed(t.db, DONGJIAGOU, { name: '先进个人' });
      const ok = await t.call(county, 'POST', '/api/honours', {
        personId: id,
        title: 'pioneer',
        year: LY,
        awardedBy: '竹山县委',
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual(
        [ok.json().title, ok.json().regionCode, ok.json().personName],
        ['pioneer', DONGJIAGOU, '先进个人'],
      );
      assert.equal(ok.json().version, 1);
      const before = await counts(t.db, ['honour', 'audit_log']);
      const badTitle = await t.call(county, 'POST', '/api/honours', { personId: id, title: 'hero', year: LY });
      assert.equal(badTitle.json().error.details[0].path, 'title');
      const future = await t.call(county, 'POST', '/api/honours', { personId: id, title: 'other', year: LY + 2 });
      assert.equal(future.json().error.details[0].path, 'year');
      const vil = await t.call(village, 'POST', '/api/honours', { personId: id, title: 'other', year: LY });
      assert.equal(vil.statusCode, 403);
      assert.deepEqual(await counts(t.db, ['honour', 'audit_log']), before);
      const list = await t.call(township, 'GET', `/api/honours?year=${LY}`);
      assert.deepEqual(
        list.json().items.map((i: { personName: string; title: string }) => [i.personName, i.title]),
        [['先进个人', 'pioneer']],
      );
      assert.equal((await t.call(township, 'GET', `/api/honours?year=${LY - 1}`)).json().total, 0);
    });

    it('a stale correction gets 409 with the current assessment; saving without a version over one does too', async () => {
      const { t, county, township } = app();
      const { id } = await stationed(t.db, DONGJIAGOU, { name: '考核对象' });
      const first = await t.call(township, 'POST', '/api/assessments', assess(id, { score: 80 }));
      assert.equal(first.statusCode, 200, first.body);
      const v = first.json().version as number;
      const byCounty = await t.call(county, 'POST', '/api/assessments', assess(id, { grade: 'excellent', version: v }));
      assert.equal(byCounty.statusCode, 200, byCounty.body);
      assert.equal(byCounty.json().version, v + 1);
      const auditBefore = await counts(t.db, ['audit_log']);
      // the township corrects what it read: the county's correction is not overwritten
      const stale = await t.call(township, 'POST', '/api/assessments', assess(id, { grade: 'basic', version: v }));
      assert.equal(stale.statusCode, 409, stale.body);
      const err = stale.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.deepEqual([err.current.grade, err.current.version, err.current.assessedBy], ['excellent', v + 1, 'cty']);
      // a new assessment of the same period, made without having seen the existing one
      const blind = await t.call(township, 'POST', '/api/assessments', assess(id, { grade: 'basic' }));
      assert.equal(blind.statusCode, 409, blind.body);
      assert.equal(blind.json().error.code, 'VERSION_CONFLICT');
      assert.equal(blind.json().error.current.grade, 'excellent');
      assert.deepEqual(await counts(t.db, ['audit_log']), auditBefore);
      const stored = (await t.call(township, 'GET', `/api/assessments?personId=${id}`)).json().items;
      assert.deepEqual(
        stored.map((a: { grade: string; version: number }) => [a.grade, a.version]),
        [['excellent', v + 1]],
      );
      // overwriting consciously: the version from the conflict
      const again = await t.call(
        township,
        'POST',
        '/api/assessments',
        assess(id, { grade: 'basic', version: err.current.version }),
      );
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().grade, 'basic');
    });

    it('two assessors at once: exactly one 200 and one 409, for a correction and for a first assessment', async () => {
      const { t, county, township } = app();
      const { id } = await stationed(t.db, DONGJIAGOU);
      const first = (await t.call(township, 'POST', '/api/assessments', assess(id))).json();
      const corrections = await Promise.all([
        t.call(township, 'POST', '/api/assessments', assess(id, { grade: 'basic', version: first.version })),
        t.call(county, 'POST', '/api/assessments', assess(id, { grade: 'excellent', version: first.version })),
      ]);
      assert.deepEqual(
        corrections.map((r) => r.statusCode).sort(),
        [200, 409],
        corrections.map((r) => r.body).join('\n'),
      );
      const winner = corrections.find((r) => r.statusCode === 200)!.json();
      const loser = corrections.find((r) => r.statusCode === 409)!.json().error;
      assert.equal(loser.code, 'VERSION_CONFLICT');
      const stored = (await t.call(county, 'GET', `/api/assessments?personId=${id}`)).json().items[0];
      assert.deepEqual([stored.grade, stored.version], [winner.grade, first.version + 1]);

      const { id: other } = await stationed(t.db, DONGJIAGOU);
      const creations = await Promise.all([
        t.call(township, 'POST', '/api/assessments', assess(other, { grade: 'basic' })),
        t.call(county, 'POST', '/api/assessments', assess(other, { grade: 'excellent' })),
      ]);
      assert.deepEqual(creations.map((r) => r.statusCode).sort(), [200, 409], creations.map((r) => r.body).join('\n'));
      const created = creations.find((r) => r.statusCode === 200)!.json();
      const lost = creations.find((r) => r.statusCode === 409)!.json().error;
      assert.equal(lost.code, 'VERSION_CONFLICT');
      assert.equal(lost.current.grade, created.grade);
      const rows = await t.db.selectFrom('assessment').select('grade').where('person_id', '=', other).execute();
      assert.deepEqual(
        rows.map((r) => r.grade),
        [created.grade],
      );
    });
  });
}
