import type { HouseholdStatus } from './register.ts';

/** The canonical shape of a household as written by the API, the importer and the demo loader alike. */
export interface HouseholdInput {
  /** 户编号 — unique within the county. */
  code: string;
  villageCode: string;
  groupNo?: number | null;
  address?: string | null;
  phone?: string | null;
  housingGrade?: string | null;
  attribute?: string | null;
  mainCause?: string | null;
  otherCauses?: string[];
  status: HouseholdStatus;
  identifiedYear?: number | null;
  exitedYear?: number | null;
  members: MemberInput[];
  years?: YearInput[];
}

export interface MemberInput {
  name: string;
  idNumber?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  relation?: string | null;
  ethnicity?: string | null;
  education?: string | null;
  studentStatus?: string | null;
  health?: string | null;
  labour?: string | null;
  workStatus?: string | null;
  migrantMonths?: number | null;
  migrantPlace?: string | null;
  medicalInsurance?: boolean;
  pensionInsurance?: boolean;
  dibao?: boolean;
  partyMember?: boolean;
  phone?: string | null;
}

/** A yearly record: income by source (yuan), production costs, the 两不愁三保障 + water indicators. */
export interface YearInput {
  year: number;
  status: HouseholdStatus;
  incomeWage?: number;
  incomeBusiness?: number;
  incomeTransfer?: number;
  incomeProperty?: number;
  productionCost?: number;
  foodClothing?: boolean | null;
  education?: boolean | null;
  medical?: boolean | null;
  housing?: boolean | null;
  water?: boolean | null;
}
