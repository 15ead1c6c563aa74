/** Shapes of the help-force API (README: help-force endpoints): cadres, units, teams, stations, recalls, five ones, statistics. */
export interface CadreRef {
  id: number;
  name: string;
}

export interface UnitRef {
  id: number;
  name: string;
  level: string;
}

export interface Station {
  id: number;
  personId: number;
  personName: string;
  role: string;
  regionCode: string;
  regionName: string;
  teamId: number | null;
  teamName?: string | null;
  unit: UnitRef | null;
  startDate: string;
  endDate: string | null;
  endedOn: string | null;
  endReason: string | null;
  active: boolean;
}

export interface Cadre {
  id: number;
  name: string;
  gender: string | null;
  birthDate: string | null;
  age: number | null;
  education: string | null;
  politicalStatus: string | null;
  phone: string | null;
  post: string | null;
  rank: string | null;
  unit: UnitRef | null;
  regionCode: string;
  regionName: string;
  /** Current stations (list) or all of them (detail). */
  stations: Station[];
}

export interface Recall {
  id: number;
  stationId: number;
  personId: number;
  personName: string;
  role: string;
  regionCode: string;
  regionName: string;
  reason: string;
  note: string | null;
  effectiveDate: string;
  status: string;
  requestedBy: string | null;
  requestedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** The caller may approve or reject it (pending, recall.approve, in scope). */
  canDecide?: boolean;
}

export interface CadreDetail extends Cadre {
  idNumber: string | null;
  recalls: Recall[];
  canEdit?: boolean;
  canReveal?: boolean;
}

export interface HelpUnit {
  id: number;
  name: string;
  level: string;
  kind: string;
  regionCode: string;
  regionName?: string;
  cadres: number;
  villages: number;
}

export interface Partner {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string;
  contact: string | null;
  phone: string | null;
  villages: number;
}

export interface TeamMember {
  stationId: number;
  personId: number;
  name: string;
  role: string;
}

export interface Team {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  unit: UnitRef | null;
  startDate: string;
  endDate: string | null;
  size: number;
  minimum: number;
  belowMinimum: boolean;
  members: TeamMember[];
}

export interface TeamPage {
  items: Team[];
  total: number;
  belowMinimum: number;
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
