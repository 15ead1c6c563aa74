import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { household, idNumber } from './fixtures.ts';
import { DIALECTS, eachTest, type Session } from './harness.ts';

const DONG = '420323104211';

/** A multipart/form-data body with one file and text fields. */
function multipart(filename: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----xiuhua' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const dialect of DIALECTS) {
  describe(`cross-check with an uploaded file [${dialect}]`, () => {
    const head = idNumber('1970-03-05', 11);
    const app = eachTest(dialect, async (t) => {
      await saveHouseholds(t.db, '420323000000', [
        household('APP-1', DONG, { status: 'applicant', years: [] }) as never,
      ]);
      return { village: await t.as('village', DONG), other: await t.as('village', '420323103211') };
    });

    const upload = (s: Session, filename: string, content: Buffer, fields?: Record<string, string>) => {
      const m = multipart(filename, content, fields);
      return app().t.call(s, 'POST', `/api/villages/${DONG}/crosscheck/file`, m.payload, m.headers);
    };

    it('matches a CSV of one department (source as a form field) by ID number', async () => {
      const { t, village } = app();
      const csv = Buffer.from(
        `身份证号,详情\r\n${head},商品房 竹山县城关镇 90㎡\r\n${idNumber('1980-01-01', 21)},无关\r\n`,
      );
      const res = await upload(village, 'housing.csv', csv, { source: '商品房' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().checked, res.json().hits], [2, 1]);
      const hits = await t.db.selectFrom('crosscheck_hit').selectAll().execute();
      assert.deepEqual(
        hits.map((h) => [h.source, h.status]),
        [['commercial_housing', 'open']],
      );
    });

    it('reads a workbook with a source column and reports bad rows by row and column', async () => {
      const { village } = app();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('车辆');
      ws.addRow(['身份证号', '来源', '详情']);
      ws.addRow([head, '车辆', '小型轿车 鄂C88888']);
      ws.addRow([420323197003051100, '车辆', '数字格式的身份证号']);
      const res = await upload(village, 'vehicles.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().hits, 1, res.body);
      assert.equal(res.json().rejected.length, 1, res.body);
      assert.equal(res.json().rejected[0].row, 3);
      assert.match(res.json().rejected[0].message, /精度已丢失/);
    });

    it('refuses garbage and other villages without writing', async () => {
      const { t, village, other } = app();
      const before = (
        await t.db
          .selectFrom('crosscheck_hit')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
      const garbage = await upload(
        village,
        'x.xlsx',
        Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]),
      );
      assert.equal(garbage.statusCode, 400, garbage.body);
      const foreign = await upload(other, 'h.csv', Buffer.from(`身份证号,来源\r\n${head},车辆\r\n`));
      assert.ok([403, 404].includes(foreign.statusCode), foreign.body);
      const after = (
        await t.db
          .selectFrom('crosscheck_hit')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
      assert.equal(Number(after), Number(before));
    });

    it('says why a file without the needed columns checks nothing', async () => {
      const { t, village } = app();
      const res = await upload(village, 'x.csv', Buffer.from(`姓名,详情\r\n张大山,无\r\n`));
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().checked, res.json().hits], [0, 0]);
      assert.deepEqual(
        res.json().rejected.map((r: { row: number; column: string }) => [r.row, r.column]),
        [
          [1, '身份证号'],
          [1, '来源'],
        ],
      );
      const m = multipart('x.csv', Buffer.from('姓名\r\n'));
      const en = await t.call(village, 'POST', `/api/villages/${DONG}/crosscheck/file`, m.payload, {
        ...m.headers,
        'accept-language': 'en',
      });
      assert.equal(en.statusCode, 200, en.body);
      assert.match(en.json().rejected[0].message, /column is missing/);
    });

    it('answers 400 without a multipart body, 404 for an unknown village and 409 for a township', async () => {
      const { t, village } = app();
      const json = await t.call(village, 'POST', `/api/villages/${DONG}/crosscheck/file`, { rows: [] });
      assert.equal(json.statusCode, 400, json.body);
      const county = await t.as('county', '420323');
      const csv = Buffer.from(`身份证号,来源\r\n${head},车辆\r\n`);
      const m = multipart('h.csv', csv);
      const unknown = await t.call(county, 'POST', '/api/villages/420323104299/crosscheck/file', m.payload, m.headers);
      assert.equal(unknown.statusCode, 404, unknown.body);
      const township = await t.call(county, 'POST', '/api/villages/420323104/crosscheck/file', m.payload, m.headers);
      assert.equal(township.statusCode, 409, township.body);
      const hits = await t.db
        .selectFrom('crosscheck_hit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(hits.n), 0);
    });
  });
}
