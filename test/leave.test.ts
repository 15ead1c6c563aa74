import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nowIso } from '../src/core/db/index.ts';
import { todayInChina } from '../src/core/clock.ts';
import { buildCadre, buildStation, buildUser } from './factories.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';

/**
 * Leave requests and the approval chain: a short leave (up to the township limit, 3 days by default)
 * is approved by the township, a longer one by the county (the township gets 403); a township cannot
 * approve outside its township; leave that overlaps a recall or another leave is refused; approving
 * changes the cadre's days in the village at once; the inbox paginates.
 */
const DONGJIAGOU = '420323104211'; // 擂鼓镇
const YANDUNZI = '420323104201'; // 擂鼓镇
const LONGJING = '420323103211'; // 宝丰镇
const LY = Number(todayInChina().slice(0, 4)) - 1;
const d = (md: string) => `${LY}-${md}`;

const count = async (t: TestApp, table: 'leave_request' | 'audit_log') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function stationed(t: TestApp, village: string, name?: string) {
  const id = await buildCadre(t.db, village, { name });
  const stationId = await buildStation(t.db, id, village, 'first_secretary', { start: d('01-01'), end: null });
  return { id, stationId };
}

for (const dialect of DIALECTS) {
  describe(`leave and its approval chain [${dialect}]`, () => {
    let t: TestApp;
    let county: Session;
    let leigu: Session;
    let baofeng: Session;
    let village: Session;
    let otherCounty: Session;
    before(async () => {
      t = await testApp(dialect);
      await buildUser(t.db, 'county', '420323', 'cty');
      await buildUser(t.db, 'county', '420322', 'yunxi');
      await buildUser(t.db, 'township', '420323104', 'leigu');
      await buildUser(t.db, 'township', '420323103', 'baofeng');
      await buildUser(t.db, 'village', DONGJIAGOU, 'vil');
      county = await t.login('cty');
      otherCounty = await t.login('yunxi');
      leigu = await t.login('leigu');
      baofeng = await t.login('baofeng');
      village = await t.login('vil');
    });
    after(() => t.close());

    const request = (s: Session, personId: number, startDate: string, endDate: string, reason = '事假') =>
      t.call(s, 'POST', '/api/leaves', { personId, startDate, endDate, reason });

    it('short leave → the township approves; longer leave → the township gets 403, the county approves', async () => {
      const { id } = await stationed(t, DONGJIAGOU, '请假人');
      const short = await request(village, id, d('04-01'), d('04-03'));
      assert.equal(short.statusCode, 201, short.body);
      assert.deepEqual(
        [short.json().days, short.json().approver, short.json().status, short.json().requestedBy],
        [3, 'township', 'pending', 'vil'],
      );
      assert.equal(short.json().canDecide, false); // the village user cannot decide
      const long = await request(village, id, d('05-01'), d('05-04'));
      assert.deepEqual([long.json().days, long.json().approver], [4, 'county']);

      const inboxOf = async (s: Session) =>
        (await t.call(s, 'GET', '/api/leaves/inbox')).json().items.map((l: { id: number }) => l.id);
      assert.deepEqual(await inboxOf(leigu), [short.json().id]);
      assert.deepEqual(await inboxOf(county), [short.json().id, long.json().id]);
      assert.deepEqual(await inboxOf(village), []);
      assert.deepEqual(await inboxOf(baofeng), []);

      const ok = await t.call(leigu, 'POST', `/api/leaves/${short.json().id}/decide`, { approve: true, note: '同意' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(
        [ok.json().status, ok.json().decidedBy, ok.json().decisionNote, ok.json().canDecide],
        ['approved', 'leigu', '同意', false],
      );
      const auditBefore = await count(t, 'audit_log');
      const refused = await t.call(leigu, 'POST', `/api/leaves/${long.json().id}/decide`, { approve: true });
      assert.equal(refused.statusCode, 403, refused.body);
      assert.equal((await t.call(leigu, 'GET', `/api/leaves/${long.json().id}`)).json().status, 'pending');
      assert.equal(await count(t, 'audit_log'), auditBefore);
      const listed = (await t.call(county, 'GET', `/api/leaves?personId=${id}`)).json();
      assert.deepEqual(
        listed.items.map((l: { id: number; canDecide: boolean }) => [l.id, l.canDecide]),
        [
          [long.json().id, true],
          [short.json().id, false],
        ],
      );
      const byCounty = await t.call(county, 'POST', `/api/leaves/${long.json().id}/decide`, { approve: false });
      assert.equal(byCounty.statusCode, 200, byCounty.body);
      assert.equal(byCounty.json().status, 'rejected');
      const again = await t.call(county, 'POST', `/api/leaves/${long.json().id}/decide`, { approve: true });
      assert.equal(again.statusCode, 409);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'username'])
        .where('entity', '=', 'leave_request')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => `${a.action}:${a.username}`),
        ['create:vil', 'create:vil', 'approve:leigu', 'reject:cty'],
      );
    });

    it('a township user cannot approve leave outside its township (nor another county); nothing changes', async () => {
      const { id } = await stationed(t, LONGJING);
      const leave = await request(baofeng, id, d('04-01'), d('04-02'));
      assert.equal(leave.statusCode, 201, leave.body);
      const before = [await count(t, 'leave_request'), await count(t, 'audit_log')];
      for (const s of [leigu, otherCounty, village]) {
        const res = await t.call(s, 'POST', `/api/leaves/${leave.json().id}/decide`, { approve: true });
        assert.equal(res.statusCode, 403, res.body);
      }
      assert.deepEqual([await count(t, 'leave_request'), await count(t, 'audit_log')], before);
      assert.equal((await t.call(county, 'GET', `/api/leaves/${leave.json().id}`)).json().status, 'pending');
      assert.equal(
        (await t.call(baofeng, 'POST', `/api/leaves/${leave.json().id}/decide`, { approve: true })).statusCode,
        200,
      );
    });

    it('refuses leave that overlaps a recall or another leave, ends before it starts, or falls outside a station', async () => {
      const { id, stationId } = await stationed(t, DONGJIAGOU);
      const existing = await request(village, id, d('06-10'), d('06-12'));
      assert.equal(existing.statusCode, 201);
      await t.db
        .insertInto('recall')
        .values({
          stationing_id: stationId,
          person_id: id,
          region_code: DONGJIAGOU,
          reason: 'health',
          note: null,
          effective_date: d('07-15'),
          status: 'pending',
          requested_by: 'cty',
          requested_at: nowIso(),
          decided_by: null,
          decided_at: null,
          decision_note: null,
        })
        .execute();
      const before = [await count(t, 'leave_request'), await count(t, 'audit_log')];
      const cases: [string, string, string, string][] = [
        ['overlaps the recall', d('07-14'), d('07-16'), 'endDate'],
        ['ends the day the recall takes effect', d('07-13'), d('07-15'), 'endDate'],
        ['after the recall', d('08-01'), d('08-02'), 'endDate'],
        ['overlaps another leave', d('06-12'), d('06-13'), 'startDate'],
        ['inside another leave', d('06-11'), d('06-11'), 'startDate'],
        ['ends before it starts', d('06-20'), d('06-19'), 'endDate'],
        ['before the station', `${LY - 1}-12-30`, d('01-02'), 'startDate'],
      ];
      for (const [name, start, end, path] of cases) {
        const res = await request(village, id, start, end);
        assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
        assert.equal(res.json().error.details[0].path, path, name);
        assert.ok(res.json().error.details[0].message.length > 4, name);
      }
      assert.deepEqual([await count(t, 'leave_request'), await count(t, 'audit_log')], before);
      // the day before the recall takes effect is fine; a rejected recall no longer blocks
      assert.equal((await request(village, id, d('07-13'), d('07-14'))).statusCode, 201);
      await t.db.updateTable('recall').set({ status: 'rejected' }).where('stationing_id', '=', stationId).execute();
      assert.equal((await request(village, id, d('08-01'), d('08-02'))).statusCode, 201);
      // a cancelled leave frees its days
      const cancel = await t.call(village, 'POST', `/api/leaves/${existing.json().id}/cancel`);
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.equal(cancel.json().status, 'cancelled');
      assert.equal((await t.call(village, 'POST', `/api/leaves/${existing.json().id}/cancel`)).statusCode, 409);
      assert.equal((await request(village, id, d('06-12'), d('06-13'))).statusCode, 201);
    });

    it("approving a leave changes the cadre's days in the village at once", async () => {
      const { id } = await stationed(t, YANDUNZI);
      for (const day of ['02-01', '02-02'])
        await t.call(leigu, 'POST', '/api/attendance', { personId: id, day: d(day), present: true });
      const days = async () => (await t.call(county, 'GET', `/api/cadres/${id}/days?year=${LY}`)).json();
      const before = await days();
      assert.deepEqual([before.checkInDays, before.approvedLeaveDays, before.days], [2, 0, 2]);
      const leave = (await request(leigu, id, d('02-10'), d('02-12'))).json();
      assert.equal((await days()).days, 2); // pending leave does not count
      await t.call(leigu, 'POST', `/api/leaves/${leave.id}/decide`, { approve: true });
      const after = await days();
      assert.deepEqual([after.checkInDays, after.approvedLeaveDays, after.days], [2, 3, 5]);
      const summary = (await t.call(leigu, 'GET', `/api/attendance/summary?region=${YANDUNZI}&year=${LY}`)).json();
      assert.equal(summary.items.find((i: { personId: number }) => i.personId === id).days, 5);
      await t.call(leigu, 'POST', `/api/leaves/${leave.id}/cancel`);
      assert.equal((await days()).days, 2);
    });

    it('paginates the inbox oldest first and stays quick with thousands of leaves', async () => {
      const now = Date.now();
      const { id: leiguCadre } = await stationed(t, YANDUNZI);
      const { id: baofengCadre } = await stationed(t, LONGJING);
      const rows = [];
      for (let i = 0; i < 3000; i++) {
        const inLeigu = i % 2 === 0;
        rows.push({
          person_id: inLeigu ? leiguCadre : baofengCadre,
          region_code: inLeigu ? YANDUNZI : LONGJING,
          start_date: d('09-01'),
          end_date: d('09-02'),
          days: 2,
          reason: `批量 ${i}`,
          approver: i % 3 === 0 ? 'county' : 'township',
          status: i % 5 === 0 ? 'approved' : 'pending',
          requested_by: 'seed',
          requested_at: new Date(now - (3000 - i) * 60_000).toISOString(),
          decided_by: null,
          decided_at: null,
          decision_note: null,
        });
      }
      for (let i = 0; i < rows.length; i += 500)
        await t.db
          .insertInto('leave_request')
          .values(rows.slice(i, i + 500))
          .execute();
      // earlier tests left pending leaves too: count what each inbox should hold from the table
      const pending = await t.db
        .selectFrom('leave_request')
        .select(['id', 'region_code', 'approver'])
        .where('status', '=', 'pending')
        .execute();
      const leiguWant = pending.filter((p) => p.region_code.startsWith('420323104') && p.approver === 'township');
      const countyWant = pending.filter((p) => p.region_code.startsWith('420323'));
      assert.ok(leiguWant.length > 700, String(leiguWant.length));

      const started = Date.now();
      const page1 = await t.call(leigu, 'GET', '/api/leaves/inbox?page=1&pageSize=50');
      const elapsed = Date.now() - started;
      assert.equal(page1.statusCode, 200, page1.body);
      assert.equal(page1.json().total, leiguWant.length);
      assert.equal(page1.json().items.length, 50);
      assert.ok(elapsed < 2000, `inbox took ${elapsed} ms`);
      for (const l of page1.json().items) {
        assert.equal(l.approver, 'township');
        assert.equal(l.status, 'pending');
        assert.ok(l.regionCode.startsWith('420323104'));
        assert.equal(l.canDecide, true);
      }
      const times = page1.json().items.map((l: { requestedAt: string }) => l.requestedAt);
      assert.deepEqual(times, [...times].sort());
      const lastPage = Math.ceil(leiguWant.length / 50);
      const tail = (await t.call(leigu, 'GET', `/api/leaves/inbox?page=${lastPage}&pageSize=50`)).json();
      assert.equal(tail.items.length, leiguWant.length - (lastPage - 1) * 50);
      assert.equal(
        (await t.call(leigu, 'GET', `/api/leaves/inbox?page=${lastPage + 1}&pageSize=50`)).json().items.length,
        0,
      );
      const page2 = (await t.call(leigu, 'GET', '/api/leaves/inbox?page=2&pageSize=50')).json();
      assert.ok(page2.items[0].requestedAt >= times.at(-1));
      assert.equal(new Set([...page1.json().items, ...page2.items].map((l: { id: number }) => l.id)).size, 100);
      const countyInbox = (await t.call(county, 'GET', '/api/leaves/inbox?pageSize=200')).json();
      assert.equal(countyInbox.total, countyWant.length);
      assert.equal((await t.call(county, 'GET', '/api/leaves/inbox?pageSize=201')).statusCode, 400);
      assert.equal((await t.call(otherCounty, 'GET', '/api/leaves/inbox')).json().total, 0);
    });
  });
}
