import type { CodeListName } from '../../../shared/register.ts';
import { maskIdNumber, maskPhone } from '../../pii/mask.ts';
import { labelOf, type Labels } from './labels.ts';
import { COLUMNS, type Column } from './layout.ts';

/** A household as the export reads it (household columns, plus that year's record prefixed y_). */
export type HouseholdRow = Record<string, unknown> & { id: number; region_code: string; group_code: string | null };
export type MemberRow = Record<string, unknown> & { household_id: number };

/** Database column of each layout field (household / member / year row). */
const DB_FIELD: Record<string, string> = {
  villageCode: 'region_code',
  housingGrade: 'housing_grade',
  mainCause: 'main_cause',
  otherCauses: 'other_causes',
  identifiedYear: 'identified_year',
  exitedYear: 'exited_year',
  idNumber: 'id_number',
  birthDate: 'birth_date',
  studentStatus: 'student_status',
  workStatus: 'work_status',
  migrantMonths: 'migrant_months',
  migrantPlace: 'migrant_place',
  medicalInsurance: 'medical_insurance',
  pensionInsurance: 'pension_insurance',
  partyMember: 'party_member',
  incomeWage: 'income_wage',
  incomeBusiness: 'income_business',
  incomeTransfer: 'income_transfer',
  incomeProperty: 'income_property',
  productionCost: 'production_cost',
  foodClothing: 'food_clothing',
  netIncome: 'net_income',
  perCapitaIncome: 'per_capita_income',
};

export type ExportCell = string | number | null;

function value(col: Column, raw: unknown, labels: Labels, reveal: boolean): ExportCell {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (col.kind) {
    case 'code':
      return labelOf(labels, col.list as CodeListName, String(raw));
    case 'codes':
      return String(raw)
        .split(',')
        .filter(Boolean)
        .map((c) => labelOf(labels, col.list as CodeListName, c))
        .join('、');
    case 'bool':
    case 'tri':
      return Number(raw) ? '是' : '否';
    case 'int':
    case 'money':
      return Number(raw);
    case 'id':
      return reveal ? String(raw) : maskIdNumber(String(raw));
    case 'phone':
      return reveal ? String(raw) : maskPhone(String(raw));
    default:
      return String(raw);
  }
}

/** One row of the export (one person) in layout order; personal data masked unless `reveal`. */
export function exportRow(h: HouseholdRow, m: MemberRow, labels: Labels, reveal: boolean): ExportCell[] {
  return COLUMNS.map((col) => {
    if (col.level === 'household' && col.field === 'groupNo')
      return h.group_code ? Number(h.group_code.slice(12)) : null;
    const field = DB_FIELD[col.field] ?? col.field;
    const raw = col.level === 'household' ? h[field] : col.level === 'member' ? m[field] : h[`y_${field}`];
    if (col.level === 'year' && (h.y_year === null || h.y_year === undefined)) return null;
    return value(col, raw, labels, reveal);
  });
}
