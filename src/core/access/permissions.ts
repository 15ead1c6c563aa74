import type { Permission, Role } from '../../shared/codes.ts';

/** What each role may do — inside its scope. Anything not listed is denied. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'region.read',
    'region.write',
    'region.flag',
    'command.read',
    'command.write',
    'person.read',
    'person.write',
    'household.read',
    'household.write',
    'pii.reveal',
    'household.status',
    'policy.read',
    'policy.manage',
    'user.manage',
    'audit.read',
    'force.read',
    'force.write',
    'force.station',
    'recall.request',
    'recall.approve',
    'leave.approve',
    'force.assess',
  ],
  county: [
    'region.read',
    'region.write',
    'region.flag',
    'command.read',
    'command.write',
    'person.read',
    'person.write',
    'household.read',
    'household.write',
    'pii.reveal',
    // Delegated administration (授权管理): the users of the county's townships and villages, roles no higher
    // than its own (shared/roles.ts); the audit log of the county; the policy page read-only.
    'user.manage',
    'audit.read',
    'policy.read',
    'force.read',
    'force.write',
    'force.station',
    'recall.request',
    'recall.approve',
    'leave.approve',
    'force.assess',
  ],
  township: [
    'region.read',
    'region.write',
    'command.read',
    'command.write',
    'person.read',
    'person.write',
    'household.read',
    'household.write',
    'force.read',
    'force.write',
    'recall.request',
    'leave.approve',
    'force.assess',
  ],
  village: [
    'region.read',
    'region.write',
    'command.read',
    'command.write',
    'person.read',
    'person.write',
    'household.read',
    'household.write',
    'force.read',
    'force.write',
  ],
  pairing_cadre: ['region.read', 'command.read', 'person.read', 'household.read', 'force.read'],
  inspector: [
    'region.read',
    'command.read',
    'person.read',
    'household.read',
    'force.read',
    'audit.read', // the audit log of its scope, personal data masked (no pii.reveal)
    'policy.read',
  ],
};

/** A role held in a scope (a normalized region code; 000000000000 = the whole country). */
export interface Grant {
  role: Role;
  scopeCode: string;
}

/** Who is acting: a logged-in user, or the system itself (CLI, demo loader, migrations). */
export type Actor =
  { kind: 'user'; userId: number; username: string; grants: Grant[]; ip?: string } | { kind: 'system'; name: string };

export const SYSTEM: Actor = { kind: 'system', name: 'system' };

/** The actor's grants that carry `permission` (the system actor counts as the national administrator). */
export function grantsWith(actor: Actor, permission: Permission): Grant[] {
  if (actor.kind === 'system') return [{ role: 'admin', scopeCode: '000000000000' }];
  return actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}

export function permissionsOf(grants: Grant[]): Permission[] {
  const set = new Set<Permission>();
  for (const g of grants) for (const p of ROLE_PERMISSIONS[g.role]) set.add(p);
  return [...set];
}
