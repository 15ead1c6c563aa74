/** Shapes of the household register (建档立卡) API: households, statistics, policy parameters. */
import type { Bilingual } from '@shared/codes';
import type { HouseholdStatus } from '@shared/register';

export interface HouseholdRow {
  id: number;
  code: string;
  regionCode: string;
  villageName: string;
  groupName: string | null;
  headName: string;
  persons: number;
  status: HouseholdStatus;
  attribute: string | null;
  mainCause: string | null;
  otherCauses: string[];
  housingGrade: string | null;
  identifiedYear: number | null;
  exitedYear: number | null;
  perCapitaIncome: number | null;
}

export interface HouseholdPage {
  items: HouseholdRow[];
  total: number;
  year: number;
}

export interface Member {
  id: number;
  name: string;
  idNumber: string | null;
  duplicateId: boolean;
  gender: string | null;
  birthDate: string | null;
  relation: string | null;
  ethnicity: string | null;
  education: string | null;
  studentStatus: string | null;
  health: string | null;
  labour: string | null;
  workStatus: string | null;
  migrantMonths: number | null;
  migrantPlace: string | null;
  medicalInsurance: boolean;
  pensionInsurance: boolean;
  dibao: boolean;
  partyMember: boolean;
  phone: string | null;
}

/** The 两不愁三保障 + water indicators: true met, false not met, null not recorded. */
export const INDICATOR_FIELDS = ['foodClothing', 'education', 'medical', 'housing', 'water'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export const INCOME_FIELDS = ['incomeWage', 'incomeBusiness', 'incomeTransfer', 'incomeProperty'] as const;
export type IncomeField = (typeof INCOME_FIELDS)[number];

export type YearRecord = {
  year: number;
  status: HouseholdStatus;
  persons: number;
  productionCost: number;
  netIncome: number;
  perCapitaIncome: number;
} & Record<IncomeField, number> &
  Record<IndicatorField, boolean | null>;

export interface HouseholdEvent {
  id: number;
  workflow: string;
  step: string;
  /** Localised step name (the workflow endpoint sends it). */
  label?: string;
  date: string;
  actorName: string | null;
  note: string | null;
  attachments: unknown[];
}

export interface HouseholdDetail {
  id: number;
  code: string;
  countyCode: string;
  regionCode: string;
  villageName: string;
  groupCode: string | null;
  groupName: string | null;
  headName: string;
  address: string | null;
  phone: string | null;
  housingGrade: string | null;
  attribute: string | null;
  mainCause: string | null;
  otherCauses: string[];
  status: HouseholdStatus;
  identifiedYear: number | null;
  exitedYear: number | null;
  persons: number;
  canReveal: boolean;
  canEdit: boolean;
  members: Member[];
  years: YearRecord[];
  events: HouseholdEvent[];
}

/** A step the workflow allows next; the server may send a bare step name or an object. */
export type AllowedStep = string | { workflow?: string; step: string; label?: string | Bilingual };

export interface WorkflowState {
  state?: unknown;
  events?: HouseholdEvent[];
  allowed: AllowedStep[];
}

/** A server message: already localised text, or both languages. */
export type ServerText = string | Bilingual;

export interface ExitCheck {
  eligible: boolean;
  reasons: ServerText[];
  year?: number;
  povertyLine?: number | null;
}

export interface PovertyRow {
  households: number;
  persons: number;
  poorHouseholds: number;
  poorPersons: number;
  incidence: number;
}

export interface PovertyStats {
  region: { code: string; name: string };
  year: number | null;
  total?: PovertyRow;
  items: (PovertyRow & { code: string; name: string; level: string })[];
}

export interface CodeCount {
  code: string;
  households: number;
  persons: number;
}

export interface RegisterStats {
  region: { code: string; name: string };
  year: number;
  povertyLine: number | null;
  byCause: CodeCount[];
  byAttribute: CodeCount[];
  byStatus: CodeCount[];
  byHousingGrade: CodeCount[];
  incomeDistribution: { lo: number; hi: number | null; households: number }[];
}

export interface PolicyParam {
  key: string;
  province: string;
  year: number;
  value: unknown;
}

export interface CodeEntry {
  code: string;
  zh: string;
  en: string;
  sortOrder: number;
  active: boolean;
}
