/** Shapes of the household register (建档立卡) API, from their contracts (for pages that import them from here). */
export type { HouseholdDetail, HouseholdRow } from '@shared/contracts/households';
