import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCrosscheckCsv, sourceOf, validateRows } from './crosscheck.ts';

const ID = '11010519491231002X';

describe('cross-check sources', () => {
  const cases: [string, string | null][] = [
    ['vehicle', 'vehicle'],
    ['车辆', 'vehicle'],
    [' 机动车 ', 'vehicle'],
    ['商品房', 'commercial_housing'],
    ['财政供养', 'public_payroll'],
    ['工商注册', 'business_registration'],
    ['市场主体', 'business_registration'],
    ['存款', null],
    ['', null],
  ];
  for (const [input, want] of cases) it(`${input || '(empty)'} → ${want}`, () => assert.equal(sourceOf(input), want));
});

describe('validateRows', () => {
  it('keeps rows with a well-formed ID number and a known source, normalized', () => {
    const r = validateRows([
      { idNumber: ' 11010519491231002x ', source: '车辆', detail: ' 鄂C12345 ' },
      { idNumber: '4.20323E+17', source: '车辆' },
      { idNumber: ID, source: '存款' },
      { idNumber: '123', source: 'vehicle', row: 9 },
    ]);
    assert.deepEqual(r.ok, [{ row: 1, idNumber: ID, source: 'vehicle', detail: '鄂C12345' }]);
    assert.deepEqual(
      r.problems.map((p) => [p.row, p.column]),
      [
        [2, '身份证号'],
        [3, '来源'],
        [9, '身份证号'],
      ],
    );
    assert.match(r.problems[0]!.message.zh, /精度已丢失/);
    assert.match(r.problems[1]!.message.zh, /来源“存款”无法识别/);
  });
});

describe('parseCrosscheckCsv', () => {
  it('reads Chinese headers, quotes, CRLF and a BOM, keeping file row numbers', () => {
    const csv = `\uFEFF身份证号,来源,详情\r\n${ID},车辆,"小型轿车 ""鄂C12345"""\r\n\r\n420323198001011009,商品房,"城关镇, 120㎡"\r\n`;
    const r = parseCrosscheckCsv(csv);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.rows, [
      { row: 2, idNumber: ID, source: '车辆', detail: '小型轿车 "鄂C12345"' },
      { row: 4, idNumber: '420323198001011009', source: '商品房', detail: '城关镇, 120㎡' },
    ]);
  });
  it('reads English headers in any order, without a trailing newline', () => {
    const r = parseCrosscheckCsv(`detail,idNumber,source\nvan,${ID},vehicle`);
    assert.deepEqual(r.rows, [{ row: 2, idNumber: ID, source: 'vehicle', detail: 'van' }]);
  });
  it('gives every row the default source when the file has no source column', () => {
    const r = parseCrosscheckCsv(`身份证号,备注\n${ID},在编教师`, '财政供养');
    assert.deepEqual(r.rows, [{ row: 2, idNumber: ID, source: '财政供养', detail: '在编教师' }]);
  });
  it('says which column is missing, and that an empty file is empty', () => {
    assert.match(parseCrosscheckCsv('姓名,来源\n张三,车辆').problems[0]!.message.zh, /缺少“身份证号”列/);
    assert.match(parseCrosscheckCsv('身份证号\n' + ID).problems[0]!.message.zh, /缺少“来源”列/);
    assert.match(parseCrosscheckCsv('').problems[0]!.message.zh, /文件是空的/);
  });
});
