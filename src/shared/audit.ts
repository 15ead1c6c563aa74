/**
 * The audit log's code lists (审计日志): the actions and entity types the server writes, and the labels of the
 * fields its before/after carry, in zh and en — what the audit page shows instead of the raw codes. A code not
 * listed here is shown as it is (a module that adds an action or an entity adds it here too).
 */
import type { Bilingual } from './codes.ts';
import { ROLE_LABELS } from './codes.ts';
import { CODE_LISTS, type CodeListName } from './register.ts';

type Entry = readonly [code: string, zh: string, en: string];
const list = <const L extends readonly Entry[]>(l: L) => l.map(([code, zh, en]) => ({ code, zh, en }) as const);

/** 操作 — what an audit row records. */
export const AUDIT_ACTIONS = list([
  ['create', '新建', 'Create'],
  ['update', '修改', 'Update'],
  ['delete', '删除', 'Delete'],
  ['end', '结束', 'End'],
  ['approve', '批准', 'Approve'],
  ['reject', '驳回', 'Reject'],
  ['cancel', '撤销', 'Cancel'],
  ['update_flags', '修改区域标记', 'Set region flags'],
  ['import', '导入', 'Import'],
  ['export', '导出', 'Export'],
  ['reveal', '查看完整个人信息', 'Reveal personal data'],
  ['login', '登录', 'Log in'],
  ['login_failed', '登录失败', 'Failed login'],
  ['lock', '账号锁定', 'Account locked'],
  ['unlock', '解锁', 'Unlock'],
  ['change_password', '修改密码', 'Change password'],
  ['reset_password', '重置密码', 'Reset password'],
  ['update+reset_password', '修改并重置密码', 'Update and reset password'],
  ['deactivate', '停用账号', 'Deactivate'],
  ['activate', '启用账号', 'Activate'],
  ['load_demo', '加载演示数据', 'Load demo data'],
  ['load_demo_forces', '加载演示帮扶力量', 'Load demo help forces'],
] as const);
export type AuditAction = (typeof AUDIT_ACTIONS)[number]['code'];

/** 对象类型 — what an audit row is about. */
export const AUDIT_ENTITIES = list([
  ['household', '农户', 'Household'],
  ['household_member', '家庭成员', 'Household member'],
  ['household_event', '识别退出流程', 'Workflow step'],
  ['crosscheck_hit', '比对疑点', 'Cross-check hit'],
  ['user', '用户', 'User'],
  ['region', '区域', 'Region'],
  ['command_unit', '指挥单元', 'Command unit'],
  ['command_member', '指挥单元成员', 'Command unit member'],
  ['person', '人员（干部）', 'Person (cadre)'],
  ['policy_param', '政策参数', 'Policy parameter'],
  ['code_list', '代码表', 'Code list'],
  ['help_unit', '帮扶单位', 'Help unit'],
  ['partner', '企业和合作社', 'Enterprise or cooperative'],
  ['work_team', '驻村工作队', 'Work team'],
  ['stationing', '驻村任职', 'Stationing'],
  ['recall', '召回', 'Recall'],
  ['attendance', '考勤', 'Attendance'],
  ['leave_request', '请销假', 'Leave'],
  ['work_log', '驻村日志', 'Work log'],
  ['insurance', '意外保险', 'Accident insurance'],
  ['fund_spending', '工作经费支出', 'Work fund spending'],
  ['assessment', '考核', 'Assessment'],
  ['honour', '表彰', 'Honour'],
  ['pairing', '结对帮扶', 'Pairing'],
  ['measure', '帮扶措施', 'Measure'],
] as const);
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]['code'];

const byCode = (l: readonly { code: string; zh: string; en: string }[]) =>
  new Map(l.map((e) => [e.code, { zh: e.zh, en: e.en }]));
const ACTION_LABELS = byCode(AUDIT_ACTIONS);
const ENTITY_LABELS = byCode(AUDIT_ENTITIES);

/** The label of an action; an unlisted code labels itself. */
export const auditActionLabel = (code: string): Bilingual => ACTION_LABELS.get(code) ?? { zh: code, en: code };
/** The label of an entity type; an unlisted code labels itself. */
export const auditEntityLabel = (code: string): Bilingual => ENTITY_LABELS.get(code) ?? { zh: code, en: code };

const f = (zh: string, en: string): Bilingual => ({ zh, en });

/**
 * Field labels of before/after, by key — or by `container.key` where a key means something else inside a list
 * (a member's `education` is its schooling, a year's the guarantee of compulsory education).
 */
export const AUDIT_FIELD_LABELS: Record<string, Bilingual> = {
  // users
  username: f('用户名', 'Username'),
  displayName: f('姓名', 'Name'),
  active: f('启用', 'Active'),
  mustChangePassword: f('须修改密码', 'Must change password'),
  roles: f('角色', 'Roles'),
  role: f('角色', 'Role'),
  scopeCode: f('管辖区域', 'Scope'),
  attempts: f('登录失败记录', 'Failed logins'),
  'attempts.address': f('IP 地址', 'IP address'),
  failures: f('失败次数', 'Failures'),
  lockedUntil: f('锁定至', 'Locked until'),
  // households
  code: f('编号', 'Code'),
  regionCode: f('区域', 'Region'),
  groupCode: f('村民小组', 'Group'),
  headName: f('户主', 'Head'),
  address: f('住址', 'Address'),
  phone: f('联系电话', 'Phone'),
  housingGrade: f('住房等级', 'Housing grade'),
  attribute: f('贫困户属性', 'Attribute'),
  mainCause: f('主要致贫原因', 'Main cause'),
  otherCauses: f('其他致贫原因', 'Other causes'),
  status: f('状态', 'Status'),
  identifiedYear: f('识别年度', 'Identified'),
  exitedYear: f('脱贫年度', 'Exited'),
  members: f('家庭成员', 'Member'),
  name: f('姓名', 'Name'),
  idNumber: f('身份证号', 'ID number'),
  gender: f('性别', 'Gender'),
  birthDate: f('出生日期', 'Birth date'),
  relation: f('与户主关系', 'Relation'),
  ethnicity: f('民族', 'Ethnicity'),
  education: f('文化程度', 'Education'),
  studentStatus: f('在校生状况', 'Student status'),
  health: f('健康状况', 'Health'),
  labour: f('劳动技能', 'Labour capacity'),
  workStatus: f('务工状况', 'Work'),
  migrantMonths: f('务工月数', 'Months away'),
  migrantPlace: f('务工地点', 'Work place'),
  medicalInsurance: f('医保', 'Medical insurance'),
  pensionInsurance: f('养老保险', 'Pension insurance'),
  dibao: f('低保', 'Dibao'),
  partyMember: f('党员', 'Party member'),
  years: f('年度记录', 'Year'),
  year: f('年度', 'Year'),
  'years.status': f('当年状态', 'Status that year'),
  incomeWage: f('工资性收入', 'Wages'),
  incomeBusiness: f('家庭经营性收入', 'Business income'),
  incomeTransfer: f('转移性收入', 'Transfers'),
  incomeProperty: f('财产性收入', 'Property income'),
  productionCost: f('生产经营支出', 'Production costs'),
  netIncome: f('纯收入', 'Net income'),
  perCapitaIncome: f('人均纯收入', 'Per-capita income'),
  foodClothing: f('不愁吃不愁穿', 'Food and clothing'),
  'years.education': f('义务教育有保障', 'Compulsory education'),
  medical: f('基本医疗有保障', 'Basic medical care'),
  housing: f('住房安全有保障', 'Safe housing'),
  water: f('饮水安全有保障', 'Safe water'),
  // common to other records
  note: f('备注', 'Note'),
  date: f('日期', 'Date'),
  startDate: f('开始日期', 'Start date'),
  endDate: f('结束日期', 'End date'),
  reason: f('原因', 'Reason'),
  value: f('值', 'Value'),
  workflow: f('流程', 'Workflow'),
  step: f('步骤', 'Step'),
  post: f('职务', 'Post'),
  rank: f('职级', 'Rank'),
  grade: f('等次', 'Grade'),
  days: f('天数', 'Days'),
  amount: f('金额', 'Amount'),
  kind: f('类别', 'Kind'),
  decisionNote: f('审批意见', 'Decision note'),
  decidedBy: f('审批人', 'Decided by'),
  endedOn: f('结束日期', 'Ended on'),
  endReason: f('结束原因', 'End reason'),
};

/** The label of a field at `path` (e.g. ['members', 1, 'idNumber']), or the key itself when none is known. */
export function auditFieldLabel(path: readonly (string | number)[]): Bilingual {
  const key = String(path.at(-1));
  const container = [...path.slice(0, -1)].reverse().find((p) => typeof p === 'string' && !/^\d+$/.test(p));
  return (container && AUDIT_FIELD_LABELS[`${container}.${key}`]) || AUDIT_FIELD_LABELS[key] || { zh: key, en: key };
}

/** The code lists whose labels a household's values show in (by key, or `container.key`). */
const HOUSEHOLD_VALUE_LISTS: Record<string, CodeListName> = {
  status: 'household_status',
  'years.status': 'household_status',
  housingGrade: 'housing_grade',
  attribute: 'attribute',
  mainCause: 'cause',
  otherCauses: 'cause',
  relation: 'relation',
  gender: 'gender',
  ethnicity: 'ethnicity',
  'members.education': 'education',
  studentStatus: 'student_status',
  health: 'health',
  labour: 'labour',
  workStatus: 'work_status',
};

/**
 * The label of a code value of a field, when the entity's field holds codes of a known list (a household's status
 * 已脱贫 for `exited`, a user's role); null otherwise (the value shows as it is).
 */
export function auditValueLabel(entity: string, path: readonly (string | number)[], value: unknown): Bilingual | null {
  if (typeof value !== 'string') return null;
  const key = String(path.at(-1));
  if (entity === 'user' && key === 'role') return ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? null;
  if (entity !== 'household') return null;
  const container = path.find((p) => p === 'members' || p === 'years');
  const name = (container && HOUSEHOLD_VALUE_LISTS[`${container}.${key}`]) || HOUSEHOLD_VALUE_LISTS[key];
  if (!name) return null;
  const item = (CODE_LISTS[name] as readonly { code: string; zh: string; en: string }[]).find((c) => c.code === value);
  return item ? { zh: item.zh, en: item.en } : null;
}
