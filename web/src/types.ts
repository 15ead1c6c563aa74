/** Shapes of the JSON the API returns (see the contract in docs / the server's OpenAPI). */
import type { Permission, Role } from '@shared/codes';

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

// Regions, command units and people: the shapes of their contracts (src/shared/contracts), re-exported for the
// pages of other modules that still import them from here.
export type { RegionDetail, RegionFlags, RegionRef, RegionSummary } from '@shared/contracts/regions';
export type { CommandMember, CommandUnit, CommandUnitDetail, Person, PersonRef } from '@shared/contracts/command';

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
