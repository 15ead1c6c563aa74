/** Shapes of the JSON the API returns (see the contract in docs / the server's OpenAPI). */
import type { Gender, Permission, RegionFlag, RegionLevel, Role } from '@shared/codes';

export interface RoleAssignment {
  role: Role;
  scopeCode: string;
  scopeName: string;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: RoleAssignment[];
  permissions: Permission[];
  isAdmin: boolean;
}

export interface MeResponse {
  user: Me;
  csrfToken: string;
}

export type RegionFlags = Record<RegionFlag, boolean>;

export interface RegionSummary {
  code: string;
  shortCode: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  childCount: number;
  isLeaf: boolean;
  flags: RegionFlags;
}

export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
}

import type { CommandUnit, PersonRef } from '@shared/command';

export type { CommandUnit, PersonRef };

export interface CommandMember {
  id: number;
  duty: string | null;
  person: { id: number; name: string; post: string | null; phone: string | null };
}

export interface CommandUnitDetail extends CommandUnit {
  members: CommandMember[];
}

export interface RegionDetail {
  code: string;
  shortCode: string;
  name: string;
  officialName: string;
  level: RegionLevel;
  parentCode: string | null;
  flags: RegionFlags;
  ancestors: RegionRef[];
  counts: { children: number; townships: number; villages: number; groups: number };
  commandUnits: CommandUnit[];
}

export interface Person {
  id: number;
  regionCode: string;
  regionName: string;
  name: string;
  gender: Gender | null;
  phone: string | null;
  post: string | null;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  roles: RoleAssignment[];
}

export interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  regionCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Items<T> {
  items: T[];
}

export interface Page<T> extends Items<T> {
  total: number;
}
