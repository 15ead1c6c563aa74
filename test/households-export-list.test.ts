/**
 * 导出当前列表 (GET /api/households/export-list): one row per household with the list's columns, its filters and
 * its sort, labels in the caller's language — the same households, in the same order, as the list shows; and its
 * region scope: a village, township or county user never exports another's households (403), and each export is
 * audited.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { saveHouseholds } from '../src/core/modules/households/write.ts';
import { household } from './fixtures.ts';
import { DIALECTS, eachTest, type Session, type TestApp } from './harness.ts';

const DONGJIAGOU = '420323104211'; // 擂鼓镇
const LONGJING = '420323103211'; // 宝丰镇

const year = (perCapita: number, status = 'poor') => ({
  year: 2019,
  status,
  incomeWage: perCapita * 2,
  productionCost: 0,
  foodClothing: true,
  education: true,
  medical: true,
  housing: true,
  water: true,
});

async function dataset(t: TestApp) {
  await saveHouseholds(t.db, '420323000000', [
    household('D-003', DONGJIAGOU, { years: [year(5200.5)] }) as never,
    household('D-001', DONGJIAGOU, { status: 'exited', years: [year(8000, 'exited')] }) as never,
    household('D-002', DONGJIAGOU, {
      mainCause: 'disability',
      otherCauses: ['illness', 'lack_funds'],
      years: [year(1234.567)],
    }) as never,
    household('L-001', LONGJING, { years: [year(3000)] }) as never,
  ]);
  return {
    county: await t.as('county', '420323'),
    township: await t.as('township', '420323104'),
    village: await t.as('village', DONGJIAGOU),
    inspector: await t.as('inspector', '420323'),
  };
}

async function rowsOf(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const ws = wb.worksheets[0]!;
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null)));
  return out;
}

for (const dialect of DIALECTS) {
  describe(`household list export [${dialect}]`, () => {
    const app = eachTest(dialect, dataset);
    const get = (s: Session, url: string, headers: Record<string, string> = {}) =>
      app().t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie, ...headers } });

    it('writes the list as shown: its households in its order, one row each, the list’s columns in Chinese', async () => {
      const { t, county } = app();
      const query = `region=420323&status=poor,exited&sort=-income`;
      const list = (await t.call(county, 'GET', `/api/households?${query}&pageSize=100`)).json();
      const res = await get(county, `/api/households/export-list?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /spreadsheetml/);
      assert.match(decodeURIComponent(res.headers['content-disposition'] as string), /农户台账-竹山县-.*\.xlsx/);
      const [header, ...rows] = await rowsOf(res.rawPayload);
      assert.deepEqual(header, [
        '户编号',
        '户主',
        '村',
        '村民小组',
        '人数',
        '状态',
        '贫困户属性',
        '主要致贫原因',
        '其他致贫原因',
        '住房安全等级',
        '2019 年人均纯收入（元）',
      ]);
      assert.deepEqual(
        rows.map((r) => r[0]),
        list.items.map((h: { code: string }) => h.code),
      );
      assert.deepEqual(
        rows.map((r) => r[0]),
        ['D-001', 'D-003', 'L-001', 'D-002'],
      );
      const d2 = rows.find((r) => r[0] === 'D-002')!;
      assert.deepEqual(d2.slice(1), [
        '张大山',
        '董家沟村',
        null,
        2,
        '未脱贫',
        '一般贫困户',
        '因残',
        '因病、缺资金',
        'B级（安全）',
        1234.57,
      ]);
      assert.equal(rows.find((r) => r[0] === 'D-001')![5], '已脱贫');
    });

    it('applies the filters and speaks English when the caller does', async () => {
      const { county } = app();
      const exited = await rowsOf(
        (await get(county, '/api/households/export-list?region=420323&status=exited')).rawPayload,
      );
      assert.deepEqual(
        exited.slice(1).map((r) => r[0]),
        ['D-001'],
      );
      const searched = await rowsOf(
        (await get(county, `/api/households/export-list?region=${LONGJING}&incomeMin=2000`)).rawPayload,
      );
      assert.deepEqual(
        searched.slice(1).map((r) => r[0]),
        ['L-001'],
      );
      const en = await rowsOf(
        (
          await get(county, `/api/households/export-list?region=${DONGJIAGOU}&sort=code`, {
            cookie: `${county.cookie}; xh_lang=en`,
          })
        ).rawPayload,
      );
      assert.equal(en[0]![0], 'Household code');
      assert.equal(en[0]![10], 'Per-capita net income 2019 (yuan)');
      assert.deepEqual(en[1]!.slice(0, 1).concat(en[1]!.slice(5, 6)), ['D-001', 'Exited']);
    });

    it('keeps to the caller’s region: another village, township or county is refused; each export is audited', async () => {
      const { t, county, township, village, inspector } = app();
      const cases: [string, Session, string, number, string[]?][] = [
        ['village, own', village, DONGJIAGOU, 200, ['D-001', 'D-002', 'D-003']],
        ['village, a sibling village', village, LONGJING, 403],
        ['village, its township', village, '420323104', 403],
        ['village, the county', village, '420323', 403],
        ['township, own', township, '420323104', 200, ['D-001', 'D-002', 'D-003']],
        ['township, a village of another township', township, LONGJING, 403],
        ['township, another township', township, '420323103', 403],
        ['county, another county', county, '420322', 403],
        ['inspector, own county', inspector, '420323', 200, ['D-001', 'D-002', 'D-003', 'L-001']],
      ];
      for (const [name, s, region, status, codes] of cases) {
        const res = await get(s, `/api/households/export-list?region=${region}`);
        assert.equal(res.statusCode, status, `${name}: ${res.body.slice(0, 200)}`);
        if (codes) {
          const rows = await rowsOf(res.rawPayload);
          assert.deepEqual(
            rows.slice(1).map((r) => r[0]),
            codes,
            name,
          );
        } else assert.doesNotMatch(res.body, /D-00|L-00/, name);
      }
      assert.equal((await get(village, '/api/households/export-list')).statusCode, 400);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/api/households/export-list?region=${DONGJIAGOU}` })).statusCode,
        401,
      );
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['region_code', 'after_json'])
        .where('action', '=', 'export')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => [a.region_code, JSON.parse(a.after_json!).layout, JSON.parse(a.after_json!).households]),
        [
          [DONGJIAGOU, 'list', 3],
          ['420323104000', 'list', 3],
          ['420323000000', 'list', 4],
        ],
      );
    });
  });
}
