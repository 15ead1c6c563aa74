/**
 * Code lists of the household register (建档立卡). These are the shipped defaults: the server seeds
 * them into the `code_list` table, where an administrator may relabel, reorder, add or retire codes.
 * The web app imports them for labels until the table's values are fetched.
 */
import type { Bilingual } from './codes.ts';

export type CodeListDef = readonly { code: string; zh: string; en: string }[];

const list = <T extends readonly (readonly [string, string, string])[]>(rows: T) =>
  rows.map(([code, zh, en]) => ({ code, zh, en })) as { code: T[number][0]; zh: string; en: string }[];

/** 贫困户属性 — household attribute. */
export const ATTRIBUTES = list([
  ['general', '一般贫困户', 'General poor household'],
  ['dibao', '低保贫困户', 'Minimum-living-allowance household'],
  ['tekun', '特困供养贫困户', 'Extreme-hardship support household (五保)'],
] as const);

/** 致贫原因 — causes of poverty: one main cause and at most two others. */
export const CAUSES = list([
  ['illness', '因病', 'Illness'],
  ['disability', '因残', 'Disability'],
  ['schooling', '因学', 'Schooling costs'],
  ['disaster', '因灾', 'Disaster'],
  ['lack_land', '缺土地', 'Lack of land'],
  ['lack_water', '缺水', 'Lack of water'],
  ['lack_skills', '缺技术', 'Lack of skills'],
  ['lack_labour', '缺劳力', 'Lack of labour'],
  ['lack_funds', '缺资金', 'Lack of funds'],
  ['poor_transport', '交通条件落后', 'Poor transport'],
  ['lack_motivation', '自身发展动力不足', 'Lack of motivation'],
  ['other', '其他', 'Other'],
] as const);

/** 户状态 — household status in the register. */
export const HOUSEHOLD_STATUSES = list([
  ['non_poor', '一般农户', 'Not poor'],
  ['applicant', '申请中', 'Applying'],
  ['poor', '未脱贫', 'Registered poor'],
  ['exited', '已脱贫', 'Exited'],
  ['returned', '返贫', 'Returned to poverty'],
  ['removed', '已清退', 'Removed (wrongly identified)'],
] as const);
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number]['code'];
/** Statuses that count as registered poor in the poverty incidence. */
export const POOR_STATUSES: readonly HouseholdStatus[] = ['poor', 'returned'];
/** Statuses of households that are or were on the poor list (建档立卡户). */
export const REGISTERED_STATUSES: readonly HouseholdStatus[] = ['poor', 'exited', 'returned'];

export const HOUSING_GRADES = list([
  ['A', 'A级（安全）', 'A (safe)'],
  ['B', 'B级（安全）', 'B (safe)'],
  ['C', 'C级（局部危险）', 'C (partly unsafe)'],
  ['D', 'D级（整体危险）', 'D (unsafe)'],
] as const);

export const RELATIONS = list([
  ['head', '户主', 'Head'],
  ['spouse', '配偶', 'Spouse'],
  ['son', '之子', 'Son'],
  ['daughter', '之女', 'Daughter'],
  ['daughter_in_law', '之儿媳', 'Daughter-in-law'],
  ['son_in_law', '之女婿', 'Son-in-law'],
  ['grandson', '之孙子', 'Grandson'],
  ['granddaughter', '之孙女', 'Granddaughter'],
  ['father', '之父', 'Father'],
  ['mother', '之母', 'Mother'],
  ['sibling', '兄弟姐妹', 'Sibling'],
  ['other', '其他', 'Other'],
] as const);

export const GENDER_CODES = list([
  ['male', '男', 'Male'],
  ['female', '女', 'Female'],
] as const);

export const ETHNICITIES = list([
  ['han', '汉族', 'Han'],
  ['tujia', '土家族', 'Tujia'],
  ['miao', '苗族', 'Miao'],
  ['hui', '回族', 'Hui'],
  ['yi', '彝族', 'Yi'],
  ['zhuang', '壮族', 'Zhuang'],
  ['buyi', '布依族', 'Buyei'],
  ['dong', '侗族', 'Dong'],
  ['tibetan', '藏族', 'Tibetan'],
  ['she', '畲族', 'She'],
  ['other', '其他民族', 'Other'],
] as const);

export const EDUCATION_LEVELS = list([
  ['illiterate', '文盲或半文盲', 'Illiterate'],
  ['primary', '小学', 'Primary'],
  ['junior', '初中', 'Junior secondary'],
  ['senior', '高中', 'Senior secondary'],
  ['vocational', '中专', 'Vocational secondary'],
  ['college', '大专及以上', 'College or higher'],
  ['preschool', '学龄前儿童', 'Pre-school child'],
] as const);

export const STUDENT_STATUSES = list([
  ['none', '非在校生', 'Not a student'],
  ['preschool', '学前教育', 'Pre-school'],
  ['primary', '小学', 'Primary school'],
  ['junior', '初中', 'Junior secondary'],
  ['senior', '高中', 'Senior secondary'],
  ['vocational', '中职', 'Vocational secondary'],
  ['higher_vocational', '高职高专', 'Higher vocational'],
  ['undergraduate', '本科及以上', 'University'],
  ['dropout', '辍学', 'Dropped out'],
] as const);

export const HEALTH_STATUSES = list([
  ['healthy', '健康', 'Healthy'],
  ['chronic', '长期慢性病', 'Chronic illness'],
  ['serious', '患有大病', 'Serious illness'],
  ['disabled', '残疾', 'Disabled'],
] as const);

export const LABOUR_CAPACITIES = list([
  ['normal', '普通劳动力', 'Ordinary labour'],
  ['skilled', '技能劳动力', 'Skilled labour'],
  ['lost', '丧失劳动力', 'Lost labour capacity'],
  ['none', '无劳动力', 'No labour capacity'],
] as const);

export const WORK_STATUSES = list([
  ['farming', '务农', 'Farming'],
  ['local', '乡内务工', 'Working locally'],
  ['county', '县内务工', 'Working in the county'],
  ['migrant', '外出务工', 'Migrant work'],
  ['business', '自主经营', 'Own business'],
  ['none', '无业', 'Not working'],
] as const);

/** All code lists by name (the keys of the `code_list` table). */
export const CODE_LISTS = {
  attribute: ATTRIBUTES,
  cause: CAUSES,
  household_status: HOUSEHOLD_STATUSES,
  housing_grade: HOUSING_GRADES,
  relation: RELATIONS,
  gender: GENDER_CODES,
  ethnicity: ETHNICITIES,
  education: EDUCATION_LEVELS,
  student_status: STUDENT_STATUSES,
  health: HEALTH_STATUSES,
  labour: LABOUR_CAPACITIES,
  work_status: WORK_STATUSES,
} as const;
export type CodeListName = keyof typeof CODE_LISTS;

export function labelOf(listName: CodeListName, code: string | null | undefined): Bilingual | null {
  if (!code) return null;
  const item = (CODE_LISTS[listName] as CodeListDef).find((c) => c.code === code);
  return item ? { zh: item.zh, en: item.en } : null;
}

/** The 两不愁三保障 + safe water indicators of a yearly record. */
export const INDICATORS = list([
  ['food_clothing', '不愁吃不愁穿', 'Food and clothing secure'],
  ['education', '义务教育有保障', 'Compulsory education secured'],
  ['medical', '基本医疗有保障', 'Basic medical care secured'],
  ['housing', '住房安全有保障', 'Safe housing secured'],
  ['water', '饮水安全有保障', 'Safe drinking water'],
] as const);
export type Indicator = (typeof INDICATORS)[number]['code'];
