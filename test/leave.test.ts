import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nowIso } from '../src/core/db/index.ts';
import { counts, d, DONGJIAGOU, LONGJING, LY, stationed as stationedIn, YANDUNZI } from './duty-fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

/**
 * Leave requests and the approval chain: a short leave (up to the township limit, 3 days by default)
 * is approved by the township, a longer one by the county (the township gets 403); a township cannot
 * approve outside its township; leave that overlaps a recall or another leave is refused; approving
 * changes the cadre's days in the village at once; the inbox paginates and holds only what the caller's
 * level decides in its scope; decisions and cancellations carry the version read (one wins, the other 409).
 */
const count = async (t: TestApp, table: 'leave_request' | 'audit_log') => (await counts(t.db, [table]))[0]!;
const stationed = (t: TestApp, village: string, name?: string) => stationedIn(t.db, village, { name });

for (const dialect of DIALECTS) {
  describe(`leave and its approval chain [${dialect}]`, () => {
    const app = eachTest(dialect, async (t) => {
      const users = {
        county: await t.as('county', '420323', 'cty'),
        otherCounty: await t.as('county', '420322', 'yunxi'),
        leigu: await t.as('township', '420323104', 'leigu'),
        baofeng: await t.as('township', '420323103', 'baofeng'),
        village: await t.as('village', DONGJIAGOU, 'vil'),
      };
      const request = (s: Session, personId: number, startDate: string, endDate: string, reason = '事假') =>
        t.call(s, 'POST', '/api/leaves', { personId, startDate, endDate, reason });
      /** Decides with the version the caller reads first. */
      const decide = async (s: Session, id: number, body: { approve: boolean; note?: string }) => {
        const read = await t.call(s, 'GET', `/api/leaves/${id}`);
        return t.call(s, 'POST', `/api/leaves/${id}/decide`, { ...body, version: read.json().version });
      };
      const cancel = async (s: Session, id: number) => {
        const read = await t.call(s, 'GET', `/api/leaves/${id}`);
        return t.call(s, 'POST', `/api/leaves/${id}/cancel`, { version: read.json().version });
      };
      return { ...users, request, decide, cancel };
    });

    it('short leave → the township approves; longer leave → the township gets 403, the county approves', async () => {
      const { t, county, leigu, baofeng, village, request, decide } = app();
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
      // the village holds no leave.approve: no inbox at all
      assert.equal((await t.call(village, 'GET', '/api/leaves/inbox')).statusCode, 403);
      assert.deepEqual(await inboxOf(baofeng), []);

      const ok = await decide(leigu, short.json().id, { approve: true, note: '同意' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(
        [ok.json().status, ok.json().decidedBy, ok.json().decisionNote, ok.json().canDecide],
        ['approved', 'leigu', '同意', false],
      );
      const auditBefore = await count(t, 'audit_log');
      const refused = await t.call(leigu, 'POST', `/api/leaves/${long.json().id}/decide`, {
        approve: true,
        version: long.json().version,
      });
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
      const byCounty = await decide(county, long.json().id, { approve: false });
      assert.equal(byCounty.statusCode, 200, byCounty.body);
      assert.equal(byCounty.json().status, 'rejected');
      const again = await decide(county, long.json().id, { approve: true });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'CONFLICT', 'decided already, though the version is the current one');
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
      const { t, county, otherCounty, leigu, baofeng, village, request, decide } = app();
      const { id } = await stationed(t, LONGJING);
      const leave = await request(baofeng, id, d('04-01'), d('04-02'));
      assert.equal(leave.statusCode, 201, leave.body);
      const before = [await count(t, 'leave_request'), await count(t, 'audit_log')];
      for (const s of [leigu, otherCounty, village]) {
        const res = await t.call(s, 'POST', `/api/leaves/${leave.json().id}/decide`, {
          approve: true,
          version: leave.json().version,
        });
        assert.equal(res.statusCode, 403, res.body);
      }
      assert.deepEqual([await count(t, 'leave_request'), await count(t, 'audit_log')], before);
      assert.equal((await t.call(county, 'GET', `/api/leaves/${leave.json().id}`)).json().status, 'pending');
      assert.equal((await decide(baofeng, leave.json().id, { approve: true })).statusCode, 200);
    });

    it('refuses leave that overlaps a recall or another leave, ends before it starts, or falls outside a station', async () => {
      const { t, village, request, cancel } = app();
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
      const cancelled = await cancel(village, existing.json().id);
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().status, 'cancelled');
      assert.equal((await cancel(village, existing.json().id)).statusCode, 409);
      assert.equal((await request(village, id, d('06-12'), d('06-13'))).statusCode, 201);
    });

    it("approving a leave changes the cadre's days in the village at once", async () => {
      const { t, county, leigu, request, decide, cancel } = app();
      const { id } = await stationed(t, YANDUNZI);
      for (const day of ['02-01', '02-02'])
        await t.call(leigu, 'POST', '/api/attendance', { personId: id, day: d(day), present: true });
      const days = async () => (await t.call(county, 'GET', `/api/cadres/${id}/days?year=${LY}`)).json();
      const before = await days();
      assert.deepEqual([before.checkInDays, before.approvedLeaveDays, before.days], [2, 0, 2]);
      const leave = (await request(leigu, id, d('02-10'), d('02-12'))).json();
      assert.equal((await days()).days, 2); // pending leave does not count
      assert.equal((await decide(leigu, leave.id, { approve: true })).statusCode, 200);
      const after = await days();
      assert.deepEqual([after.checkInDays, after.approvedLeaveDays, after.days], [2, 3, 5]);
      const summary = (await t.call(leigu, 'GET', `/api/attendance/summary?region=${YANDUNZI}&year=${LY}`)).json();
      assert.equal(summary.items.find((i: { personId: number }) => i.personId === id).days, 5);
      assert.equal((await cancel(leigu, leave.id)).statusCode, 200);
      assert.equal((await days()).days, 2);
    });

    it('paginates the inbox oldest first and stays quick with thousands of leaves', async () => {
      const { t, county, otherCounty, leigu } = app();
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
      // count what each inbox should hold from the table
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

    it('a decision needs the version read: none → 428, a stale one → 409 with the request as it is now', async () => {
      const { t, leigu, village, request } = app();
      const { id } = await stationed(t, DONGJIAGOU);
      const leave = (await request(village, id, d('04-01'), d('04-02'))).json();
      const read = await t.call(leigu, 'GET', `/api/leaves/${leave.id}`);
      assert.equal(read.json().version, 1);
      assert.equal(read.headers.etag, '"1"');
      const auditBefore = await count(t, 'audit_log');
      const bare = await t.call(leigu, 'POST', `/api/leaves/${leave.id}/decide`, { approve: true });
      assert.equal(bare.statusCode, 428, bare.body);
      assert.equal((await t.call(village, 'POST', `/api/leaves/${leave.id}/cancel`)).statusCode, 428);
      assert.equal(await count(t, 'audit_log'), auditBefore);
      // the requester cancels first (the version read in If-Match); the approver decides on what it read
      const cancelled = await t.call(village, 'POST', `/api/leaves/${leave.id}/cancel`, undefined, {
        'if-match': read.headers.etag as string,
      });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().version, 2);
      const stale = await t.call(leigu, 'POST', `/api/leaves/${leave.id}/decide`, { approve: true, version: 1 });
      assert.equal(stale.statusCode, 409, stale.body);
      const err = stale.json().error;
      assert.equal(err.code, 'VERSION_CONFLICT');
      assert.deepEqual([err.current.status, err.current.version, err.current.canDecide], ['cancelled', 2, false]);
      const stored = (await t.call(leigu, 'GET', `/api/leaves/${leave.id}`)).json();
      assert.deepEqual([stored.status, stored.decidedBy, stored.version], ['cancelled', null, 2]);
    });

    it('two approvers at once: exactly one 200 and one 409, and one decision stands', async () => {
      const { t, county, leigu, village, request } = app();
      const { id } = await stationed(t, DONGJIAGOU);
      const leave = (await request(village, id, d('04-01'), d('04-02'))).json();
      const results = await Promise.all([
        t.call(leigu, 'POST', `/api/leaves/${leave.id}/decide`, { approve: true, version: leave.version }),
        t.call(county, 'POST', `/api/leaves/${leave.id}/decide`, { approve: false, note: '不同意', version: 1 }),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
      const winner = results.find((r) => r.statusCode === 200)!.json();
      const stored = (await t.call(county, 'GET', `/api/leaves/${leave.id}`)).json();
      assert.deepEqual([stored.status, stored.decidedBy, stored.version], [winner.status, winner.decidedBy, 2]);
      const decisions = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'leave_request')
        .where('action', 'in', ['approve', 'reject'])
        .execute();
      assert.equal(decisions.length, 1);
    });

    it('the requester cancelling while an approver decides: exactly one 200 and one 409', async () => {
      const { t, leigu, village, request } = app();
      const { id } = await stationed(t, DONGJIAGOU);
      const leave = (await request(village, id, d('04-01'), d('04-02'))).json();
      const [decided, cancelled] = await Promise.all([
        t.call(leigu, 'POST', `/api/leaves/${leave.id}/decide`, { approve: true, version: leave.version }),
        t.call(village, 'POST', `/api/leaves/${leave.id}/cancel`, { version: leave.version }),
      ]);
      assert.deepEqual(
        [decided.statusCode, cancelled.statusCode].sort(),
        [200, 409],
        `${decided.body}\n${cancelled.body}`,
      );
      const stored = (await t.call(leigu, 'GET', `/api/leaves/${leave.id}`)).json();
      assert.equal(stored.status, decided.statusCode === 200 ? 'approved' : 'cancelled');
      assert.equal(stored.version, 2);
    });

    it('every inbox is scoped: an approver of another township or county sees nothing of this one’s', async () => {
      const { t, county, otherCounty, leigu, baofeng, village, request } = app();
      const { id: inLeigu } = await stationed(t, DONGJIAGOU);
      const { id: inBaofeng } = await stationed(t, LONGJING);
      const leiguShort = (await request(village, inLeigu, d('04-01'), d('04-02'))).json();
      const leiguLong = (await request(village, inLeigu, d('05-01'), d('05-10'))).json();
      const baofengShort = (await request(baofeng, inBaofeng, d('04-01'), d('04-02'))).json();
      const baofengLong = (await request(baofeng, inBaofeng, d('05-01'), d('05-10'))).json();
      assert.deepEqual(
        [leiguShort, leiguLong, baofengShort, baofengLong].map((l) => l.approver),
        ['township', 'county', 'township', 'county'],
      );
      const inboxOf = async (s: Session) => {
        const res = await t.call(s, 'GET', '/api/leaves/inbox?pageSize=200');
        assert.equal(res.statusCode, 200, res.body);
        return res
          .json()
          .items.map((l: { id: number }) => l.id)
          .sort((a: number, b: number) => a - b);
      };
      const ids = (...ls: { id: number }[]) => ls.map((l) => l.id).sort((a, b) => a - b);
      assert.deepEqual(await inboxOf(leigu), ids(leiguShort));
      assert.deepEqual(await inboxOf(baofeng), ids(baofengShort));
      assert.deepEqual(await inboxOf(county), ids(leiguShort, leiguLong, baofengShort, baofengLong));
      assert.deepEqual(await inboxOf(otherCounty), []);
      assert.deepEqual(await inboxOf(await t.as('township', '420322100')), [], 'a township of 郧西县');
      // The level decides, not the role's name: an administrator held in a township decides what a township does.
      assert.deepEqual(await inboxOf(await t.as('admin', '420323104')), ids(leiguShort));
      assert.deepEqual(
        await inboxOf(await t.as('admin', '420323')),
        ids(leiguShort, leiguLong, baofengShort, baofengLong),
      );
      // …and the same rule answers for one request
      const adminLeigu = await t.as('admin', '420323104');
      const long = await t.call(adminLeigu, 'POST', `/api/leaves/${leiguLong.id}/decide`, {
        approve: true,
        version: leiguLong.version,
      });
      assert.equal(long.statusCode, 403, long.body);
      const listed = (await t.call(adminLeigu, 'GET', `/api/leaves?personId=${inLeigu}`)).json().items;
      assert.deepEqual(
        listed.map((l: { id: number; canDecide: boolean }) => [l.id, l.canDecide]).sort(),
        [
          [leiguShort.id, true],
          [leiguLong.id, false],
        ].sort(),
      );
    });
  });
}
