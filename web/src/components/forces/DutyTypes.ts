/** Shapes of the help-force API used by the attendance/leave, assessment, pairing and measure pages (README: help-force endpoints). */
import type { CadreRef, UnitRef, Station, WorkLog } from './ForceTypes';
export type { CadreRef, UnitRef, Station, WorkLog };

export interface RegionRefLite {
  code: string;
  name: string;
}

export interface CadreRow {
  id: number;
  name: string;
  gender: string | null;
  phone: string | null;
  post: string | null;
  unit: UnitRef | null;
  regionCode: string;
  regionName: string;
  stations: Station[];
}

export interface Leave {
  id: number;
  personId: number;
  personName: string;
  regionCode: string;
  regionName: string;
  startDate: string;
  endDate: string;
  days: number;
  reason: string;
  approver: string;
  status: string;
  requestedBy: string | null;
  requestedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  canDecide?: boolean;
}

export interface AttendanceDay {
  day: string;
  present: boolean;
  awayReason: string | null;
  note: string | null;
}

export interface CadreDays {
  year?: number;
  checkInDays: number;
  approvedLeaveDays: number;
  awayDays: number;
  unapprovedAwayDays: number;
  days: number;
  expected: number;
  minimum: number;
  behind: boolean;
}

export interface DaysRow extends CadreDays {
  personId: number;
  name: string;
  role: string | null;
  regionCode: string;
  regionName: string;
}

export interface DaysPage {
  items: DaysRow[];
  total: number;
  behind: number;
}

export interface InsuranceRow {
  id: number;
  personId: number;
  personName: string;
  regionCode: string;
  regionName: string;
  insurer: string;
  policyNo: string | null;
  startDate: string;
  endDate: string;
  expired: boolean;
  expiresInDays: number;
}

export interface TeamRow {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  unit: UnitRef | null;
  size: number;
  members: { stationId: number; personId: number; name: string; role: string }[];
}

export interface FundEntry {
  id: number;
  spentOn: string;
  amount: number;
  purpose: string;
}

export interface Funds {
  teamId: number;
  year: number;
  budget: number;
  spent: number;
  balance: number;
  entries: FundEntry[];
}

export interface AssessmentRow {
  id: number;
  personId: number;
  personName: string;
  role: string | null;
  regionCode: string;
  regionName: string;
  kind: string;
  period: string;
  grade: string;
  score: number | null;
  comments: string | null;
  assessedBy: string | null;
}

export interface Evidence {
  period: string;
  from: string;
  to: string;
  checkInDays: number;
  approvedLeaveDays: number;
  unapprovedAwayDays: number;
  logs: number;
  recentLogs: { day: string; content: string }[];
  leaves: number;
  awayDays?: number;
  leaveList?: { startDate: string; endDate: string; days: number }[];
}

export interface HonourRow {
  id: number;
  personId: number;
  personName: string;
  regionCode?: string;
  regionName?: string;
  title: string;
  year: number;
  awardedBy: string | null;
  note: string | null;
}

/** One policy parameter as GET /api/policy/params lists it. */
export interface PolicyParam {
  key: string;
  province: string;
  year: number;
  value: unknown;
}
