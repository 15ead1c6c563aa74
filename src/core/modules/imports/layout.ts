import type { CodeListName } from '../../../shared/register.ts';
import { sheetLayout, type Kind, type SheetColumn } from './columns.ts';

export type { Kind } from './columns.ts';

/**
 * The column layout of the household workbook (户籍导入模板) — one row per person. Shared by the template,
 * the importer and the export, so an exported file imports back unchanged. Household and yearly columns
 * may be repeated on every row of the household or given once (e.g. on the head's row).
 */
export type Level = 'household' | 'member' | 'year';

export interface Column extends SheetColumn {
  /** Property on HouseholdInput / MemberInput / YearInput (the path segment householdProblems uses). */
  field: string;
  level: Level;
  list?: CodeListName;
}

const c = (
  field: string,
  header: string,
  level: Level,
  kind: Kind,
  note: string,
  more: Partial<Column> = {},
): Column => ({ field, header, level, kind, note, ...more });

export const COLUMNS: readonly Column[] = [
  c(
    'code',
    '户编号',
    'household',
    'text',
    '县内唯一的户编号（字母、数字、- 或 _，最长 40 位）；同一户的各行填写相同户编号且必须连续',
    {
      required: true,
    },
  ),
  c('villageCode', '村代码', 'household', 'text', '12 位统计用区划代码（村级），须在您的管辖范围内', {
    required: true,
  }),
  c('groupNo', '组号', 'household', 'int', '村民小组序号 1–999（可写 3、3组 或 三组）'),
  c('address', '住址', 'household', 'text', '家庭住址'),
  c('phone', '户联系电话', 'household', 'phone', '户的联系电话'),
  c('status', '户状态', 'household', 'code', '户在建档立卡中的状态', { list: 'household_status', required: true }),
  c('attribute', '贫困户属性', 'household', 'code', '建档立卡户（未脱贫、已脱贫、返贫）必填', { list: 'attribute' }),
  c('mainCause', '主要致贫原因', 'household', 'code', '建档立卡户必填', { list: 'cause' }),
  c('otherCauses', '其他致贫原因', 'household', 'codes', '至多两项，用顿号（、）或逗号分隔，不能与主要原因重复', {
    list: 'cause',
  }),
  c('housingGrade', '住房安全等级', 'household', 'code', '房屋安全鉴定等级', { list: 'housing_grade' }),
  c('identifiedYear', '识别年度', 'household', 'int', '纳入建档立卡的年度（4 位数字）'),
  c('exitedYear', '脱贫年度', 'household', 'int', '脱贫退出的年度（4 位数字）'),
  c('name', '姓名', 'member', 'text', '成员姓名', { required: true }),
  c('idNumber', '身份证号', 'member', 'id', '18 位公民身份号码；请把该列设为“文本”格式，否则 Excel 会丢失后几位'),
  c('gender', '性别', 'member', 'code', '', { list: 'gender' }),
  c('birthDate', '出生日期', 'member', 'date', '如 1990-01-01、1990/1/1、1990年1月1日 或 Excel 日期'),
  c('relation', '与户主关系', 'member', 'code', '每户有且只有一名户主', { list: 'relation', required: true }),
  c('ethnicity', '民族', 'member', 'code', '', { list: 'ethnicity' }),
  c('education', '文化程度', 'member', 'code', '', { list: 'education' }),
  c('studentStatus', '在校生状况', 'member', 'code', '', { list: 'student_status' }),
  c('health', '健康状况', 'member', 'code', '', { list: 'health' }),
  c('labour', '劳动技能', 'member', 'code', '', { list: 'labour' }),
  c('workStatus', '务工状况', 'member', 'code', '', { list: 'work_status' }),
  c('migrantMonths', '务工时间（月）', 'member', 'int', '当年外出务工月数 0–12'),
  c('migrantPlace', '务工地点', 'member', 'text', ''),
  c('medicalInsurance', '参加基本医疗保险', 'member', 'bool', '是 / 否（空白视为否）'),
  c('pensionInsurance', '参加基本养老保险', 'member', 'bool', '是 / 否（空白视为否）'),
  c('dibao', '享受低保', 'member', 'bool', '是 / 否（空白视为否）'),
  c('partyMember', '中共党员', 'member', 'bool', '是 / 否（空白视为否）'),
  c('phone', '联系电话', 'member', 'phone', '成员本人的联系电话'),
  c('year', '年度', 'year', 'int', '以下收入和“两不愁三保障”指标所属的年度；不填则不导入年度数据'),
  c('status', '当年状态', 'year', 'code', '该年度末户的状态；不填则取“户状态”', { list: 'household_status' }),
  c('incomeWage', '工资性收入（元）', 'year', 'money', '全户全年，元'),
  c('incomeBusiness', '家庭经营性收入（元）', 'year', 'money', '全户全年，元'),
  c('incomeTransfer', '转移性收入（元）', 'year', 'money', '低保金、养老金、生态补偿等，元'),
  c('incomeProperty', '财产性收入（元）', 'year', 'money', '入股分红、租金等，元'),
  c('productionCost', '生产经营性支出（元）', 'year', 'money', '全户全年，元'),
  c('foodClothing', '不愁吃不愁穿', 'year', 'tri', '是 / 否 / 空白（未核查）'),
  c('education', '义务教育有保障', 'year', 'tri', '是 / 否 / 空白（未核查）'),
  c('medical', '基本医疗有保障', 'year', 'tri', '是 / 否 / 空白（未核查）'),
  c('housing', '住房安全有保障', 'year', 'tri', '是 / 否 / 空白（未核查）'),
  c('water', '饮水安全有保障', 'year', 'tri', '是 / 否 / 空白（未核查）'),
  c('netIncome', '家庭纯收入（元）', 'year', 'money', '导出时计算；导入时忽略', { readonly: true }),
  c('perCapitaIncome', '人均纯收入（元）', 'year', 'money', '导出时计算；导入时忽略', { readonly: true }),
];

/** Index of a column by level and field. */
export function columnIndex(level: Level, field: string): number {
  const i = COLUMNS.findIndex((col) => col.level === level && col.field === field);
  if (i < 0) throw new Error(`no column ${level}.${field}`);
  return i;
}

export const CODE_COLUMN = columnIndex('household', 'code');

/** The household workbook as the file reader sees it: the header names 户编号; a household's rows stay together. */
export const HOUSEHOLD_LAYOUT = sheetLayout(COLUMNS, { anchor: CODE_COLUMN, groupBy: CODE_COLUMN });

/** The layout column a header names, or undefined. */
export const columnOfHeader = HOUSEHOLD_LAYOUT.columnOfHeader;
