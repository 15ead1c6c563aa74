/** Policy parameter names and kinds (shared with the server), province names, code-list names. */
import type { Bilingual } from '@shared/codes';
import { PARAM_DEFS, type ParamKind } from '@shared/policy';
import type { CodeListName } from '@shared/register';

export { PARAM_DEFS, type ParamKind };

/**
 * The bounds a form offers for a key's number, percentage or each end of its range: the same as the server's
 * (src/shared/policy.ts); a ratio is shown in per cent.
 */
export function boundsOf(key: string | undefined): { min?: number; max?: number; precision?: number } {
  const def = key ? PARAM_DEFS[key] : undefined;
  if (!def) return {};
  if (def.kind === 'ratio') return { min: (def.min ?? 0) * 100, max: (def.max ?? 1) * 100 };
  return { min: def.min ?? 0, max: def.max, precision: def.integer ? 0 : undefined };
}

/** The kind of an unknown key, guessed from its value. */
export function kindOf(key: string, value: unknown): ParamKind {
  const def = PARAM_DEFS[key];
  if (def) return def.kind;
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? 'codes' : 'range';
  return 'number';
}

export const PROVINCES: Record<string, string> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
};

export const provinceOptions = Object.entries(PROVINCES).map(([code, name]) => ({
  value: code,
  label: `${code} ${name}`,
}));

export const CODE_LIST_NAMES: Record<CodeListName, Bilingual> = {
  attribute: { zh: '贫困户属性', en: 'Household attribute' },
  cause: { zh: '致贫原因', en: 'Causes of poverty' },
  household_status: { zh: '户状态', en: 'Household status' },
  housing_grade: { zh: '住房等级', en: 'Housing grade' },
  relation: { zh: '与户主关系', en: 'Relation to head' },
  gender: { zh: '性别', en: 'Gender' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  education: { zh: '文化程度', en: 'Education' },
  student_status: { zh: '在校生状况', en: 'Student status' },
  health: { zh: '健康状况', en: 'Health' },
  labour: { zh: '劳动技能', en: 'Labour capacity' },
  work_status: { zh: '务工状况', en: 'Work status' },
};
