/**
 * The household import's files: Excel's values, every kind of bad file, the app's upload limit (413), and the
 * export's round trip through the import. Each test starts from its own copy of the template database.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  DONGJIAGOU,
  LONGJING,
  HEADERS,
  household,
  csvOf,
  xlsxOf,
  upload,
  dump,
  toGbk,
  households,
  importSessions,
} from './import-helpers.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

for (const dialect of DIALECTS) {
  describe(`household import: files, the upload limit, the export [${dialect}]`, () => {
    const ctx = eachTest(dialect, importSessions);

    it('reads Excel values: date cells, serial days, text dates, formulas; explains numbers that lost digits', async () => {
      const { t, app, county } = ctx();
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
      const { app, county } = ctx();
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
    });

    it('exports masked for a village user, in full (audited) for a county user, and round-trips', async () => {
      const { t, app, county, village } = ctx();
      await register(t, county);
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

  describe(`household import with a 1 KB upload limit [${dialect}]`, () => {
    const ctx = eachTest(dialect, importSessions, { importMaxBytes: 1024 });

    it('answers a file over the app’s limit with 413, naming the limit; a smaller one imports', async () => {
      const { t, app, county } = ctx();
      const big = await upload(app, county, 'big.csv', Buffer.alloc(4096, 'a'));
      assert.equal(big.statusCode, 413, big.body);
      assert.equal(big.json().error.message, '文件超过 1 KB 的上限');
      const small = await upload(app, county, 'small.csv', csvOf(household('L1', DONGJIAGOU, 1)));
      assert.equal(small.json().imported, 1, small.body);
      assert.deepEqual(await households(t), ['L1']);
    });
  });
}

/**
 * A register to export: the template's example household (every column filled), a household with two years'
 * records, one of one person in 龙井村, one read from a workbook with date cells.
 */
async function register(t: TestApp, s: Session) {
  const template = await t.app.inject({
    method: 'GET',
    url: '/api/imports/households/template',
    headers: { cookie: s.cookie },
  });
  const excel = household('X1', DONGJIAGOU, 3);
  excel[0]![8] = new Date(Date.UTC(1970, 4, 6));
  const files: [string, Buffer][] = [
    ['template.xlsx', template.rawPayload],
    ['2023.csv', csvOf([...household('R1', DONGJIAGOU, 3, 2023), ...household('A4', LONGJING, 1)])],
    ['2024.csv', csvOf(household('R1', DONGJIAGOU, 2, 2024))],
    ['excel.xlsx', await xlsxOf(excel)],
  ];
  for (const [name, content] of files) {
    const res = (await upload(t.app, s, name, content)).json();
    assert.deepEqual([res.rejected, res.errors], [0, []], name);
  }
  // The example household lives in the county user's first village (竹山县's 420323100001).
  assert.deepEqual(await households(t), ['4203231000010001', 'A4', 'R1', 'X1']);
}
