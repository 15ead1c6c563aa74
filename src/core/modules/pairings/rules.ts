/**
 * Pairings (结对帮扶), measures and household plans (一户一策), pure: which fields each kind of pairing
 * needs, when a pairing is active, the measure types a household's causes suggest, measure problems.
 * No I/O, no clock: "today" is passed in.
 */
import type { MeasureStatus, MeasureType, PairingKind } from '../../../shared/forces.ts';
import type { CAUSES } from '../../../shared/register.ts';
import { msg, type Msg } from '../../i18n.ts';

export type Problem = [field: string, message: Msg];

/** The fields of a pairing as entered (ids and codes; absent = undefined or null). */
export interface PairingFields {
  kind: PairingKind;
  regionCode?: string | null;
  householdId?: number | null;
  personId?: number | null;
  unitId?: number | null;
  partnerId?: number | null;
  helperRegionCode?: string | null;
  helperName?: string | null;
  helpedName?: string | null;
}

type Field = keyof Omit<PairingFields, 'kind'>;

/** What each kind needs (member_member may name the helping member's cadre record too: personId optional). */
export const PAIRING_REQUIRED: Record<PairingKind, readonly Field[]> = {
  cadre_household: ['householdId', 'personId'],
  village_village: ['regionCode', 'helperRegionCode'],
  unit_village: ['regionCode', 'unitId'],
  enterprise_village: ['regionCode', 'partnerId'],
  member_member: ['regionCode', 'helperName', 'helpedName'],
};

/** The fields a kind stores (anything else sent with it is ignored). */
export const PAIRING_FIELDS: Record<PairingKind, readonly Field[]> = {
  cadre_household: ['householdId', 'personId'],
  village_village: ['regionCode', 'helperRegionCode'],
  unit_village: ['regionCode', 'unitId'],
  enterprise_village: ['regionCode', 'partnerId'],
  member_member: ['regionCode', 'helperName', 'helpedName', 'personId'],
};

const FIELD_LABELS: Record<Field, Msg> = {
  regionCode: msg('受帮扶村', 'the helped village'),
  householdId: msg('帮扶对象（农户）', 'the household'),
  personId: msg('帮扶干部', 'the helping cadre'),
  unitId: msg('结对单位', 'the paired unit'),
  partnerId: msg('结对企业', 'the enterprise'),
  helperRegionCode: msg('结对先进村', 'the advanced village'),
  helperName: msg('帮扶党员姓名', "the better-off member's name"),
  helpedName: msg('受帮扶党员姓名', "the helped member's name"),
};

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The fields a pairing of its kind lacks, each named, in the order of PAIRING_REQUIRED. */
export function pairingFieldProblems(p: PairingFields): Problem[] {
  return PAIRING_REQUIRED[p.kind]
    .filter((f) => blank(p[f]))
    .map((f): Problem => [
      f,
      msg(`此类结对必须填写${FIELD_LABELS[f].zh}`, `This kind of pairing needs ${FIELD_LABELS[f].en}`),
    ]);
}

/** A pairing is active on `today` while it has no end date or ends today or later (ends are inclusive). */
export const isActivePairing = (endDate: string | null, today: string): boolean => endDate === null || endDate >= today;

/** Two region codes (12 digits) in the same county. */
export const sameCounty = (a: string, b: string): boolean => a.slice(0, 6) === b.slice(0, 6);

/**
 * 因户施策 — the measure types each cause of poverty (CAUSES in shared/register.ts) calls for, most
 * important first.
 */
export const CAUSE_MEASURES: Record<(typeof CAUSES)[number]['code'], readonly MeasureType[]> = {
  illness: ['health'],
  disability: ['social_security', 'health'],
  schooling: ['education'],
  disaster: ['housing', 'relocation'],
  lack_land: ['industry', 'relocation'],
  lack_water: ['relocation', 'ecological'],
  lack_skills: ['employment'],
  lack_labour: ['social_security'],
  lack_funds: ['credit', 'industry'],
  poor_transport: ['relocation'],
  lack_motivation: ['employment', 'industry'],
  other: ['other'],
};

/** Suggested measure types of a household: the main cause's first, then the other causes', no duplicates. */
export function suggestMeasureTypes(
  mainCause: string | null | undefined,
  otherCauses: readonly string[] = [],
): MeasureType[] {
  const out: MeasureType[] = [];
  for (const cause of [mainCause, ...otherCauses]) {
    if (!cause) continue;
    for (const t of (CAUSE_MEASURES as Record<string, readonly MeasureType[] | undefined>)[cause] ?? [])
      if (!out.includes(t)) out.push(t);
  }
  return out;
}

/** The suggestions not yet covered by a measure of the plan (a cancelled measure does not cover its type). */
export function unplannedTypes(
  suggested: readonly MeasureType[],
  measures: readonly { type: string; status: string }[],
): MeasureType[] {
  const planned = new Set(measures.filter((m) => m.status !== 'cancelled').map((m) => m.type));
  return suggested.filter((t) => !planned.has(t));
}

export interface MeasureFields {
  status: MeasureStatus;
  amount?: number | null;
  plannedDate?: string | null;
  doneDate?: string | null;
}

/** Problems of a measure: a negative amount, a done measure without a done date, a done date in the future. */
export function measureProblems(m: MeasureFields, today: string): Problem[] {
  const out: Problem[] = [];
  if (m.amount !== undefined && m.amount !== null && !(m.amount >= 0))
    out.push(['amount', msg('金额不能为负数', 'The amount cannot be negative')]);
  if (m.status === 'done' && !m.doneDate)
    out.push(['doneDate', msg('已完成的措施必须填写完成日期', 'A done measure needs its done date')]);
  if (m.doneDate && m.doneDate > today)
    out.push(['doneDate', msg(`完成日期 ${m.doneDate} 晚于今天`, `The done date ${m.doneDate} is in the future`)]);
  return out;
}
