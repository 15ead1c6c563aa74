/**
 * Help forces (帮扶力量): the code lists of cadres, sending units, stationing, recalls, leave,
 * assessments, pairings and measures, with bilingual labels. Imported by the server and the web app.
 */
import type { Bilingual, CodeOf } from './codes.ts';

const list = <T extends readonly (readonly [string, string, string])[]>(rows: T) =>
  rows.map(([code, zh, en]) => ({ code, zh, en })) as { code: T[number][0]; zh: string; en: string }[];

/** 派出单位级别 — level of a sending/helping unit. */
export const UNIT_LEVELS = list([
  ['central', '中央单位', 'Central'],
  ['provincial', '省级单位', 'Provincial'],
  ['city', '市级单位', 'City'],
  ['county', '县级单位', 'County'],
  ['township', '乡镇', 'Township'],
] as const);
export type UnitLevel = CodeOf<typeof UNIT_LEVELS>;
/** 国家、省、市单位 — the units above the county that are paired with villages (对口帮扶). */
export const HIGHER_UNIT_LEVELS: readonly UnitLevel[] = ['central', 'provincial', 'city'];

/** 单位性质 — kind of unit. */
export const UNIT_KINDS = list([
  ['party_gov', '党政机关', 'Party / government organ'],
  ['institution', '事业单位', 'Public institution'],
  ['state_enterprise', '国有企业', 'State enterprise'],
  ['university', '高等院校', 'University'],
  ['people_org', '人民团体', "People's organisation"],
  ['other', '其他', 'Other'],
] as const);
export type UnitKind = CodeOf<typeof UNIT_KINDS>;

/** 合作主体 — enterprises and cooperatives that partner with villages. */
export const PARTNER_KINDS = list([
  ['enterprise', '企业', 'Enterprise'],
  ['cooperative', '专业合作社', 'Cooperative'],
] as const);
export type PartnerKind = CodeOf<typeof PARTNER_KINDS>;

/** 政治面貌 — political status of a cadre. */
export const POLITICAL_STATUSES = list([
  ['cpc', '中共党员', 'CPC member'],
  ['cpc_probationary', '中共预备党员', 'CPC probationary member'],
  ['league', '共青团员', 'CYL member'],
  ['democratic', '民主党派', 'Democratic party member'],
  ['masses', '群众', 'Non-affiliated'],
] as const);
export type PoliticalStatus = CodeOf<typeof POLITICAL_STATUSES>;

/** 干部学历 — education of a cadre (the statistics count bachelor and above). */
export const CADRE_EDUCATION = list([
  ['senior', '高中及以下', 'Senior secondary or below'],
  ['college', '大专', 'College'],
  ['bachelor', '大学本科', 'Bachelor'],
  ['master', '硕士研究生', 'Master'],
  ['doctor', '博士研究生', 'Doctorate'],
] as const);
export type CadreEducation = CodeOf<typeof CADRE_EDUCATION>;
export const BACHELOR_OR_HIGHER: readonly CadreEducation[] = ['bachelor', 'master', 'doctor'];

/**
 * 驻村/包联角色 — a cadre's role for a village. The first three are stationed in the village (one
 * village at a time, term ≥ the policy minimum); the others are links that may cover several villages.
 */
export const STATION_ROLES = list([
  ['first_secretary', '第一书记', 'First secretary'],
  ['team_leader', '驻村工作队长', 'Work-team leader'],
  ['team_member', '驻村工作队员', 'Work-team member'],
  ['instructor', '党建指导员', 'Party-building instructor'],
  ['county_leader', '县级包联领导', 'County leader (linked)'],
  ['township_leader', '乡镇包联领导', 'Township leader (linked)'],
] as const);
export type StationRole = CodeOf<typeof STATION_ROLES>;
export const STATIONED_ROLES: readonly StationRole[] = ['first_secretary', 'team_leader', 'team_member'];
export const TEAM_ROLES: readonly StationRole[] = ['first_secretary', 'team_leader', 'team_member'];
/** 工作队队员 (leaders included): the stationed roles other than the first secretary, as the statistics count them. */
export const TEAM_CADRE_ROLES: readonly StationRole[] = STATIONED_ROLES.filter((r) => r !== 'first_secretary');

/** 精准扶贫 began in 2014 (建档立卡): the default start of the cumulative "cadres sent since" figure. */
export const TARGETED_START_YEAR = 2014;

/** 离任原因 — how a stationing ended. */
export const STATION_END_REASONS = list([
  ['completed', '任期届满', 'Term completed'],
  ['rotation', '轮换', 'Rotation'],
  ['recall', '召回', 'Recalled'],
  ['other', '其他', 'Other'],
] as const);
export type StationEndReason = CodeOf<typeof STATION_END_REASONS>;

/** 召回原因 — reason for recalling a stationed cadre. */
export const RECALL_REASONS = list([
  ['ineffective', '工作不力', 'Ineffective work'],
  ['health', '身体原因', 'Health'],
  ['discipline', '违反纪律', 'Discipline'],
  ['other', '其他', 'Other'],
] as const);
export type RecallReason = CodeOf<typeof RECALL_REASONS>;

/** Status of a request that needs approval (recall, leave). */
export const APPROVAL_STATUSES = list([
  ['pending', '待审批', 'Pending'],
  ['approved', '已批准', 'Approved'],
  ['rejected', '已驳回', 'Rejected'],
  ['cancelled', '已撤销', 'Cancelled'],
] as const);
export type ApprovalStatus = CodeOf<typeof APPROVAL_STATUSES>;

/** 不在村原因 — reason given when a cadre is away on a day. */
export const AWAY_REASONS = list([
  ['leave', '请假', 'On leave'],
  ['meeting', '外出开会', 'Meeting'],
  ['training', '参加培训', 'Training'],
  ['business', '因公外出', 'Official business'],
  ['other', '其他', 'Other'],
] as const);
export type AwayReason = CodeOf<typeof AWAY_REASONS>;

/** Who approves a leave: the township (short) or the county organisation department (longer). */
export const LEAVE_APPROVERS = list([
  ['township', '乡镇审批', 'Township'],
  ['county', '县委组织部审批', 'County organisation department'],
] as const);
export type LeaveApprover = CodeOf<typeof LEAVE_APPROVERS>;

/** 考核 — assessment periods and grades. */
export const ASSESSMENT_KINDS = list([
  ['half_year', '半年考核', 'Half-year'],
  ['annual', '年度考核', 'Annual'],
] as const);
export type AssessmentKind = CodeOf<typeof ASSESSMENT_KINDS>;

export const ASSESSMENT_GRADES = list([
  ['excellent', '优秀', 'Excellent'],
  ['competent', '称职', 'Competent'],
  ['basic', '基本称职', 'Basically competent'],
  ['incompetent', '不称职', 'Incompetent'],
] as const);
export type AssessmentGrade = CodeOf<typeof ASSESSMENT_GRADES>;

/** 表彰 — honours. */
export const HONOURS = list([
  ['civil_servant', '优秀公务员', 'Outstanding civil servant'],
  ['advanced_worker', '先进工作者', 'Advanced worker'],
  ['pioneer', '扶贫先锋', 'Poverty-alleviation pioneer'],
  ['first_secretary', '优秀第一书记', 'Outstanding first secretary'],
  ['other', '其他表彰', 'Other honour'],
] as const);
export type Honour = CodeOf<typeof HONOURS>;

/** 结对帮扶 — kinds of pairing. */
export const PAIRING_KINDS = list([
  ['cadre_household', '干部结对帮扶户', 'Cadre ↔ household'],
  ['village_village', '先进村结对贫困村', 'Advanced village ↔ poor village'],
  ['unit_village', '单位结对共建', 'Unit ↔ village Party organisation'],
  ['enterprise_village', '万企帮万村', 'Enterprise ↔ village'],
  ['member_member', '党员结对帮扶', 'Better-off ↔ poor Party member'],
] as const);
export type PairingKind = CodeOf<typeof PAIRING_KINDS>;

/** 帮扶措施类型 — the five batches (五个一批) and the other measures. */
export const MEASURE_TYPES = list([
  ['industry', '发展生产（产业）脱贫', 'Industry / production'],
  ['relocation', '易地扶贫搬迁', 'Relocation'],
  ['ecological', '生态补偿脱贫', 'Ecological compensation'],
  ['education', '发展教育脱贫', 'Education'],
  ['social_security', '社会保障兜底', 'Social-security floor'],
  ['health', '健康扶贫', 'Health'],
  ['employment', '就业扶贫', 'Employment'],
  ['credit', '小额信贷', 'Micro-credit'],
  ['housing', '危房改造', 'Housing repair'],
  ['other', '其他', 'Other'],
] as const);
export type MeasureType = CodeOf<typeof MEASURE_TYPES>;
export const FIVE_BATCHES: readonly MeasureType[] = [
  'industry',
  'relocation',
  'ecological',
  'education',
  'social_security',
];

export const MEASURE_STATUSES = list([
  ['planned', '计划', 'Planned'],
  ['in_progress', '实施中', 'In progress'],
  ['done', '已完成', 'Done'],
  ['cancelled', '已取消', 'Cancelled'],
] as const);
export type MeasureStatus = CodeOf<typeof MEASURE_STATUSES>;

/** The code lists of this module by name (for labels in the web app). */
export const FORCE_CODE_LISTS = {
  unit_level: UNIT_LEVELS,
  unit_kind: UNIT_KINDS,
  partner_kind: PARTNER_KINDS,
  political_status: POLITICAL_STATUSES,
  cadre_education: CADRE_EDUCATION,
  station_role: STATION_ROLES,
  station_end_reason: STATION_END_REASONS,
  recall_reason: RECALL_REASONS,
  approval_status: APPROVAL_STATUSES,
  away_reason: AWAY_REASONS,
  leave_approver: LEAVE_APPROVERS,
  assessment_kind: ASSESSMENT_KINDS,
  assessment_grade: ASSESSMENT_GRADES,
  honour: HONOURS,
  pairing_kind: PAIRING_KINDS,
  measure_type: MEASURE_TYPES,
  measure_status: MEASURE_STATUSES,
} as const;
export type ForceCodeListName = keyof typeof FORCE_CODE_LISTS;

export function forceLabel(listName: ForceCodeListName, code: string | null | undefined): Bilingual | null {
  if (!code) return null;
  const item = (FORCE_CODE_LISTS[listName] as readonly { code: string; zh: string; en: string }[]).find(
    (c) => c.code === code,
  );
  return item ? { zh: item.zh, en: item.en } : null;
}
