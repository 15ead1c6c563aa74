import ExcelJS from 'exceljs';
import type { Permission } from '../../../shared/codes.ts';
import { canAny, type Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { checkDigit } from '../households/idcard.ts';
import type { SheetColumn } from './columns.ts';
import { loadLabels, labelOf, type Labels } from './labels.ts';
import { COLUMNS, type Column } from './layout.ts';

const RULES = [
  '1. 每行填写一名家庭成员；同一户的各行填写相同的“户编号”，并且必须连续排列（中间不能夹着别的户）。',
  '2. 户信息列（户编号至脱贫年度）和年度列（年度至饮水安全有保障）可以每行重复填写，也可以只在户主行填写一次；同一户各行填写的值必须一致。',
  '3. 代码列可以填中文名称（如“因病”“户主”），也可以填代码（如 illness、head）；可填的值见下表。',
  '4. 身份证号、户编号、村代码、电话请保持“文本”格式，否则 Excel 会把长数字改成科学计数法并丢失后几位。',
  '5. 日期可写 1990-01-01、1990/1/1、1990年1月1日，也可以是 Excel 日期。公式单元格取其计算结果。',
  '6. 每一行都会校验；一户的所有行都通过才导入该户，有问题的户整户不导入，错误报告列出行号、列和问题。',
  '7. 再次导入同一文件会按户编号更新已有的户，不会重复：成员按文件整体替换，年度数据按年度更新，其他年度保留。',
  '8. 建议先选“试运行”检查，全部通过后再“正式导入”。支持 .xlsx 和 CSV（UTF-8）；数据只读第一个工作表。',
];

const LEVEL = { household: '户', member: '成员', year: '年度' } as const;

/** What a template workbook holds: the data sheet's columns and example rows, the notes, the code lists. */
export interface TemplateSpec<C extends SheetColumn> {
  /** Name of the data sheet (the first sheet, the one the import reads). */
  sheet: string;
  /** The columns of the layout (read-only ones appear in the notes only). */
  columns: readonly C[];
  /** The values a code column accepts (its active Chinese labels). */
  allowed(col: C): readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  rules: readonly string[];
  /** A 层级 column in the notes (households: 户 / 成员 / 年度). */
  level?: (col: C) => string;
}

const choices = <C extends SheetColumn>(spec: TemplateSpec<C>, col: C): readonly string[] =>
  col.kind === 'bool' || col.kind === 'tri' ? ['是', '否'] : col.list ? spec.allowed(col) : [];

/**
 * A template workbook: the data sheet (text-formatted columns, required headers in red, example rows,
 * a drop-down of the accepted labels on code columns), 填写说明 (rules and one line per column) and the
 * hidden 代码表 the drop-downs read.
 */
export async function templateWorkbook<C extends SheetColumn>(spec: TemplateSpec<C>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绣花';
  const data = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const importable = spec.columns.filter((c) => !c.readonly);
  data.columns = importable.map((c) => ({
    header: c.header,
    width: Math.max(10, c.header.length * 2 + 2, c.kind === 'id' ? 22 : 0),
    style: c.kind === 'money' || c.kind === 'int' ? {} : { numFmt: '@' },
  }));
  data.getRow(1).font = { bold: true };
  importable.forEach((c, i) => {
    if (c.required) data.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  data.addRows(spec.rows.map((r) => [...r]));

  const notes = wb.addWorksheet('填写说明');
  const level = spec.level;
  notes.columns = [{ width: 22 }, ...(level ? [{ width: 8 }] : []), { width: 8 }, { width: 60 }, { width: 80 }];
  for (const line of spec.rules) notes.addRow([line]);
  notes.addRow([]);
  notes.addRow(['列名', ...(level ? ['层级'] : []), '必填', '说明', '可填的值']).font = { bold: true };
  for (const c of spec.columns)
    notes.addRow([
      c.header,
      ...(level ? [level(c)] : []),
      c.required ? '是' : '',
      c.note,
      c.kind === 'tri' ? '是、否、空白' : choices(spec, c).join('、'),
    ]);

  const codes = wb.addWorksheet('代码表', { state: 'hidden' });
  const listed = importable.filter((c) => c.kind === 'code' || c.kind === 'bool' || c.kind === 'tri');
  const validations = (data as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  listed.forEach((c, j) => {
    const values = choices(spec, c);
    const letter = codes.getColumn(j + 1).letter;
    codes.getCell(`${letter}1`).value = c.header;
    values.forEach((v, k) => (codes.getCell(`${letter}${k + 2}`).value = v));
    const target = data.getColumn(importable.indexOf(c) + 1).letter;
    validations.add(`${target}2:${target}5000`, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false, // codes are accepted too
      formulae: [`代码表!$${letter}$2:$${letter}$${values.length + 1}`],
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An ID number with a correct check digit (odd sequence = male). */
export function exampleId(county: string, birth: string, seq: number): string {
  const first17 = `${county}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

/** The example household: household and yearly columns on the head's row only (allowed, see rule 2). */
function exampleRows(village: string, labels: Labels, year: number): (string | number | null)[][] {
  const county = village.slice(0, 6);
  const L = (list: Parameters<typeof labelOf>[1], code: string) => labelOf(labels, list, code);
  const people = [
    [
      '张大山',
      exampleId(county, '1968-05-12', 31),
      'male',
      '1968-05-12',
      'head',
      'junior',
      'none',
      'chronic',
      'normal',
      'migrant',
      6,
      '浙江省宁波市',
      '是',
      '是',
      '否',
      '是',
      '13800000001',
    ],
    [
      '李秀英',
      exampleId(county, '1970-08-20', 42),
      'female',
      '1970-08-20',
      'spouse',
      'primary',
      'none',
      'healthy',
      'normal',
      'farming',
      0,
      null,
      '是',
      '是',
      '否',
      '否',
      null,
    ],
    [
      '张小明',
      exampleId(county, '2010-09-01', 53),
      'male',
      '2010-09-01',
      'son',
      'junior',
      'junior',
      'healthy',
      'none',
      'none',
      null,
      null,
      '是',
      '否',
      '否',
      '否',
      null,
    ],
  ] as const;
  const household = [
    `${village}0001`,
    village,
    3,
    '三组 12 号',
    '13800000001',
    L('household_status', 'poor'),
    L('attribute', 'general'),
    L('cause', 'illness'),
    `${L('cause', 'lack_skills')}、${L('cause', 'lack_funds')}`,
    L('housing_grade', 'B'),
    2014,
    null,
  ];
  const yearly = [year, L('household_status', 'poor'), 18000, 6000, 2400, 300, 3000, '是', '是', '是', '是', '是'];
  return people.map((p, i) => {
    const member = [
      p[0],
      p[1],
      L('gender', p[2]),
      p[3],
      L('relation', p[4]),
      L('ethnicity', 'han'),
      L('education', p[5]),
      L('student_status', p[6]),
      L('health', p[7]),
      L('labour', p[8]),
      L('work_status', p[9]),
      p[10],
      p[11],
      p[12],
      p[13],
      p[14],
      p[15],
      p[16],
    ];
    const h = i === 0 ? household : household.map((v, j) => (j === 0 ? v : null));
    return [...h, ...member, ...(i === 0 ? yearly : yearly.map(() => null))];
  });
}

/**
 * A village for an example row: the first where the caller may import (`permission`) — else, for a caller who only
 * reads, the first in `scope` — else 擂鼓镇董家沟村 of 竹山县.
 */
export async function exampleVillage(
  db: Db,
  scope: Scope,
  permission: Permission = 'household.write',
): Promise<string> {
  const where = canAny(scope.actor, permission) ? scope.withPermission(permission) : scope;
  const r = await db
    .selectFrom('region')
    .select('code')
    .where('level', '=', 'village')
    .$call(where.where('code'))
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  return r?.code ?? '420323104211';
}

/** The import template (户籍导入模板): data sheet with one example household, notes, code lists. */
export async function buildTemplate(db: Db, scope: Scope, today = new Date()): Promise<Buffer> {
  const labels = await loadLabels(db);
  return templateWorkbook<Column>({
    sheet: '户籍信息',
    columns: COLUMNS,
    allowed: (c) => labels[c.list!].allowed,
    rows: exampleRows(await exampleVillage(db, scope), labels, today.getFullYear() - 1),
    rules: RULES,
    level: (c) => LEVEL[c.level],
  });
}
