import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excelSerialToIso, FileProblem, normalizeDate, parseCell, type Cell } from './cells.ts';
import { DEFAULT_LABELS } from './labels.ts';
import { COLUMNS, columnIndex } from './layout.ts';
import { readCsv, sniffEncoding } from './parse-csv.ts';
import { decodeXml, sheetRows } from './sheet-xml.ts';

async function csv(chunks: (string | Buffer)[]) {
  const bufs = chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c));
  const rows = [];
  for await (const r of readCsv(
    (async function* () {
      yield* bufs;
    })(),
  ))
    rows.push(r);
  return rows;
}

describe('CSV reader', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, CRLF and a BOM', async () => {
    const rows = await csv(['\uFEFFa,"b ""x""",c\r\n1,"two\nlines",3\n', '4,5,']);
    assert.deepEqual(rows, [
      { row: 1, cells: ['a', 'b "x"', 'c'] },
      { row: 2, cells: ['1', 'two\nlines', '3'] },
      { row: 3, cells: ['4', '5', ''] },
    ]);
  });
  it('keeps rows and characters whole across chunk boundaries (including a CR LF split)', async () => {
    const bytes = Buffer.from('户编号,姓名\r\nH1,"张""三"\r\n');
    const parts = [bytes.subarray(0, 4), bytes.subarray(4, 18), bytes.subarray(18, 27), bytes.subarray(27)];
    const rows = await csv(parts);
    assert.deepEqual(
      rows.map((r) => r.cells),
      [
        ['户编号', '姓名'],
        ['H1', '张"三'],
      ],
    );
  });
  it('detects the encoding: UTF-8, GBK, UTF-16, binary', () => {
    assert.equal(sniffEncoding(Buffer.from('户编号,姓名'), true), 'utf-8');
    assert.equal(sniffEncoding(Buffer.from([0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5]), true), 'gb18030'); // 户编号 in GBK
    assert.throws(() => sniffEncoding(Buffer.from([0xff, 0xfe, 0x37, 0x62]), true), FileProblem);
    assert.throws(() => sniffEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), true), FileProblem);
  });
  it('refuses an unclosed quote and a runaway field as file problems', async () => {
    await assert.rejects(csv(['a,"b\n']), FileProblem);
    await assert.rejects(csv(['x'.repeat(40_000)]), FileProblem);
  });
});

describe('cells', () => {
  const col = (field: string, level: 'household' | 'member' | 'year' = 'member') => COLUMNS[columnIndex(level, field)]!;
  const parse = (field: string, c: Cell, level?: 'household' | 'member' | 'year') =>
    parseCell(col(field, level), c, DEFAULT_LABELS);

  it('normalises dates in the spellings people use', () => {
    const cases: [Cell, string][] = [
      ['1990-01-01', '1990-01-01'],
      ['1990/1/1', '1990-01-01'],
      ['1990年1月1日', '1990-01-01'],
      ['1990.01.01', '1990-01-01'],
      ['19900101', '1990-01-01'],
      ['1990-01-01 00:00:00', '1990-01-01'],
      [32874, '1990-01-01'], // an Excel serial day (a date cell)
      ['32874', '1990-01-01'],
      [{ date: '1990-01-01' }, '1990-01-01'],
      ['1990-02-30', '1990-02-30'], // kept for the validator to refuse
      ['明年', '明年'],
    ];
    for (const [input, expected] of cases) assert.equal(normalizeDate(input), expected, JSON.stringify(input));
    assert.equal(excelSerialToIso(1), '1900-01-01');
    assert.equal(excelSerialToIso(61), '1900-03-01');
  });
  it('reads codes by code, Chinese label or English label; refuses others listing the allowed values', () => {
    assert.deepEqual(parse('relation', '户主'), { value: 'head' });
    assert.deepEqual(parse('relation', 'head'), { value: 'head' });
    assert.deepEqual(parse('gender', ' Male '), { value: 'male' });
    assert.deepEqual(parse('housingGrade', 'B级', 'household'), { value: 'B' });
    const bad = parse('gender', '男性');
    assert.ok('problem' in bad && bad.problem.zh.includes('可填：男、女'));
    assert.deepEqual(parse('otherCauses', '因病、缺技术', 'household'), { value: ['illness', 'lack_skills'] });
  });
  it('reads numbers, booleans and group numbers', () => {
    assert.deepEqual(parse('incomeWage', '12,000.50', 'year'), { value: 12000.5 });
    assert.deepEqual(parse('incomeWage', '¥300元', 'year'), { value: 300 });
    assert.ok('problem' in parse('incomeWage', 'abc', 'year'));
    assert.deepEqual(parse('groupNo', '三组', 'household'), { value: 3 });
    assert.deepEqual(parse('groupNo', '第12组', 'household'), { value: 12 });
    assert.ok('problem' in parse('migrantMonths', '2.5'));
    assert.deepEqual(parse('dibao', '是'), { value: true });
    assert.deepEqual(parse('dibao', false), { value: false });
    assert.ok('problem' in parse('dibao', '也许'));
    assert.deepEqual(parse('dibao', '  '), { value: undefined });
  });
  it('explains Excel damage: ID numbers stored as numbers, masked values, formulas without a result', () => {
    const lost = parse('idNumber', 420323199001011200);
    assert.ok('problem' in lost && lost.problem.zh.includes('精度已丢失'));
    assert.ok('problem' in parse('idNumber', '420323********1234'));
    assert.deepEqual(parse('idNumber', '="42032319900101123X"'), { value: '42032319900101123X' });
    assert.deepEqual(parse('idNumber', "'42032319900101123X"), { value: '42032319900101123X' });
    const formula = parse('name', { error: '#FORMULA' });
    assert.ok('problem' in formula && formula.problem.zh.includes('公式'));
    assert.ok('problem' in parse('name', { error: '#N/A' }));
  });
});

describe('worksheet XML', () => {
  it('reads shared, inline, formula, boolean, error, date and numeric cells with gaps', async () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>张</t></r><r><t xml:space="preserve">三 </t></r></is></c></row>' +
      '<row r="3" spans="1:5"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>A1</f><v>a&amp;b</v></c><c r="C3" t="b"><v>1</v></c>' +
      '<c r="D3" t="e"><v>#N/A</v></c><c r="E3" t="d"><v>1990-01-01T00:00:00</v></c><c r="F3"><f>X</f></c><c r="G3" s="2"/></row><row r="4"/></sheetData></worksheet>';
    const chunks = [xml.slice(0, 50), xml.slice(50, 190), xml.slice(190)];
    const rows = [];
    for await (const r of sheetRows(
      (async function* () {
        yield* chunks;
      })(),
      (i) => ['户编号'][i] ?? null,
    ))
      rows.push(r);
    assert.deepEqual(rows, [
      { row: 1, cells: ['户编号', null, '张三 '] },
      { row: 3, cells: [2, 'a&b', true, { error: '#N/A' }, { date: '1990-01-01' }, { error: '#FORMULA' }, null] },
      { row: 4, cells: [] },
    ]);
    assert.equal(decodeXml('&lt;&#26446;&#x56DB;&gt;'), '<李四>');
  });
});
