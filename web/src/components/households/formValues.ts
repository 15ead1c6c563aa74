/** The household form's values ⇄ the API (GET detail → form, form → POST/PUT body), and its field validators. */
import type { RuleObject } from 'antd/es/form';
import type { HouseholdDetail } from '@shared/contracts/households';
import type { IncomeField, IndicatorField } from '@shared/household';
import { INCOME_FIELDS, INDICATOR_FIELDS } from '@shared/household';
import type { HouseholdInput, MemberInput, YearInput } from '@shared/household';
import { phoneKind } from '@shared/phone';

/** A member row of the form: the API's member shape with every field optional while editing. */
export type MemberValues = Partial<MemberInput>;

export type YearValues = { year?: number; status?: string; productionCost?: number | null } & Partial<
  Record<IncomeField, number | null>
> &
  Partial<Record<IndicatorField, boolean | null>>;

export interface HouseholdValues {
  code?: string;
  villageCode?: string;
  groupNo?: number | null;
  address?: string | null;
  phone?: string | null;
  housingGrade?: string | null;
  attribute?: string | null;
  mainCause?: string | null;
  otherCauses?: string[];
  status?: string;
  identifiedYear?: number | null;
  exitedYear?: number | null;
  members?: MemberValues[];
  years?: YearValues[];
}

/** Top-level field names (server error paths are mapped onto these). */
export const HOUSEHOLD_FIELDS = [
  'code',
  'villageCode',
  'groupNo',
  'address',
  'phone',
  'housingGrade',
  'attribute',
  'mainCause',
  'otherCauses',
  'status',
  'identifiedYear',
  'exitedYear',
  'members',
  'years',
] as const;

export function detailToValues(h: HouseholdDetail): HouseholdValues {
  return {
    code: h.code,
    villageCode: h.regionCode,
    groupNo: h.groupCode ? Number(h.groupCode.slice(12)) : null,
    address: h.address,
    phone: h.phone,
    housingGrade: h.housingGrade,
    attribute: h.attribute,
    mainCause: h.mainCause,
    otherCauses: h.otherCauses,
    status: h.status,
    identifiedYear: h.identifiedYear,
    exitedYear: h.exitedYear,
    members: h.members.map(({ id: _id, duplicateId: _dup, ...m }) => m),
    years: h.years.map(({ persons: _p, netIncome: _n, perCapitaIncome: _pc, ...y }) => y),
  };
}

const text = (v: string | null | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const int = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The form's values as the API's household (the form's own rules have checked the required fields). */
export function valuesToBody(v: HouseholdValues): HouseholdInput {
  return {
    code: (v.code ?? '').trim(),
    villageCode: v.villageCode ?? '',
    groupNo: int(v.groupNo),
    address: text(v.address),
    phone: text(v.phone),
    housingGrade: v.housingGrade || null,
    attribute: v.attribute || null,
    mainCause: v.mainCause || null,
    otherCauses: v.otherCauses ?? [],
    status: v.status as HouseholdInput['status'],
    identifiedYear: int(v.identifiedYear),
    exitedYear: int(v.exitedYear),
    members: (v.members ?? []).map((m) => ({
      ...m,
      name: (m.name ?? '').trim(),
      idNumber: text(m.idNumber)?.toUpperCase() ?? null,
      migrantMonths: int(m.migrantMonths),
      migrantPlace: text(m.migrantPlace),
      phone: text(m.phone),
      medicalInsurance: !!m.medicalInsurance,
      pensionInsurance: !!m.pensionInsurance,
      dibao: !!m.dibao,
      partyMember: !!m.partyMember,
    })),
    years: (v.years ?? []).map((y) => {
      const out: Record<string, unknown> = { year: y.year, status: y.status };
      // Amounts are optional but never null on the wire; indicators are true, false or null (not recorded).
      for (const f of [...INCOME_FIELDS, 'productionCost'] as const) if (int(y[f]) !== null) out[f] = y[f];
      for (const f of INDICATOR_FIELDS) out[f] = y[f] ?? null;
      return out as YearInput;
    }),
  };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643 check digit of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11]!;
}

/** Validator of a member's ID number; a masked value (with *) passes only when it is one loaded from the server. */
export function idNumberRule(masked: ReadonlySet<string>, msgs: { format: string; checksum: string; masked: string }) {
  return {
    validator: async (_: RuleObject, value: string | null | undefined) => {
      const v = (value ?? '').trim().toUpperCase();
      if (!v) return;
      if (v.includes('*')) {
        if (masked.has(v)) return;
        throw new Error(msgs.masked);
      }
      if (!/^\d{17}[\dX]$/.test(v)) throw new Error(msgs.format);
      if (idCheckDigit(v) !== v[17]) throw new Error(msgs.checksum);
    },
  };
}

/** Validator of a phone number; a masked value passes only when it is one loaded from the server. */
export function phoneRule(masked: ReadonlySet<string>, message: string) {
  return {
    validator: async (_: RuleObject, value: string | null | undefined) => {
      const v = (value ?? '').trim();
      if (!v || (v.includes('*') && masked.has(v))) return;
      const kind = phoneKind(v);
      if (kind !== 'mobile' && kind !== 'landline') throw new Error(message);
    },
  };
}

/** Birth date and gender read from a full 18-digit ID number (to prefill empty cells); null when not derivable. */
export function fromIdNumber(id: string | null | undefined): { birthDate: string; gender: 'male' | 'female' } | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dXx]$/.exec((id ?? '').trim());
  if (!m) return null;
  const birthDate = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birthDate) return null;
  return { birthDate, gender: Number(m[4]) % 2 === 1 ? 'male' : 'female' };
}
