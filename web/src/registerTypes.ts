/** Shapes of the household register (建档立卡) API: households, statistics, policy parameters. */
import type { Bilingual } from '@shared/codes';

import type { HouseholdEventView as HouseholdEvent } from '@shared/contracts/households';

export type { HouseholdDetail, HouseholdRow } from '@shared/contracts/households';

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
