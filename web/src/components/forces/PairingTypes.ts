/** Shapes of the pairing, measure and household-plan API (notes/forces-api.md). */
import type { CadreRef, UnitRef } from './ForceTypes';

interface RegionRefLite {
  code: string;
  name: string;
}

export interface PairingRow {
  id: number;
  kind: string;
  regionCode: string;
  regionName: string;
  household: { id: number; code: string; headName: string } | null;
  person: CadreRef | null;
  unit: UnitRef | null;
  partner: { id: number; name: string; kind: string } | null;
  helperRegion: RegionRefLite | null;
  helperName: string | null;
  helpedName: string | null;
  startDate: string;
  endDate: string | null;
  note: string | null;
}

export interface PairingSummary {
  byKind: { kind: string; pairs: number }[];
  gaps: number;
  cadres: number;
  households: number;
  householdsPerCadre: { households: number; cadres: number }[];
}

export interface PairingGap {
  id: number;
  code: string;
  headName: string;
  regionCode: string;
  regionName: string;
  status: string;
}

export interface Measure {
  id: number;
  householdId: number;
  householdCode: string;
  headName: string;
  regionCode: string;
  regionName: string;
  type: string;
  title: string;
  amount: number | null;
  plannedDate: string | null;
  doneDate: string | null;
  person: CadreRef | null;
  status: string;
  evidence: string | null;
}

export interface Responsible extends CadreRef {
  phone: string | null;
  unit: UnitRef | null;
  pairingId: number;
}

export interface HouseholdPlan {
  household: { id: number; code: string; headName: string; mainCause: string | null; otherCauses: string[] };
  responsible: Responsible[];
  measures: Measure[];
  suggestedTypes: string[];
}

export interface HelpUnitRow {
  id: number;
  name: string;
  level: string;
  kind: string;
}

export interface PartnerRow {
  id: number;
  name: string;
  kind: string;
  regionName?: string;
}

/** A household chosen in a form (for the label before any search). */
export interface HouseholdRef {
  id: number;
  code: string;
  headName: string;
  regionCode?: string;
}
