import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nowIso } from '../src/core/db/index.ts';
import { refreshAttendanceYears } from '../src/core/modules/duty/days.ts';
import { addDays } from '../src/core/modules/duty/rules.ts';
import { buildCadre, buildStation } from './factories.ts';
import { buildTeam, counts as countsOf, d, DONGJIAGOU, LY, TODAY, YANDUNZI, type DutyTable } from './duty-fixtures.ts';
import { DIALECTS, eachTest, type TestApp } from './harness.ts';

/**
 * Daily management over HTTP: check-in (upsert, future day, outside a station), days in the village
 * and pace, work logs, insurance expiry, team work funds and balance; created records carry version 1.
 * Dates are relative to today; the days/pace figures use last year, so they are exact. Assessments and
 * honours are in assessments.test.ts.
 */
const counts = (t: TestApp, tables: DutyTable[]) => countsOf(t.db, tables);

/** A first secretary stationed in `village` since the start of last year (open term). */
async function stationed(t: TestApp, village: string, name?: string) {
  const id = await buildCadre(t.db, village, { name });
  await buildStation(t.db, id, village, 'first_secretary', { start: d('01-01'), end: null });
  return id;
}

for (const dialect of DIALECTS) {
  describe(`daily management [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => ({
      county: await t.as('county', '420323', 'cty'),
      township: await t.as('township', '420323104', 'twn'),
      village: await t.as('village', DONGJIAGOU, 'vil'),
    }));

    it('records a check-in, corrects it (one record per day, audited before/after) and lists it', async () => {
      const { t, county, village } = app();
      const id = await stationed(t, DONGJIAGOU);
      const first = await t.call(village, 'POST', '/api/attendance', { personId: id, day: d('03-02'), present: true });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), {
        personId: id,
        regionCode: DONGJIAGOU,
        day: d('03-02'),
        present: true,
        awayReason: null,
        note: null,
      });
      const second = await t.call(village, 'POST', '/api/attendance', {
        personId: id,
        day: d('03-02'),
        present: false,
        awayReason: 'meeting',
        note: '县里开会',
      });
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().awayReason, 'meeting');
      const rows = await t.db.selectFrom('attendance').selectAll().where('person_id', '=', id).execute();
      assert.equal(rows.length, 1);
      assert.equal(Number(rows[0]!.present), 0);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'before_json', 'after_json'])
        .where('entity', '=', 'attendance')
        .where('entity_id', '=', String(rows[0]!.id))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update'],
      );
      assert.equal(JSON.parse(audit[1]!.before_json!).present, true);
      assert.equal(JSON.parse(audit[1]!.after_json!).present, false);
      await t.call(village, 'POST', '/api/attendance', { personId: id, day: d('03-03'), present: true });
      const list = await t.call(county, 'GET', `/api/attendance?personId=${id}&from=${d('03-01')}&to=${d('03-31')}`);
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list.json().items.map((i: { day: string; present: boolean }) => [i.day, i.present]),
        [
          [d('03-02'), false],
          [d('03-03'), true],
        ],
      );
      const firstDay = await t.call(county, 'GET', `/api/attendance?personId=${id}&from=${d('03-01')}&pageSize=1`);
      assert.deepEqual(
        [firstDay.json().total, firstDay.json().items.map((i: { day: string }) => i.day)],
        [2, [d('03-02')]],
      );
      // the yearly totals the statistics read follow every check-in and correction
      const totals = await t.db.selectFrom('attendance_year').selectAll().where('person_id', '=', id).execute();
      assert.deepEqual(
        totals.map((r) => [Number(r.year), Number(r.present_days), Number(r.away_days)]),
        [[Number(d('03-02').slice(0, 4)), 1, 1]],
      );
    });

    it('refuses a check-in for a future day, outside a station, or away without a reason; nothing changes', async () => {
      const { t, township, village } = app();
      const id = await stationed(t, DONGJIAGOU);
      const before = await counts(t, ['attendance', 'audit_log']);
      const cases: [string, Record<string, unknown>, number, string][] = [
        ['tomorrow', { day: addDays(TODAY, 1), present: true }, 400, 'day'],
        ['next year', { day: `${LY + 2}-01-01`, present: true }, 400, 'day'],
        ['before the station', { day: `${LY - 1}-12-31`, present: true }, 400, 'day'],
        ['away without reason', { day: d('04-01'), present: false }, 400, 'awayReason'],
        ['no such date', { day: `${LY}-02-30`, present: true }, 400, 'day'],
        ['unknown reason', { day: d('04-01'), present: false, awayReason: 'holiday' }, 400, 'awayReason'],
      ];
      for (const [name, body, status, path] of cases) {
        const res = await t.call(village, 'POST', '/api/attendance', { personId: id, ...body });
        assert.equal(res.statusCode, status, `${name}: ${res.body}`);
        assert.equal(res.json().error.details[0].path, path, name);
      }
      const unknown = await t.call(village, 'POST', '/api/attendance', {
        personId: 999999,
        day: d('04-01'),
        present: true,
      });
      assert.equal(unknown.statusCode, 404);
      assert.deepEqual(await counts(t, ['attendance', 'audit_log']), before);
      // a station that ended: the day after the end is outside it
      const ended = await buildCadre(t.db, DONGJIAGOU);
      const sid = await buildStation(t.db, ended, DONGJIAGOU, 'team_member', { start: d('01-01'), end: null });
      await t.db
        .updateTable('stationing')
        .set({ ended_on: d('05-31') })
        .where('id', '=', sid)
        .execute();
      const last = await t.call(village, 'POST', '/api/attendance', {
        personId: ended,
        day: d('05-31'),
        present: true,
      });
      assert.equal(last.statusCode, 200, last.body);
      const after = await t.call(village, 'POST', '/api/attendance', {
        personId: ended,
        day: d('06-01'),
        present: true,
      });
      assert.equal(after.statusCode, 400);
      assert.equal(after.json().error.details[0].path, 'day');
      // a linked role is not a station for check-ins
      const leader = await buildCadre(t.db, '420323104');
      await buildStation(t.db, leader, DONGJIAGOU, 'township_leader', { start: d('01-01'), end: null });
      const linked = await t.call(township, 'POST', '/api/attendance', {
        personId: leader,
        day: d('03-01'),
        present: true,
      });
      assert.equal(linked.statusCode, 400);
    });

    it('counts days in the village: approved leave as present, once; unapproved absence flagged; pace', async () => {
      const { t, county, township, village } = app();
      const id = await stationed(t, DONGJIAGOU);
      for (const day of ['03-01', '03-02', '03-03', '03-04', '03-05'])
        await t.call(village, 'POST', '/api/attendance', { personId: id, day: d(day), present: true });
      for (const day of ['03-10', '03-20'])
        await t.call(village, 'POST', '/api/attendance', {
          personId: id,
          day: d(day),
          present: false,
          awayReason: 'other',
        });
      // leave 03-05..03-07 covers one present day (03-05); the away day 03-20 stays unapproved
      const leave = await t.call(village, 'POST', '/api/leaves', {
        personId: id,
        startDate: d('03-05'),
        endDate: d('03-07'),
        reason: '探亲',
      });
      assert.equal(leave.statusCode, 201, leave.body);
      // away day 03-10 inside a second, approved leave
      const leave2 = await t.call(village, 'POST', '/api/leaves', {
        personId: id,
        startDate: d('03-10'),
        endDate: d('03-10'),
        reason: '看病',
      });
      for (const l of [leave.json(), leave2.json()]) {
        const decided = await t.call(township, 'POST', `/api/leaves/${l.id}/decide`, {
          approve: true,
          version: l.version,
        });
        assert.equal(decided.statusCode, 200, decided.body);
      }
      const days = await t.call(county, 'GET', `/api/cadres/${id}/days?year=${LY}`);
      assert.equal(days.statusCode, 200, days.body);
      assert.deepEqual(days.json(), {
        personId: id,
        year: LY,
        checkInDays: 5,
        approvedLeaveDays: 3, // 03-06, 03-07, 03-10 (03-05 was checked in present)
        awayDays: 2,
        unapprovedAwayDays: 1, // 03-20
        days: 8,
        expected: 200,
        minimum: 200,
        behind: true,
      });
    });

    it('summarises the days of a region and flags those behind — exactly the minimum is not behind', async () => {
      const { t, township } = app();
      const full = await stationed(t, YANDUNZI, '满勤');
      const short = await stationed(t, YANDUNZI, '差一天');
      const now = nowIso();
      const rows = (personId: number, n: number) =>
        Array.from({ length: n }, (_, i) => ({
          person_id: personId,
          region_code: YANDUNZI,
          day: addDays(d('01-01'), i),
          present: 1,
          away_reason: null,
          note: null,
          created_at: now,
        }));
      await t.db.insertInto('attendance').values(rows(full, 200)).execute();
      await t.db.insertInto('attendance').values(rows(short, 199)).execute();
      await refreshAttendanceYears(t.db, [full, short]);
      const res = await t.call(township, 'GET', `/api/attendance/summary?region=${YANDUNZI}&year=${LY}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.total, 2);
      assert.equal(body.behind, 1);
      const by = Object.fromEntries(
        body.items.map((i: { name: string; days: number; behind: boolean; role: string; expected: number }) => [
          i.name,
          [i.days, i.expected, i.behind, i.role],
        ]),
      );
      assert.deepEqual(by, {
        满勤: [200, 200, false, 'first_secretary'],
        差一天: [199, 200, true, 'first_secretary'],
      });
      const behind = await t.call(township, 'GET', `/api/attendance/summary?region=${YANDUNZI}&year=${LY}&behind=true`);
      assert.deepEqual(
        behind.json().items.map((i: { name: string }) => i.name),
        ['差一天'],
      );
      assert.equal(behind.json().total, 1);
      const paged = await t.call(
        township,
        'GET',
        `/api/attendance/summary?region=${YANDUNZI}&year=${LY}&pageSize=1&page=2`,
      );
      assert.equal(paged.json().items.length, 1);
      assert.equal(paged.json().total, 2);
    });

    it('writes and lists work logs; refuses a future day', async () => {
      const { t, county, township } = app();
      const id = await stationed(t, YANDUNZI, '写日志');
      const created = await t.call(township, 'POST', '/api/work-logs', {
        personId: id,
        day: d('05-06'),
        content: '走访贫困户 5 户',
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().regionCode, YANDUNZI);
      assert.equal(created.json().personName, '写日志');
      assert.equal(created.json().version, 1, 'a new record is at version 1');
      assert.equal(created.headers.etag, '"1"');
      await t.call(township, 'POST', '/api/work-logs', { personId: id, day: d('05-07'), content: '召开村民大会' });
      const before = await counts(t, ['work_log', 'audit_log']);
      const future = await t.call(township, 'POST', '/api/work-logs', {
        personId: id,
        day: addDays(TODAY, 1),
        content: 'x',
      });
      assert.equal(future.statusCode, 400);
      assert.equal(future.json().error.details[0].path, 'day');
      const empty = await t.call(township, 'POST', '/api/work-logs', { personId: id, day: d('05-08'), content: ' ' });
      assert.equal(empty.json().error.details[0].path, 'content');
      assert.deepEqual(await counts(t, ['work_log', 'audit_log']), before);
      const list = await t.call(county, 'GET', `/api/work-logs?personId=${id}&from=${d('05-01')}&to=${d('05-31')}`);
      assert.equal(list.json().total, 2);
      assert.deepEqual(
        list.json().items.map((i: { day: string; version: number }) => [i.day, i.version]),
        [
          [d('05-07'), 1],
          [d('05-06'), 1],
        ],
      );
      const page2 = await t.call(county, 'GET', `/api/work-logs?personId=${id}&pageSize=1&page=2`);
      assert.deepEqual([page2.json().total, page2.json().items.map((i: { day: string }) => i.day)], [2, [d('05-06')]]);
    });

    it('records accident insurance with expiry and lists the ones expiring soon', async () => {
      const { t, county, township } = app();
      const a = await stationed(t, YANDUNZI, '保险甲');
      const b = await stationed(t, YANDUNZI, '保险乙');
      const c = await stationed(t, YANDUNZI, '保险丙');
      const soon = await t.call(township, 'POST', '/api/insurance', {
        personId: a,
        insurer: '中国人寿',
        policyNo: 'P-1',
        startDate: addDays(TODAY, -355),
        endDate: addDays(TODAY, 10),
      });
      assert.equal(soon.statusCode, 201, soon.body);
      assert.equal(soon.json().expiresInDays, 10);
      assert.equal(soon.json().expired, false);
      assert.equal(soon.json().version, 1);
      await t.call(township, 'POST', '/api/insurance', {
        personId: b,
        insurer: '中国平安',
        startDate: addDays(TODAY, -265),
        endDate: addDays(TODAY, 100),
      });
      const old = await t.call(township, 'POST', '/api/insurance', {
        personId: c,
        insurer: '中国人保',
        startDate: addDays(TODAY, -366),
        endDate: addDays(TODAY, -1),
      });
      assert.equal(old.json().expired, true);
      assert.equal(old.json().expiresInDays, -1);
      const before = await counts(t, ['insurance', 'audit_log']);
      const bad = await t.call(township, 'POST', '/api/insurance', {
        personId: a,
        insurer: 'x',
        startDate: d('06-01'),
        endDate: d('05-31'),
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].path, 'endDate');
      assert.deepEqual(await counts(t, ['insurance', 'audit_log']), before);
      const expiring = await t.call(county, 'GET', `/api/insurance?region=${YANDUNZI}&expiringWithin=30`);
      assert.deepEqual(
        expiring.json().items.map((i: { personName: string }) => i.personName),
        ['保险甲'],
      );
      const all = await t.call(county, 'GET', `/api/insurance?region=${YANDUNZI}`);
      assert.deepEqual(
        all.json().items.map((i: { personName: string }) => i.personName),
        ['保险丙', '保险甲', '保险乙'],
      );
      const expired = await t.call(county, 'GET', `/api/insurance?region=${YANDUNZI}&expired=true`);
      assert.equal(expired.json().total, 1);
    });

    it('keeps a team’s work funds: budget from the policy, spending entries, balance, no overspending', async () => {
      const { t, county, village } = app();
      const team = { id: await buildTeam(t.db, DONGJIAGOU, '董家沟村驻村工作队') };
      const year = Number(TODAY.slice(0, 4));
      const url = `/api/teams/${team.id}/funds`;
      const empty = (await t.call(village, 'GET', `${url}?year=${year}`)).json();
      assert.deepEqual([empty.budget, empty.spent, empty.balance, empty.entries.length], [50000, 0, 50000, 0]);
      const first = await t.call(village, 'POST', url, { spentOn: TODAY, amount: 30000.5, purpose: '修村道' });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().balance, 19999.5);
      assert.equal(first.json().version, 1);
      const before = await counts(t, ['fund_spending', 'audit_log']);
      const over = await t.call(village, 'POST', url, { spentOn: TODAY, amount: 19999.51, purpose: '超支' });
      assert.equal(over.statusCode, 400);
      assert.equal(over.json().error.details[0].path, 'amount');
      assert.match(over.json().error.message + over.json().error.details[0].message, /19999\.50/);
      for (const amount of [0, -5]) {
        const bad = await t.call(village, 'POST', url, { spentOn: TODAY, amount, purpose: 'x' });
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json().error.details[0].path, 'amount');
      }
      assert.deepEqual(await counts(t, ['fund_spending', 'audit_log']), before);
      const rest = await t.call(village, 'POST', url, { spentOn: TODAY, amount: 19999.5, purpose: '购置办公用品' });
      assert.equal(rest.statusCode, 201, rest.body);
      assert.equal(rest.json().balance, 0);
      const funds = (await t.call(county, 'GET', `${url}?year=${year}`)).json();
      assert.deepEqual([funds.budget, funds.spent, funds.balance], [50000, 50000, 0]);
      assert.deepEqual(
        funds.entries.map((e: { amount: number; purpose: string; version: number }) => [
          e.amount,
          e.purpose,
          e.version,
        ]),
        [
          [30000.5, '修村道', 1],
          [19999.5, '购置办公用品', 1],
        ],
      );
      assert.equal(funds.total, 2);
      // the entries are paged; the figures stay those of the whole year
      const paged = (await t.call(county, 'GET', `${url}?year=${year}&pageSize=1&page=2`)).json();
      assert.deepEqual(
        [paged.total, paged.spent, paged.entries.map((e: { purpose: string }) => e.purpose)],
        [2, 50000, ['购置办公用品']],
      );
      // last year's funds are separate
      const last = (await t.call(county, 'GET', `${url}?year=${LY}`)).json();
      assert.deepEqual([last.budget, last.spent, last.balance], [50000, 0, 50000]);
      assert.equal((await t.call(county, 'GET', '/api/teams/999999/funds')).statusCode, 404);
    });
  });
}
