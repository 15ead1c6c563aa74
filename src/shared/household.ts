/**
 * The canonical shape of a household (建档立卡户) with its members and yearly records, as written by the API, the
 * importer and the demo loader alike, and edited by the web form. One zod schema; the types are inferred from it.
 */
import { z } from 'zod';
import { codesOf } from './codes.ts';
import { HOUSEHOLD_STATUSES } from './register.ts';

export const HouseholdStatusSchema = z.enum(codesOf(HOUSEHOLD_STATUSES));

const code = z.string().trim().max(30);
const opt = (max: number) => z.string().trim().max(max).nullable().optional();
const flag = z.boolean().optional();
const money = z.number().min(0).max(1e9).optional();
/** true met, false not met, null not recorded. */
const indicator = z.boolean().nullable().optional();
const year = z.number().int().min(2000).max(2100);

/** A member. Codes and ID numbers are checked by the domain rules (householdProblems), which know the code lists. */
export const MemberInputSchema = z.object({
  name: z.string().trim().max(50), // emptiness is reported by the domain rules with the other problems
  idNumber: opt(30),
  gender: opt(10),
  birthDate: opt(10),
  relation: opt(20),
  ethnicity: opt(20),
  education: opt(20),
  studentStatus: opt(20),
  health: opt(20),
  labour: opt(20),
  workStatus: opt(20),
  migrantMonths: z.number().int().min(0).max(12).nullable().optional(),
  migrantPlace: opt(100),
  medicalInsurance: flag,
  pensionInsurance: flag,
  dibao: flag,
  partyMember: flag,
  phone: opt(20),
});

/** A yearly record: income by source (yuan), production costs, the 两不愁三保障 + water indicators. */
export const YearInputSchema = z.object({
  year,
  status: HouseholdStatusSchema,
  incomeWage: money,
  incomeBusiness: money,
  incomeTransfer: money,
  incomeProperty: money,
  productionCost: money,
  foodClothing: indicator,
  education: indicator,
  medical: indicator,
  housing: indicator,
  water: indicator,
});

export const HouseholdInputSchema = z.object({
  /** 户编号 — unique within the county. */
  code: z.string().trim().min(1).max(40),
  villageCode: z.string().max(20),
  groupNo: z.number().int().min(1).max(999).nullable().optional(),
  address: opt(200),
  phone: opt(20),
  housingGrade: opt(1),
  attribute: opt(20),
  mainCause: opt(30),
  otherCauses: z.array(code).max(5).optional(),
  status: HouseholdStatusSchema,
  identifiedYear: year.nullable().optional(),
  exitedYear: year.nullable().optional(),
  members: z.array(MemberInputSchema).min(1).max(30),
  years: z.array(YearInputSchema).max(50).optional(),
});

export type HouseholdInput = z.output<typeof HouseholdInputSchema>;
export type MemberInput = z.output<typeof MemberInputSchema>;
export type YearInput = z.output<typeof YearInputSchema>;

/** The 两不愁三保障 + water indicators of a yearly record: true met, false not met, null not recorded. */
export const INDICATOR_FIELDS = ['foodClothing', 'education', 'medical', 'housing', 'water'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** The income sources of a yearly record (yuan). */
export const INCOME_FIELDS = ['incomeWage', 'incomeBusiness', 'incomeTransfer', 'incomeProperty'] as const;
export type IncomeField = (typeof INCOME_FIELDS)[number];
