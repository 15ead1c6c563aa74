import { PHONE_MESSAGE, phoneKind } from '../../../shared/phone.ts';
import type { CodeListName } from '../../../shared/register.ts';
import { msg, type Msg } from '../../i18n.ts';
import { checkIdNumber } from './idcard.ts';
import type { HouseholdInput, YearInput } from './types.ts';

export interface Problem {
  path: string;
  message: Msg;
}

export interface ValidationContext {
  /** Active codes of each code list. */
  codes: Record<CodeListName, Set<string>>;
  maxOtherCauses: number;
  /** Today's date (YYYY-MM-DD), for birth dates and ID numbers. */
  today: string;
  /** Is this a known 6-digit region prefix (for ID numbers)? Omit to skip the check. */
  knownPrefix?: (prefix: string) => boolean;
}

/** Net income and per-capita net income of a yearly record (pure). */
export function incomeOf(y: YearInput, persons: number): { net: number; perCapita: number } {
  const net =
    (y.incomeWage ?? 0) +
    (y.incomeBusiness ?? 0) +
    (y.incomeTransfer ?? 0) +
    (y.incomeProperty ?? 0) -
    (y.productionCost ?? 0);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { net: round(net), perCapita: persons > 0 ? round(net / persons) : 0 };
}

/** A stored phone is a real number: a mask left over (not matched to the stored value) is not one. */
const realPhone = (s: string) => {
  const kind = phoneKind(s);
  return kind === 'mobile' || kind === 'landline';
};

const realDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * Every problem of a household, each with the path of its field (e.g. `members.2.idNumber`) and a
 * bilingual message. Pure: the code lists and parameters come in `ctx`. Empty list = valid.
 */
export function householdProblems(h: HouseholdInput, ctx: ValidationContext): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, zh: string, en: string) => out.push({ path, message: msg(zh, en) });
  const code = (path: string, list: CodeListName, value: string | null | undefined, label: string) => {
    if (value && !ctx.codes[list].has(value))
      add(path, `${label}代码不在代码表中：${value}`, `Unknown ${list} code: ${value}`);
  };

  if (!/^[A-Za-z0-9_-]{1,40}$/.test(h.code ?? ''))
    add('code', '户编号应为 1–40 位字母或数字', 'Household code: 1–40 letters or digits');
  if (!/^\d{12}$/.test(h.villageCode ?? ''))
    add('villageCode', '村代码应为 12 位数字', 'Village code must have 12 digits');
  if (
    h.groupNo !== undefined &&
    h.groupNo !== null &&
    !(Number.isInteger(h.groupNo) && h.groupNo >= 1 && h.groupNo <= 999)
  )
    add('groupNo', '组号应为 1–999 的整数', 'Group number: an integer 1–999');
  code('housingGrade', 'housing_grade', h.housingGrade, '住房等级');
  code('attribute', 'attribute', h.attribute, '贫困户属性');
  code('status', 'household_status', h.status, '户状态');
  code('mainCause', 'cause', h.mainCause, '主要致贫原因');
  const others = h.otherCauses ?? [];
  others.forEach((c, i) => code(`otherCauses.${i}`, 'cause', c, '其他致贫原因'));
  if (others.length > ctx.maxOtherCauses)
    add('otherCauses', `其他致贫原因最多 ${ctx.maxOtherCauses} 项`, `At most ${ctx.maxOtherCauses} other causes`);
  if (h.mainCause && others.includes(h.mainCause))
    add('otherCauses', '其他致贫原因不能与主要原因重复', 'Other causes repeat the main cause');
  const registered = h.status === 'poor' || h.status === 'exited' || h.status === 'returned';
  if (registered && !h.mainCause)
    add('mainCause', '建档立卡户须填写主要致贫原因', 'A registered household needs a main cause');
  if (registered && !h.attribute)
    add('attribute', '建档立卡户须填写贫困户属性', 'A registered household needs an attribute');
  if (h.phone && !realPhone(h.phone)) add('phone', PHONE_MESSAGE.zh, PHONE_MESSAGE.en);

  if (!h.members?.length) add('members', '一户至少有一名成员', 'A household needs at least one member');
  const heads = (h.members ?? []).filter((m) => m.relation === 'head').length;
  if (h.members?.length && heads !== 1)
    add('members', `户主应有且只有一人（现有 ${heads} 人）`, `Exactly one head is required (found ${heads})`);
  const seen = new Map<string, number>();
  (h.members ?? []).forEach((m, i) => {
    const p = `members.${i}`;
    if (!m.name?.trim()) add(`${p}.name`, '姓名不能为空', 'Name is required');
    else if (m.name.length > 50) add(`${p}.name`, '姓名过长', 'Name too long');
    code(`${p}.gender`, 'gender', m.gender, '性别');
    code(`${p}.relation`, 'relation', m.relation, '与户主关系');
    code(`${p}.ethnicity`, 'ethnicity', m.ethnicity, '民族');
    code(`${p}.education`, 'education', m.education, '文化程度');
    code(`${p}.studentStatus`, 'student_status', m.studentStatus, '在校生状况');
    code(`${p}.health`, 'health', m.health, '健康状况');
    code(`${p}.labour`, 'labour', m.labour, '劳动技能');
    code(`${p}.workStatus`, 'work_status', m.workStatus, '务工状况');
    if (m.birthDate && (!realDate(m.birthDate) || m.birthDate > ctx.today || m.birthDate < '1900-01-01'))
      add(`${p}.birthDate`, `出生日期不是有效日期：${m.birthDate}`, `Not a valid birth date: ${m.birthDate}`);
    if (
      m.migrantMonths !== undefined &&
      m.migrantMonths !== null &&
      !(Number.isInteger(m.migrantMonths) && m.migrantMonths >= 0 && m.migrantMonths <= 12)
    )
      add(`${p}.migrantMonths`, '务工时间应为 0–12 个月', 'Migrant months must be 0–12');
    if (m.phone && !realPhone(m.phone)) add(`${p}.phone`, PHONE_MESSAGE.zh, PHONE_MESSAGE.en);
    if (m.idNumber) {
      const check = checkIdNumber(m.idNumber, {
        birthDate: m.birthDate,
        gender: m.gender === 'male' || m.gender === 'female' ? m.gender : null,
        knownPrefix: ctx.knownPrefix,
        today: ctx.today,
      });
      for (const problem of check.problems) out.push({ path: `${p}.idNumber`, message: problem });
      const key = check.normalized ?? m.idNumber;
      const first = seen.get(key);
      if (first !== undefined)
        add(`${p}.idNumber`, `身份证号与第 ${first + 1} 名成员重复`, `ID number repeats member ${first + 1}`);
      else seen.set(key, i);
    }
  });

  const years = new Set<number>();
  (h.years ?? []).forEach((y, i) => {
    const p = `years.${i}`;
    if (!Number.isInteger(y.year) || y.year < 2000 || y.year > Number(ctx.today.slice(0, 4)))
      add(`${p}.year`, `年度不正确：${y.year}`, `Bad year: ${y.year}`);
    if (years.has(y.year)) add(`${p}.year`, `同一年度重复：${y.year}`, `Year repeated: ${y.year}`);
    years.add(y.year);
    code(`${p}.status`, 'household_status', y.status, '当年状态');
    for (const k of ['incomeWage', 'incomeBusiness', 'incomeTransfer', 'incomeProperty', 'productionCost'] as const) {
      const v = y[k];
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e9))
        add(`${p}.${k}`, '金额应为不小于 0 的数字', 'Amounts must be numbers ≥ 0');
    }
  });
  return out;
}
