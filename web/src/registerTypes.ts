/**
 * Shapes of the household register (建档立卡) API: households (from their contracts), policy parameters. The
 * workflow's and the statistics' shapes come from @shared/contracts/workflow and @shared/contracts/stats.
 */
export type { HouseholdDetail, HouseholdRow } from '@shared/contracts/households';

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
