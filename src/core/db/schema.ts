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
}

/** A person record of the command hierarchy (taken over by the cadre module later). */
export interface PersonTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  gender: string | null;
  phone: string | null;
  post: string | null;
  created_at: Iso;
  updated_at: Iso;
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
  failed_logins: number;
  locked_until: Iso | null;
  last_login_at: Iso | null;
  created_at: Iso;
  updated_at: Iso;
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

export interface DB extends RegisterTables {
  region: RegionTable;
  person: PersonTable;
  command_unit: CommandUnitTable;
  command_member: CommandMemberTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
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
}

export interface PolicyParamTable {
  key: string;
  province: Generated<string>;
  year: Generated<number>;
  value: string;
  updated_at: Iso;
}

export interface CodeListTable {
  list: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort_order: Generated<number>;
  active: Generated<number>;
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
