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

export interface DB {
  region: RegionTable;
  person: PersonTable;
  command_unit: CommandUnitTable;
  command_member: CommandMemberTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_log: AuditLogTable;
}
