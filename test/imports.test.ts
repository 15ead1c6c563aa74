/**
 * The household import through the app: the template, valid and bad rows (a household commits whole), the
 * before-images of re-imported households, scope, split households. Each test starts from its own copy of the
 * template database.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { DONGJIAGOU, LONGJING, household, csvOf, upload, households, idOf, importSessions } from './import-helpers.ts';
import { DIALECTS, eachTest } from './harness.ts';

for (const dialect of DIALECTS) {
  describe(`household import and export [${dialect}]`, () => {
    const ctx = eachTest(dialect, importSessions);

    it('serves a template that imports back (its example household)', async () => {
      const { t, app, village } = ctx();
      const res = await app.inject({
        method: 'GET',
        url: '/api/imports/households/template',
        headers: { cookie: village.cookie },
      });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /attachment/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(
        wb.worksheets.map((w) => w.name),
        ['户籍信息', '填写说明', '代码表'],
      );
      assert.equal(wb.worksheets[0]!.getRow(1).getCell(1).value, '户编号');
      const dry = (await upload(app, village, 'template.xlsx', res.rawPayload, 'mode=dry-run')).json();
      assert.deepEqual([dry.imported, dry.rejected, dry.persons, dry.errors], [1, 0, 3, []]);
      assert.deepEqual(await households(t), [], 'a dry run writes nothing');
      const done = (await upload(app, village, 'template.xlsx', res.rawPayload)).json();
      assert.deepEqual([done.imported, done.created, done.policy], [1, 1, 'valid-households-committed']);
      assert.deepEqual(await households(t), [`${DONGJIAGOU}0001`]);
    });

    it('imports exactly the valid households and reports exactly the bad rows; re-importing updates', async () => {
      const { t, app, county, village } = ctx();
      const rows = [
        ...household('A1', DONGJIAGOU, 3),
        ...household('A2', DONGJIAGOU, 2),
        ...household('A3', '420323104999'),
        ...household('A4', LONGJING, 1),
      ];
      rows[4]![6] = String(rows[4]![6]).replace(/.$/, (d) => (d === '1' ? '2' : '1')); // A2's daughter: wrong check digit (row 6)
      rows.push(['', DONGJIAGOU, '未脱贫', null, null, '无户编号', null, '男', null, '之子', null, null]); // row 10: no household code
      const file = csvOf(rows);
      const dry = (await upload(app, county, 'bad.csv', file, 'mode=dry-run')).json();
      const expected = [
        [6, '身份证号'],
        [7, '村代码'],
        [10, '户编号'],
      ];
      assert.deepEqual(
        dry.errors.map((e: { row: number; column: string }) => [e.row, e.column]),
        expected,
        JSON.stringify(dry.errors),
      );
      assert.match(dry.errors[0].message, /校验位/);
      assert.match(dry.errors[1].message, /420323104999 不存在/);
      assert.deepEqual([dry.imported, dry.rejected, dry.rejectedRows, dry.rows], [2, 2, 5, 9]);
      const res = (await upload(app, county, 'bad.csv', file)).json();
      assert.deepEqual([res.imported, res.created, res.rejected], [2, 2, 2]);
      assert.deepEqual(
        (await households(t)).filter((c) => c.startsWith('A')),
        ['A1', 'A4'],
      );
      const again = (await upload(app, county, 'bad.csv', file, 'mode=commit&progressId=test-progress-1')).json();
      const progress = await app.inject({
        method: 'GET',
        url: '/api/imports/progress/test-progress-1',
        headers: { cookie: county.cookie },
      });
      assert.deepEqual(progress.json(), { phase: 'done', done: 9, total: 9 });
      assert.deepEqual([again.imported, again.created, again.updated], [2, 0, 2]);
      const members = await t.db
        .selectFrom('household_member as m')
        .innerJoin('household as h', 'h.id', 'm.household_id')
        .select('h.code')
        .where('h.code', 'in', ['A1', 'A4'])
        .execute();
      assert.equal(members.length, 4, 'members are replaced, not duplicated');
      const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'import').execute();
      assert.ok(audit.some((a) => a.after_json?.includes('"A1"')));
      const report = await app.inject({
        method: 'GET',
        url: `/api/imports/reports/${res.errorReportId}`,
        headers: { cookie: county.cookie },
      });
      assert.equal(report.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual((wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1), [
        6,
        '身份证号',
        'A2',
        dry.errors[0].message,
      ]);
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/imports/reports/${res.errorReportId}`,
        headers: { cookie: village.cookie },
      });
      assert.equal(foreign.statusCode, 404, 'a report belongs to the user who imported');
    });

    it('audits what a re-imported household was: head, members and the years it overwrote', async () => {
      const { t, app, county } = ctx();
      const perHousehold = async () =>
        t.db
          .selectFrom('audit_log as a')
          .innerJoin('household as h', (j) => j.on(sql`cast(h.id as varchar(50))`, '=', sql.ref('a.entity_id')))
          .select(['a.before_json', 'a.after_json', 'a.region_code'])
          .where('a.action', '=', 'import')
          .where('a.entity', '=', 'household')
          .where('h.code', '=', 'R1')
          .orderBy('a.id')
          .execute();
      assert.equal(
        (await upload(app, county, 'r2023.csv', csvOf(household('R1', DONGJIAGOU, 3, 2023)))).statusCode,
        200,
      );
      assert.equal((await perHousehold()).length, 0, 'a created household has no before-image');
      await upload(app, county, 'r2024.csv', csvOf(household('R1', DONGJIAGOU, 3, 2024)));
      const changed = household('R1', DONGJIAGOU, 2, 2024);
      changed[0]![5] = '新户主';
      for (const r of changed) r[11] = 18000;
      const res = (await upload(app, county, 'changed.csv', csvOf(changed))).json();
      assert.deepEqual([res.imported, res.updated], [1, 1]);
      const rows = await perHousehold();
      assert.equal(rows.length, 2);
      assert.deepEqual(JSON.parse(rows[1]!.after_json!), { file: 'changed.csv' });
      assert.equal(rows[1]!.region_code, DONGJIAGOU);
      const before = JSON.parse(rows[1]!.before_json!);
      assert.equal(before.household.head_name, '户主R1');
      assert.equal(before.household.code, 'R1');
      assert.equal(before.household.persons, 3);
      // Members and years are tables: {columns, rows}.
      const records = (table: { columns: string[]; rows: unknown[][] }) =>
        table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]])));
      assert.deepEqual(
        records(before.members).map((m) => [m.name, m.relation, m.id_number]),
        [
          ['户主R1', 'head', idOf('1970-05-06', 11)],
          ['女儿1', 'daughter', idOf('2001-01-02', 12)],
          ['女儿2', 'daughter', idOf('2002-01-02', 14)],
        ],
      );
      // Only the year the import overwrote: 2023 stays in the register, untouched.
      assert.deepEqual(
        records(before.years).map((y) => [y.year, Number(y.income_wage)]),
        [[2024, 15000]],
      );
      assert.deepEqual(JSON.parse(rows[0]!.before_json!).years.rows, [], 'the 2024 import overwrote no year');
      const now = await t.db
        .selectFrom('household')
        .select('head_name')
        .where('code', '=', 'R1')
        .executeTakeFirstOrThrow();
      assert.equal(now.head_name, '新户主');
    });

    it('rejects villages outside the caller’s scope, and never takes over a household registered outside it', async () => {
      const { t, app, county, village, inspector } = ctx();
      // A4 lives in 龙井村 (宝丰镇), outside the village user's scope.
      assert.equal((await upload(app, county, 'a4.csv', csvOf(household('A4', LONGJING, 1)))).json().created, 1);
      const res = (
        await upload(
          app,
          village,
          'scope.csv',
          csvOf([...household('S1', DONGJIAGOU), ...household('S2', LONGJING), ...household('A4', DONGJIAGOU)]),
        )
      ).json();
      assert.deepEqual([res.imported, res.rejected], [1, 2]);
      assert.deepEqual(
        res.errors.map((e: { row: number; message: string }) => [e.row, e.message]),
        [
          [4, `村代码 ${LONGJING} 不在您的管辖范围内`],
          [6, '户编号 A4 已被本县其他户使用，不能导入；请核对户编号'],
        ],
      );
      // The code is taken — and nothing says where: A4's village is outside the caller's scope.
      const en = (
        await upload(app, village, 'scope.csv', csvOf(household('A4', DONGJIAGOU)), 'mode=dry-run', 'en')
      ).json();
      assert.deepEqual(
        en.errors.map((e: { message: string }) => e.message),
        ['Household code A4 is already taken in this county; check the code'],
      );
      assert.ok(!JSON.stringify([res.errors[1], en.errors]).includes(LONGJING.slice(0, 9)));
      const row = await t.db
        .selectFrom('household')
        .select('region_code')
        .where('code', '=', 'A4')
        .executeTakeFirstOrThrow();
      assert.equal(row.region_code, LONGJING);
      assert.equal((await upload(app, inspector, 'x.csv', csvOf(household('S3', DONGJIAGOU)))).statusCode, 403);
    });

    it('refuses a household whose rows are split, with nothing of it written', async () => {
      const { t, app, county } = ctx();
      const rows = [
        ...household('D1', DONGJIAGOU, 2),
        ...household('D2', DONGJIAGOU, 1),
        ...household('D1', DONGJIAGOU, 1).map((r) => {
          r[5] = '又一人';
          return r;
        }),
      ];
      const res = (await upload(app, county, 'split.csv', csvOf(rows))).json();
      assert.deepEqual([res.imported, res.rejected, res.rejectedRows], [1, 1, 3]);
      assert.deepEqual(
        res.errors.map((e: { row: number }) => e.row),
        [2, 5],
      );
      assert.match(res.errors[0].message, /不相连.*第 2、5 行/);
      assert.deepEqual(
        (await households(t)).filter((c) => c.startsWith('D')),
        ['D2'],
      );
    });
  });
}
