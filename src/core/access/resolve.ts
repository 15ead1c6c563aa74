import type { Permission } from '../../shared/codes.ts';
import type { Db } from '../db/index.ts';
import { requireRegion } from '../modules/regions/service.ts';
import type { Actor } from './permissions.ts';
import { Scope } from './scope.ts';

/**
 * The Scope of a call that may name a region: 400 when the code is malformed (naming `field`), 404 when the
 * region is unknown, 403 when it lies outside the actor's scope for `permission`; without a region, everything
 * the actor may reach with `permission` (403 when that is nothing).
 */
export async function resolveScope(
  db: Db,
  actor: Actor,
  permission: Permission,
  region: string | null | undefined,
  field = 'region',
): Promise<Scope> {
  if (region === undefined || region === null || region === '') return Scope.of(actor, permission);
  return Scope.within(actor, permission, await requireRegion(db, region, field));
}
