import { sql } from 'kysely';
import type { Permission } from '../../shared/codes.ts';
import { forbidden } from '../errors.ts';
import { isWithin, subtreeRange } from '../modules/regions/rules.ts';
import { ROLE_PERMISSIONS, type Actor } from './permissions.ts';

export type Ranges = { lo: string; hi: string }[] | 'all';

/** The scope codes in which the actor holds `permission` (the system actor holds everything everywhere). */
export function scopesFor(actor: Actor, permission: Permission): string[] | 'all' {
  if (actor.kind === 'system') return 'all';
  return actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission)).map((g) => g.scopeCode);
}

/** Code ranges the actor may touch with `permission`; [] means nothing. */
export function rangesFor(actor: Actor, permission: Permission): Ranges {
  const scopes = scopesFor(actor, permission);
  return scopes === 'all' ? 'all' : scopes.map(subtreeRange);
}

/** May the actor use `permission` on something that belongs to region `code`? */
export function can(actor: Actor, permission: Permission, code: string): boolean {
  const scopes = scopesFor(actor, permission);
  return scopes === 'all' || scopes.some((s) => isWithin(code, s));
}

/** May the actor use `permission` anywhere at all (e.g. menus, admin pages)? */
export function canAny(actor: Actor, permission: Permission): boolean {
  const scopes = scopesFor(actor, permission);
  return scopes === 'all' || scopes.length > 0;
}

export function authorize(actor: Actor, permission: Permission, code: string): void {
  if (!can(actor, permission, code)) throw forbidden();
}

export function authorizeAny(actor: Actor, permission: Permission): void {
  if (!canAny(actor, permission)) throw forbidden();
}

/**
 * The one scope filter every list query uses: keeps rows whose `column` (a region code) lies in a
 * region where the actor holds `permission`. Usage: `qb.$call(withinScope(actor, 'command.read', 'u.region_code'))`.
 */
export function withinScope(actor: Actor, permission: Permission, column: string) {
  const ranges = rangesFor(actor, permission);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return <QB extends { where: (...args: any[]) => any }>(qb: QB): QB => {
    if (ranges === 'all') return qb;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return qb.where((eb: any) =>
      ranges.length === 0
        ? sql<boolean>`1 = 0`
        : eb.or(ranges.map((r) => eb.and([eb(column, '>=', r.lo), eb(column, '<', r.hi)]))),
    );
  };
}
