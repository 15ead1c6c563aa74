/**
 * Shapes of the help-force endpoints not yet declared as contracts (the five ones, statistics): their modules replace them with contract types. The cadre core's shapes (cadres,
 * units, partners, teams, stationing, recalls) come from @shared/contracts/cadres, units and teams.
 */
import type { StationView, UnitRef } from '@shared/contracts/cadres';

export type { UnitRef };
export type Station = StationView;

export interface CadreRef {
  id: number;
  name: string;
}

export const FIVE_ONES = ['county_leader', 'township_leader', 'paired_unit', 'first_secretary', 'instructor'] as const;
export type FiveOne = (typeof FIVE_ONES)[number];

export interface FiveOnesRow {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  poor: boolean;
  missing: FiveOne[];
  /** Counts per kind (names come from the village endpoint). */
  present: Partial<Record<FiveOne, number>>;
}

export interface FiveOnesPage {
  items: FiveOnesRow[];
  total: number;
  villages: number;
  complete: number;
  gaps: { kind: FiveOne; villages: number }[];
}

export interface VillageFiveOnes {
  code: string;
  name: string;
  complete: boolean;
  missing: FiveOne[];
  present: Record<FiveOne, (CadreRef | UnitRef)[]>;
  /** Active unit pairings that do not count (units below county level). */
  otherUnits?: UnitRef[];
}

export interface Share {
  count: number;
  share: number;
}

export interface CadreStats {
  region: { code: string; name: string };
  /** Cadres sent to villages since a year (ended stationings too) and their stationings. */
  sent: { since: number; cadres: number; stationings: number };
  higherUnits: number;
  enterprises: { partners: number; villages: number };
  firstSecretaries: number;
  teamCadres: number;
  teams: number;
  villages: number;
  villagesWithTeam: number;
  cadresPerVillage: number;
  teamsPerVillage: number;
  stationed: number;
  youngAgeMax: number;
  aged45OrUnder: Share;
  bachelorOrHigher: Share;
  /** The same shares among first secretaries. */
  firstSecretaryShares?: { total: number; aged45OrUnder: Share; bachelorOrHigher: Share };
  byChild: { code: string; name: string; firstSecretaries: number; teamCadres: number; teams: number }[];
  pairs: { kind: string; pairs: number }[];
  pairingCadres: number;
  pairedHouseholds: number;
  householdsPerPairingCadre: { households: number; cadres: number }[];
  recalls: { total: number; pending?: number; byReason: { reason: string; count: number }[] };
  days: {
    year: number;
    minimum: number;
    behind: number;
    distribution: { lo: number; hi: number | null; cadres: number }[];
  };
  smallTeams: number;
}
