/**
 * The order of roles for delegated administration (授权管理), pure: a user who manages users (user.manage) grants,
 * in a region, only roles no higher than the highest role it manages with there, and changes only users whose
 * every role it could grant. Shared by the server (the check) and the web app (the roles a form offers).
 */
import { ROLES, type Role } from './codes.ts';
import { isWithin } from './regions.ts';

/**
 * 角色等级 — higher manages lower. The system administrator is above all; a county (organisation department) is
 * above the inspector (督查, read-only) and the township; the township above the village; the village above the
 * pairing cadre. A rank may repeat: roles of one rank do not manage each other less than themselves.
 */
export const ROLE_RANK: Record<Role, number> = {
  admin: 5,
  county: 4,
  inspector: 3,
  township: 3,
  village: 2,
  pairing_cadre: 1,
};

/** Is `role` no higher than `ceiling`? */
export const roleAtMost = (role: Role, ceiling: Role): boolean => ROLE_RANK[role] <= ROLE_RANK[ceiling];

/** A role held in a region (a normalized region code). */
export interface RoleGrant {
  role: Role;
  scopeCode: string;
}

/**
 * The highest role `managing` (the manager's grants that carry user.manage) holds over region `code`: the
 * highest of the grants whose scope holds the region; null when none does.
 */
export function grantCeiling(managing: readonly RoleGrant[], code: string): Role | null {
  let best: Role | null = null;
  for (const g of managing)
    if (isWithin(code, g.scopeCode) && (best === null || ROLE_RANK[g.role] > ROLE_RANK[best])) best = g.role;
  return best;
}

/** May a manager holding `managing` grant `target` (its role in its region)? */
export function mayGrant(managing: readonly RoleGrant[], target: RoleGrant): boolean {
  const ceiling = grantCeiling(managing, target.scopeCode);
  return ceiling !== null && roleAtMost(target.role, ceiling);
}

/** The roles a manager may grant somewhere (the form's choices; the server checks each region). */
export function grantableRoles(managing: readonly RoleGrant[]): Role[] {
  const top = managing.reduce((n, g) => Math.max(n, ROLE_RANK[g.role]), 0);
  return ROLES.filter((r) => ROLE_RANK[r] <= top);
}
