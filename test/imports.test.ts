import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import {
  DONGJIAGOU,
  LONGJING,
  HEADERS,
  household,
  csvOf,
  xlsxOf,
  importApp,
  upload,
  dump,
  toGbk,
  households,
  idOf,
} from './import-helpers.ts';
import { buildUser } from './factories.ts';
import { DIALECTS, testApp, type Session, type TestApp } from './harness.ts';

for (const dialect of DIALECTS) {
  describe(`household import and export [${dialect}]`, () => {
    let t: TestApp;
    let app: FastifyInstance;
    let county: Session;
    let village: Session;
    let inspector: Session;
    before(async () => {
      t = await testApp(dialect);
      app = await importApp(t);
      await buildUser(t.db, 'county', '420323', 'imp_county');
      await buildUser(t.db, 'village', DONGJIAGOU, 'imp_village');
      await buildUser(t.db, 'inspector', '420323', 'imp_inspector');
      [county, village, inspector] = [
        await t.login('imp_county'),
        await t.login('imp_village'),
        await t.login('imp_inspector'),
      ];
    });
    after(async () => {
      if (app !== t.app) await app.close();
      await t.close();
    });

    it('serves a template that imports back (its example household)', async () => {
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

    it('reads Excel values: date cells, serial days, text dates, formulas; explains numbers that lost digits', async () => {
      const rows = [...household('X1', DONGJIAGOU, 3), ...household('X2', DONGJIAGOU, 1)];
      rows[0]![8] = new Date(Date.UTC(1970, 4, 6)); // a date cell
      rows[1]![8] = 36893; // 2001-01-02 as a serial day
      rows[2]![8] = '2002年1月2日';
      rows[0]![11] = { formula: '10000+5000', result: 15000 };
      rows[3]![6] = 420323197005060000; // the ID number as a number: digits lost
      const res = (await upload(app, county, 'excel.xlsx', await xlsxOf(rows))).json();
      assert.deepEqual([res.imported, res.rejected], [1, 1], JSON.stringify(res.errors));
      assert.deepEqual(
        res.errors.map((e: { row: number; column: string }) => [e.row, e.column]),
        [[5, '身份证号']],
      );
      assert.match(res.errors[0].message, /存成了数字，精度已丢失/);
      const births = await t.db
        .selectFrom('household_member as m')
        .innerJoin('household as h', 'h.id', 'm.household_id')
        .select('m.birth_date')
        .where('h.code', '=', 'X1')
        .orderBy('m.seq')
        .execute();
      assert.deepEqual(
        births.map((b) => b.birth_date),
        ['1970-05-06', '2001-01-02', '2002-01-02'],
      );
      const csv = (
        await upload(
          app,
          county,
          'lost.csv',
          csvOf(
            household('X3', DONGJIAGOU, 1).map((r) => {
              r[6] = '4.20323E+17';
              return r;
            }),
          ),
          'mode=dry-run',
          'en',
        )
      ).json();
      assert.deepEqual(
        csv.errors.map((e: { column: string }) => e.column),
        ['身份证号'],
      );
      assert.match(csv.errors[0].message, /Excel stored the ID number as a number/);
      const impossible = household('X4', DONGJIAGOU, 2);
      impossible[1]![8] = '2001-02-30';
      const dates = (await upload(app, county, 'dates.csv', csvOf(impossible), 'mode=dry-run')).json();
      assert.deepEqual(
        dates.errors.map((e: { row: number; column: string }) => [e.row, e.column]),
        [
          [3, '出生日期'],
          [3, '身份证号'], // the number's birth date differs from the recorded one
        ],
      );
      assert.match(dates.errors[0].message, /2001-02-30/);
    });

    it('answers every kind of bad file with a clear message, never a 500', async () => {
      const damaged = await xlsxOf(['B1', 'B2', 'B3', 'B4', 'B5', 'B6'].flatMap((c) => household(c, DONGJIAGOU, 9)));
      damaged.fill(0x55, Math.floor(damaged.length / 3), Math.floor(damaged.length / 3) + 64);
      const cases: [string, Buffer, RegExp][] = [
        ['empty.csv', Buffer.alloc(0), /文件是空的/],
        ['garbage.xlsx', randomBytes(10 * 1024 * 1024), /既不是 Excel 工作簿/],
        ['cut.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(5000)]), /工作簿文件不完整/],
        ['damaged.xlsx', damaged, /工作簿已损坏/],
        [
          'old.xls',
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(500)]),
          /\.xls/,
        ],
        [
          'report.pdf',
          Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00'),
          /既不是 Excel 工作簿/,
        ],
        ['header.csv', csvOf([]), /没有数据行/],
        ['noheader.csv', Buffer.from('a,b,c\n1,2,3\n'), /找不到表头/],
        ['missing.csv', Buffer.from('户编号,姓名\nH1,张三\n'), /缺少必需的列：村代码、户状态、与户主关系/],
        ['quote.csv', Buffer.from(`${HEADERS.join(',')}\nH1,"unclosed\n`), /引号没有闭合/],
      ];
      for (const [name, content, message] of cases) {
        const res = await upload(app, county, name, content);
        assert.equal(res.statusCode, 200, `${name}: ${res.body}`);
        const body = res.json();
        assert.equal(body.imported, 0, name);
        assert.match(body.errors[0]?.message ?? '', message, `${name}: ${JSON.stringify(body.errors)}`);
      }
      const gbk = (await upload(app, county, 'gbk.csv', toGbk(csvOf(household('G1', DONGJIAGOU)).toString()))).json();
      assert.deepEqual([gbk.imported, gbk.errors], [1, []]);
      assert.match(gbk.warnings[0], /GBK/);
      const small = await importApp(t, 1024);
      try {
        const big = await upload(small, county, 'big.csv', Buffer.alloc(4096, 'a'));
        assert.equal(big.statusCode, 413, big.body);
        assert.equal(big.json().error.message, '文件超过 1 KB 的上限');
      } finally {
        await small.close();
      }
    });

    it('exports masked for a village user, in full (audited) for a county user, and round-trips', async () => {
      const masked = await app.inject({
        method: 'GET',
        url: `/api/households/export?region=${DONGJIAGOU}&format=csv`,
        headers: { cookie: village.cookie },
      });
      assert.equal(masked.statusCode, 200, masked.body);
      assert.match(masked.body, /420323\*{8}\d{3}[\dX]/);
      assert.doesNotMatch(masked.body, /420323\d{11}[\dX]/);
      assert.equal(
        (
          await app.inject({
            method: 'GET',
            url: `/api/households/export?region=420323`,
            headers: { cookie: village.cookie },
          })
        ).statusCode,
        403,
      );
      const back = (await upload(app, village, 'masked.csv', masked.rawPayload, 'mode=dry-run')).json();
      assert.equal(back.imported, 0, 'a masked export cannot overwrite real ID numbers');
      const before = await dump(t);
      for (const format of ['csv', 'xlsx']) {
        const full = await app.inject({
          method: 'GET',
          url: `/api/households/export?region=420323&format=${format}`,
          headers: { cookie: county.cookie },
        });
        assert.equal(full.statusCode, 200);
        const res = (await upload(app, county, `export.${format}`, full.rawPayload)).json();
        assert.deepEqual([res.rejected, res.errors], [0, []], format);
        assert.equal(res.imported, before.households.length);
        assert.deepEqual(await dump(t), before, `${format} round trip`);
      }
      const exited = await app.inject({
        method: 'GET',
        url: '/api/households/export?region=420323&format=csv&status=exited',
        headers: { cookie: county.cookie },
      });
      assert.equal(exited.body.trim().split('\n').length, 1, 'a filter applies: no household has exited');
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'export')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => JSON.parse(a.after_json!).reveal),
        ['none', 'all', 'all', 'all'],
      );
    });
  });
}
