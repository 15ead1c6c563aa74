/**
 * Region scope of the household import's endpoints, table-driven: users of a sibling village, township and
 * county import rows about 龙井村 (宝丰镇) and a code taken there — each refused row is named, nothing changes, and
 * where a household lives outside the caller's scope is never said; the inspector may not import at all. Templates
 * name a village of the caller's own scope. Progress and error reports are their owner's only. Without a session
 * 401, without the CSRF token 403.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Role } from '../src/shared/codes.ts';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { household as input } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';
import { csvOf, DONGJIAGOU, household, LONGJING, upload } from './import-helpers.ts';

/** LJ-0002: a new household of 龙井村 (row 2); LJ-0001, taken in 龙井村, as if of 董家沟村 (row 3). */
const FILE = csvOf([...household('LJ-0002', LONGJING, 1), ...household('LJ-0001', DONGJIAGOU, 1)]);
const TAKEN = '户编号 LJ-0001 已被本县其他户使用，不能导入；请核对户编号';

const USERS: [string, Role, string][] = [
  ['sibling village (董家沟村)', 'village', DONGJIAGOU],
  ['sibling township (擂鼓镇)', 'township', '420323104'],
  ['sibling county (郧西县)', 'county', '420322'],
  ['inspector of the county', 'inspector', '420323'],
  ['inspector of 郧西县', 'inspector', '420322'],
  ['county of 龙井村 (竹山县)', 'county', '420323'],
];

/** What each user gets from the upload: a status, or 200 with these refused [row, column, message]s. */
const EXPECTED: Record<string, number | [number, string, string | RegExp][]> = {
  'sibling village (董家沟村)': [
    [2, '村代码', `村代码 ${LONGJING} 不在您的管辖范围内`],
    [3, '户编号', TAKEN],
  ],
  'sibling township (擂鼓镇)': [
    [2, '村代码', `村代码 ${LONGJING} 不在您的管辖范围内`],
    [3, '户编号', TAKEN],
  ],
  'sibling county (郧西县)': [
    [2, '村代码', `村代码 ${LONGJING} 不在您的管辖范围内`],
    [3, '村代码', `村代码 ${DONGJIAGOU} 不在您的管辖范围内`],
  ],
  'inspector of the county': 403,
  'inspector of 郧西县': 403,
};

/** The first village of each user's scope: the template's example household lives there. */
const EXAMPLE: Record<string, RegExp> = {
  'sibling village (董家沟村)': /^420323104211$/,
  'sibling township (擂鼓镇)': /^420323104\d{3}$/,
  'sibling county (郧西县)': /^420322\d{6}$/,
  'inspector of the county': /^420323\d{6}$/,
  'inspector of 郧西县': /^420322\d{6}$/,
  'county of 龙井村 (竹山县)': /^420323\d{6}$/,
};

const snapshot = async (t: TestApp) => ({
  households: await t.db.selectFrom('household').select(['code', 'region_code', 'version']).orderBy('id').execute(),
  members: (await t.db.selectFrom('household_member').select('id').execute()).length,
  audit: (await t.db.selectFrom('audit_log').select('id').execute()).length,
});

for (const dialect of DIALECTS) {
  describe(`household import keeps to the region scope [${dialect}]`, () => {
    const ctx = eachTest(dialect, async (t) => {
      const s: Record<string, Session> = {};
      for (const [name, role, scope] of USERS) s[name] = await t.as(role, scope);
      await saveHouseholds(t.db, '420323000000', [input('LJ-0001', LONGJING) as never]);
      return { s };
    });

    it('serves the template to whoever reads households, its example in the caller’s own scope', async () => {
      const { t, s } = ctx();
      const url = '/api/imports/households/template';
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401);
      for (const [user, session] of Object.entries(s)) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
        assert.equal(res.statusCode, 200, `${user}: ${res.body}`);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const village = String(wb.worksheets[0]!.getRow(2).getCell(2).value);
        assert.match(village, EXAMPLE[user]!, user);
      }
    });

    it('refuses rows outside the caller’s scope without saying where the taken code lives; nothing changes', async () => {
      const { t, s } = ctx();
      const owner = s['county of 龙井村 (竹山县)']!;
      const start = await snapshot(t);
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/imports/households?mode=commit',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--\r\n',
      });
      assert.equal(anonymous.statusCode, 401);
      const noCsrf = await upload(t.app, { ...owner, csrf: '' }, 'h.csv', FILE);
      assert.equal(noCsrf.statusCode, 403, noCsrf.body);
      for (const [user, want] of Object.entries(EXPECTED)) {
        const res = await upload(t.app, s[user]!, 'h.csv', FILE);
        if (typeof want === 'number') {
          assert.equal(res.statusCode, want, `${user}: ${res.body}`);
          continue;
        }
        assert.equal(res.statusCode, 200, `${user}: ${res.body}`);
        const body = res.json();
        assert.equal(body.imported, 0, user);
        assert.deepEqual(
          body.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message]),
          want,
          user,
        );
        const taken = body.errors.filter((e: { row: number }) => e.row === 3);
        assert.ok(!JSON.stringify(taken).includes('420323103'), `${user}: where LJ-0001 lives (宝丰镇) is not said`);
      }
      assert.deepEqual(await snapshot(t), start, 'nothing changed');
      // The same rows are valid for the county of 龙井村: LJ-0001 moves to 董家沟村, LJ-0002 is new.
      const res = (await upload(t.app, owner, 'h.csv', FILE)).json();
      assert.deepEqual([res.created, res.updated, res.errors], [1, 1, []]);
    });

    it('shows an import’s progress and error report to its owner only', async () => {
      const { t, s } = ctx();
      const [owner, other] = [s['sibling village (董家沟村)']!, s['county of 龙井村 (竹山县)']!];
      const res = (await upload(t.app, owner, 'h.csv', FILE, 'mode=dry-run&progressId=scope-progress-1')).json();
      assert.equal(res.errorCount, 2);
      const get = (session: Session | null, url: string) =>
        t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
      const progress = '/api/imports/progress/scope-progress-1';
      assert.deepEqual((await get(owner, progress)).json(), { phase: 'done', done: 2, total: 2 });
      assert.deepEqual((await get(other, progress)).json(), { phase: 'pending', done: 0, total: 0 });
      assert.equal((await get(null, progress)).statusCode, 401);
      const report = `/api/imports/reports/${res.errorReportId}`;
      assert.equal((await get(owner, report)).statusCode, 200);
      assert.equal((await get(other, report)).statusCode, 404, 'another user’s report does not exist for them');
      assert.equal((await get(null, report)).statusCode, 401);
      assert.equal((await get(owner, '/api/imports/reports/not-a-report-id')).statusCode, 404);
      assert.equal((await get(owner, '/api/imports/reports/bad')).statusCode, 400, 'a malformed id');
    });
  });
}
