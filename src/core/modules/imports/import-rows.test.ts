import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell } from './cells.ts';
import { sheetLayout } from './columns.ts';
import { CADRES } from './forces/cadres.ts';
import { PAIRINGS } from './forces/pairings.ts';
import { STATIONS } from './forces/stations.ts';
import { readRow, rowsSummary } from './import-rows.ts';
import { DEFAULT_LABELS, listLabels } from './labels.ts';
import { mapHeader } from './source.ts';

const labels = {
  gender: DEFAULT_LABELS.gender,
  station_role: listLabels([
    { code: 'first_secretary', zh: '第一书记', en: 'First secretary', active: true },
    { code: 'team_leader', zh: '驻村工作队长', en: 'Work-team leader', active: true },
  ]),
};

describe('workbook layouts of the force imports', () => {
  it('finds columns by header, alias and field name, ignoring spaces, brackets and 必填 marks', () => {
    const cases: [string, string | undefined][] = [
      ['身份证号', 'idNumber'],
      [' 村代码（必填） ', 'regionCode'],
      ['*角色', 'role'],
      ['驻村角色', 'role'],
      ['startDate', 'startDate'],
      ['STARTDATE', 'startDate'],
      ['干部姓名', 'name'],
      ['备注', undefined],
    ];
    for (const [header, field] of cases) {
      const i = STATIONS.layout.columnOfHeader(header);
      assert.equal(i === undefined ? undefined : STATIONS.columns[i]!.field, field, header);
    }
  });

  it('recognises a header row by its anchor column and names the required columns missing', () => {
    assert.equal(mapHeader({ row: 1, cells: ['姓名', '村代码'] }, STATIONS.layout), null, 'no 角色: not the header');
    assert.throws(
      () => mapHeader({ row: 3, cells: ['姓名', '角色'] }, STATIONS.layout),
      /Required columns are missing: 村代码, 开始日期/,
    );
    const h = mapHeader({ row: 2, cells: ['类型', '开始日期', '其他'] }, PAIRINGS.layout)!;
    assert.deepEqual(h.columns, [0, 10, -1]);
    assert.equal(h.warnings.length, 1, 'the unknown column is ignored with a warning');
    for (const kind of [CADRES, STATIONS, PAIRINGS])
      assert.equal(kind.layout.columns.filter((c) => c.required).length >= 1, true, kind.name);
  });

  it('a layout built from columns maps each header once, the first column winning a shared alias', () => {
    const l = sheetLayout(
      [
        { field: 'a', header: '甲', kind: 'text', aliases: ['共用'], note: '' },
        { field: 'b', header: '乙', kind: 'text', aliases: ['共用'], note: '' },
      ],
      { anchor: 0 },
    );
    assert.deepEqual(['甲', '乙', '共用', 'A', 'b', '丙'].map(l.columnOfHeader), [0, 1, 0, 0, 1, undefined]);
  });
});

describe('reading a row of a force import', () => {
  const header = mapHeader(
    { row: 1, cells: ['身份证号', '姓名', '村代码', '角色', '开始日期', '结束日期'] },
    STATIONS.layout,
  )!;
  const read = (cells: Cell[]) => readRow(STATIONS, header, { row: 5, cells }, labels);

  it('parses codes by label or code, dates in any spelling; blank cells stay absent', () => {
    const { values, errors } = read([' 420323198001020130 ', '', '420323104211', '第一书记', '2025/3/1', 46000]);
    assert.deepEqual(errors, []);
    assert.deepEqual(values, {
      idNumber: '420323198001020130',
      regionCode: '420323104211',
      role: 'first_secretary',
      startDate: '2025-03-01',
      endDate: '2025-12-09',
    });
    assert.equal(read([null, '张三', '420323104211', 'team_leader', '2025-03-01', null]).values.role, 'team_leader');
  });

  it('reports each bad cell on its row and column: unknown codes, impossible dates, missing required values', () => {
    const cases: [Cell[], [number, string][]][] = [
      [[null, '张三', '420323104211', '队长', '2025-03-01', null], [[5, '角色']]],
      [[null, '张三', '420323104211', '第一书记', '2025-02-29', null], [[5, '开始日期']]],
      [[null, '张三', '420323104211', '第一书记', '2024-02-29', '2026-13-01'], [[5, '结束日期']]],
      [
        [null, '张三', '', '第一书记', '', null],
        [
          [5, '村代码'],
          [5, '开始日期'],
        ],
      ],
      [[null, '张三', '420323104211', '第一书记', { error: '#REF!' }, null], [[5, '开始日期']]],
      [[null, 'x'.repeat(201), '420323104211', '第一书记', '2025-03-01', null], [[5, '姓名']]],
    ];
    for (const [cells, expected] of cases) {
      const { errors } = read(cells);
      assert.deepEqual(
        errors.map((e) => [e.row, e.column]),
        expected,
        JSON.stringify(cells).slice(0, 80),
      );
    }
    assert.match(
      read([null, '张三', '420323104211', '第一书记', '2025-02-29', null]).errors[0]!.message.zh,
      /2025-02-29/,
    );
  });
});

describe('the result in one sentence', () => {
  it('says what was imported and what was not, in both languages', () => {
    const cases: [Parameters<typeof rowsSummary>[0], string, string][] = [
      [
        { mode: 'commit', imported: 5, rejected: 2, unchanged: 0 },
        '已导入 5 行，2 行有误未导入',
        'Imported 5 rows; 2 rows with problems were not imported',
      ],
      [
        { mode: 'commit', imported: 3, rejected: 0, unchanged: 3 },
        '已导入 3 行（其中 3 行已存在，未重复导入），0 行有误未导入',
        'Imported 3 rows (3 already there); 0 rows with problems were not imported',
      ],
      [
        { mode: 'dry-run', imported: 0, rejected: 4, unchanged: 0 },
        '试运行：可导入 0 行，4 行有误不能导入；未写入任何数据',
        'Dry run: 0 rows can be imported, 4 rows have problems; nothing was written',
      ],
    ];
    for (const [r, zh, en] of cases) assert.deepEqual(rowsSummary(r), { zh, en });
  });
});
