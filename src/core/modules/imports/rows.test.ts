import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CODE_LISTS, type CodeListDef, type CodeListName } from '../../../shared/register.ts';
import { checkDigit } from '../households/idcard.ts';
import type { ValidationContext } from '../households/rules.ts';
import type { Cell, SourceRow } from './cells.ts';
import { DEFAULT_LABELS } from './labels.ts';
import { groupRows, readHousehold } from './rows.ts';
import { mapHeader } from './source.ts';

const ctx: ValidationContext = {
  codes: Object.fromEntries(
    Object.entries(CODE_LISTS).map(([k, v]) => [k, new Set((v as CodeListDef).map((c) => c.code))]),
  ) as Record<CodeListName, Set<string>>,
  maxOtherCauses: 2,
  today: '2025-06-30',
};
const HEADER = [
  '户编号',
  '村代码',
  '户状态',
  '贫困户属性',
  '主要致贫原因',
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '与户主关系',
  '年度',
  '工资性收入（元）',
];
const header = mapHeader({ row: 1, cells: HEADER })!;
const row = (n: number, cells: Cell[]): SourceRow => ({ row: n, cells });
const id = (first17: string) => first17 + checkDigit(first17);
const HEAD = [
  'H1',
  '420323104211',
  '未脱贫',
  '一般贫困户',
  '因病',
  '张三',
  id('42032319900101123'),
  '男',
  '1990-01-01',
  '户主',
  2024,
  12000,
];

async function groups(rows: SourceRow[]) {
  const out = [];
  for await (const g of groupRows(
    (async function* () {
      yield* rows;
    })(),
    header,
  ))
    out.push(g);
  return out;
}

describe('rows → households', () => {
  it('groups consecutive rows by household code; a row without a code stands alone', async () => {
    const gs = await groups([row(2, ['H1']), row(3, ['H1']), row(4, ['']), row(5, ['H2']), row(6, ['H1'])]);
    assert.deepEqual(
      gs.map((g) => ('orphan' in g ? `orphan ${g.orphan.row}` : `${g.code}:${g.rows.map((r) => r.row).join(',')}`)),
      ['H1:2,3', 'orphan 4', 'H2:5', 'H1:6'],
    );
  });

  it('takes household and yearly values from the head row or from every row, if they agree', () => {
    const member = ['H1', null, null, null, null, '李四', '', '女', '1992-03-04', '配偶', null, null];
    const p = readHousehold('H1', [row(2, HEAD), row(3, member)], header, DEFAULT_LABELS, ctx);
    assert.deepEqual(p.errors, []);
    assert.equal(p.input.villageCode, '420323104211');
    assert.equal(p.input.status, 'poor');
    assert.deepEqual(p.input.years, [{ year: 2024, status: 'poor', incomeWage: 12000 }]);
    assert.deepEqual(
      p.input.members.map((m) => [m.name, m.relation, m.gender]),
      [
        ['张三', 'head', 'male'],
        ['李四', 'spouse', 'female'],
      ],
    );
  });

  it('places each problem on its row and column', () => {
    const wrong = id('42032319920304124').replace(/.$/, (d) => (d === '0' ? '1' : '0'));
    const conflicting = ['H1', '420323103211', null, null, null, '李四', wrong, '女', '1992-03-04', '配偶', null, null];
    const p = readHousehold('H1', [row(2, HEAD), row(3, conflicting)], header, DEFAULT_LABELS, ctx);
    const found = p.errors.map((e) => `${e.row} ${e.column}`).sort();
    // row 3: a different village than row 2; a wrong check digit.
    assert.ok(found.includes('3 村代码'), found.join('; '));
    assert.ok(found.includes('3 身份证号'), found.join('; '));
    assert.ok(!found.some((f) => f.startsWith('2 ')), found.join('; '));
  });

  it('reports a household without a head and without household columns', () => {
    const lone = ['H9', null, null, null, null, '王五', '', '男', '', '之子', null, null];
    const p = readHousehold('H9', [row(7, lone)], header, DEFAULT_LABELS, ctx);
    const found = p.errors.map((e) => `${e.row} ${e.column}`);
    assert.ok(
      found.includes('7 村代码') && found.includes('7 户状态') && found.includes('7 与户主关系'),
      found.join('; '),
    );
  });
});
