import type { Generated } from 'kysely';

/** Timestamps are ISO-8601 UTC strings in both dialects (sortable, identical JSON). Booleans are 0/1. */
type Iso = string;
type Flag = Generated<number>;

/** 行政区划 — administrative region (plus 全国 and 村民小组 groups). */
export interface RegionTable {
  code: string;
  name: string;
  official_name: string;
  level: string;
  parent_code: string | null;
  group_no: number | null;
  poor_county: Flag;
  deep_poverty_county: Flag;
  extremely_poor_township: Flag;
  poor_village: Flag;
  deep_poverty_village: Flag;
  western: Flag;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/**
 * 干部 — a cadre: the command hierarchy's person record, extended by the help-force module. `region_code`
 * is the region that manages the record (the village for stationed cadres, the county for leaders…).
 */
export interface PersonTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  gender: string | null;
  phone: string | null;
  /** 职务 — post. */
  post: string | null;
  id_number: Generated<string | null>;
  birth_date: Generated<string | null>;
  education: Generated<string | null>;
  political_status: Generated<string | null>;
  /** 职级 — rank. */
  rank: Generated<string | null>;
  /** 派出单位 — the cadre's own unit. */
  unit_id: Generated<number | null>;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 指挥单元 — a command unit bound to a region. */
export interface CommandUnitTable {
  id: Generated<number>;
  region_code: string;
  kind: string;
  name: string;
  parent_id: number | null;
  commander_id: number | null;
  leader_id: number | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

export interface CommandMemberTable {
  id: Generated<number>;
  unit_id: number;
  person_id: number;
  duty: string | null;
  region_code: string;
  created_at: Iso;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  active: Generated<number>;
  last_login_at: Iso | null;
  /** 1 after an administrator gave the password (new user, reset): the user must change it before anything else. */
  must_change_password: Generated<number>;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  scope_code: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Iso;
  expires_at: Iso;
  ip: string | null;
  user_agent: string | null;
}

/**
 * Failed logins per (lower-cased username, client address), kept whether or not the username exists; the
 * lockout is per key, so a stranger elsewhere cannot lock the owner out. A success deletes its key.
 */
export interface LoginAttemptTable {
  username: string;
  address: string;
  /** Attempts counted since the last success or the end of the last lock (reserved before the check). */
  failures: number;
  locked_until: Iso | null;
  updated_at: Iso;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Iso;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  region_code: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface DB extends RegisterTables, ForceTables {
  region: RegionTable;
  person: PersonTable;
  command_unit: CommandUnitTable;
  command_member: CommandMemberTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
}

/** 建档立卡户 — a household of the register (poor or not: the register holds the rural population). */
export interface HouseholdTable {
  id: Generated<number>;
  county_code: string;
  code: string;
  region_code: string;
  group_code: string | null;
  head_name: string;
  address: string | null;
  phone: string | null;
  housing_grade: string | null;
  attribute: string | null;
  main_cause: string | null;
  other_causes: Generated<string>;
  status: string;
  identified_year: number | null;
  exited_year: number | null;
  persons: Generated<number>;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

export interface HouseholdMemberTable {
  id: Generated<number>;
  household_id: number;
  region_code: string;
  seq: Generated<number>;
  name: string;
  id_number: string | null;
  gender: string | null;
  birth_date: string | null;
  relation: string | null;
  ethnicity: string | null;
  education: string | null;
  student_status: string | null;
  health: string | null;
  labour: string | null;
  work_status: string | null;
  migrant_months: number | null;
  migrant_place: string | null;
  medical_insurance: Generated<number>;
  pension_insurance: Generated<number>;
  dibao: Generated<number>;
  party_member: Generated<number>;
  phone: string | null;
  created_at: Iso;
  updated_at: Iso;
}

/** The yearly record of a household: income by source, indicators, status that year. Never overwritten by later years. */
export interface HouseholdYearTable {
  id: Generated<number>;
  household_id: number;
  region_code: string;
  year: number;
  status: string;
  persons: number;
  income_wage: Generated<number>;
  income_business: Generated<number>;
  income_transfer: Generated<number>;
  income_property: Generated<number>;
  production_cost: Generated<number>;
  net_income: Generated<number>;
  per_capita_income: Generated<number>;
  food_clothing: number | null;
  education: number | null;
  medical: number | null;
  housing: number | null;
  water: number | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface HouseholdEventTable {
  id: Generated<number>;
  household_id: number;
  region_code: string;
  workflow: string;
  step: string;
  event_date: string;
  actor_name: string | null;
  user_id: number | null;
  note: string | null;
  attachments: string | null;
  created_at: Iso;
}

export interface CrosscheckHitTable {
  id: Generated<number>;
  household_id: number;
  member_id: number | null;
  region_code: string;
  source: string;
  detail: string | null;
  status: string;
  created_at: Iso;
  resolved_at: Iso | null;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

export interface PolicyParamTable {
  key: string;
  province: Generated<string>;
  year: Generated<number>;
  value: string;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

export interface CodeListTable {
  list: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort_order: Generated<number>;
  active: Generated<number>;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

export interface RegisterTables {
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  household_year: HouseholdYearTable;
  household_event: HouseholdEventTable;
  crosscheck_hit: CrosscheckHitTable;
  policy_param: PolicyParamTable;
  code_list: CodeListTable;
}

/** 派出单位 / 帮扶单位 — a sending or helping unit. region_code: '000000000000' for central units, else its region. */
export interface HelpUnitTable {
  id: Generated<number>;
  name: string;
  level: string;
  kind: string;
  region_code: string;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 企业 / 合作社 — a partner enterprise or cooperative. */
export interface PartnerTable {
  id: Generated<number>;
  name: string;
  kind: string;
  region_code: string;
  contact: string | null;
  phone: string | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 驻村工作队 — a work team of a village. */
export interface WorkTeamTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  unit_id: number | null;
  start_date: string;
  end_date: string | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** A cadre's role for a village over a term: stationed (first secretary, team) or linked (leaders, instructor). */
export interface StationingTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  role: string;
  team_id: number | null;
  unit_id: number | null;
  start_date: string;
  /** Planned end of the term. */
  end_date: string | null;
  /** Actual end; null while serving. */
  ended_on: string | null;
  end_reason: string | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 召回 — a recall request and its decision. */
export interface RecallTable {
  id: Generated<number>;
  stationing_id: number;
  person_id: number;
  region_code: string;
  reason: string;
  note: string | null;
  effective_date: string;
  status: string;
  requested_by: string | null;
  requested_at: Iso;
  decided_by: string | null;
  decided_at: Iso | null;
  decision_note: string | null;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 考勤 — one day of a stationed cadre: in the village or away (with a reason). */
export interface AttendanceTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  day: string;
  present: number;
  away_reason: string | null;
  note: string | null;
  created_at: Iso;
}

/** Check-in days per cadre and year (present / away), kept in step with `attendance` by every writer. */
export interface AttendanceYearTable {
  person_id: number;
  year: number;
  present_days: number;
  away_days: number;
}

/** 驻村日志 */
export interface WorkLogTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  day: string;
  content: string;
  created_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 请销假 — a leave request; approver = 'township' | 'county' by its length (policy parameter). */
export interface LeaveRequestTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  start_date: string;
  end_date: string;
  days: number;
  reason: string;
  approver: string;
  status: string;
  requested_by: string | null;
  requested_at: Iso;
  decided_by: string | null;
  decided_at: Iso | null;
  decision_note: string | null;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 意外伤害保险 */
export interface InsuranceTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  insurer: string;
  policy_no: string | null;
  start_date: string;
  end_date: string;
  created_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 工作经费支出 — a spending entry of a team's yearly work funds (the budget is a policy parameter). */
export interface FundSpendingTable {
  id: Generated<number>;
  team_id: number;
  region_code: string;
  year: number;
  spent_on: string;
  amount: number;
  purpose: string;
  created_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 考核 — half-year ('2026H1') or annual ('2026') assessment. */
export interface AssessmentTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  kind: string;
  period: string;
  grade: string;
  score: number | null;
  comments: string | null;
  assessed_by: string | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

export interface HonourTable {
  id: Generated<number>;
  person_id: number;
  region_code: string;
  title: string;
  year: number;
  awarded_by: string | null;
  note: string | null;
  created_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 结对帮扶 — one pairing of any of the five kinds; region_code is the helped side's region. */
export interface PairingTable {
  id: Generated<number>;
  kind: string;
  region_code: string;
  household_id: number | null;
  person_id: number | null;
  unit_id: number | null;
  partner_id: number | null;
  helper_region_code: string | null;
  helper_name: string | null;
  helped_name: string | null;
  start_date: string;
  end_date: string | null;
  note: string | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

/** 帮扶措施 — a measure of a household's plan (一户一策). */
export interface MeasureTable {
  id: Generated<number>;
  household_id: number;
  region_code: string;
  type: string;
  title: string;
  amount: number | null;
  planned_date: string | null;
  done_date: string | null;
  person_id: number | null;
  status: string;
  evidence: string | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-lock version: bumped by every write (a stale write gets 409). */
  version: Generated<number>;
}

export interface ForceTables {
  help_unit: HelpUnitTable;
  partner: PartnerTable;
  work_team: WorkTeamTable;
  stationing: StationingTable;
  recall: RecallTable;
  attendance: AttendanceTable;
  attendance_year: AttendanceYearTable;
  work_log: WorkLogTable;
  leave_request: LeaveRequestTable;
  insurance: InsuranceTable;
  fund_spending: FundSpendingTable;
  assessment: AssessmentTable;
  honour: HonourTable;
  pairing: PairingTable;
  measure: MeasureTable;
}
