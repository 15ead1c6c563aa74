/** The canonical household shape lives in src/shared (the web form uses it too). */
export type { HouseholdInput, MemberInput, YearInput } from '../../../shared/household.ts';
