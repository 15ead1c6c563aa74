import { sql } from 'kysely';
import type { Permission, RegionLevel } from '../../shared/codes.ts';
import { isWithin, subtreeRange, type CodeRange } from '../../shared/regions.ts';
import { forbidden } from '../errors.ts';
import { ROLE_PERMISSIONS, type Actor } from './permissions.ts';

export type Ranges = CodeRange[] | 'all';

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

/** The region a Scope was narrowed to. */
export interface ScopeRegion {
  code: string;
  level: RegionLevel;
  name: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Filterable = { where: (...args: any[]) => any };

/**
 * What a list may cover: the actor, the permission, and the code ranges resolved from the actor's grants
 * (narrowed to a region when the call names one). Only this module builds one; repository list functions take
 * a Scope instead of an Actor, and filter with `scope.where(column)` (or through `listPage`), so a list cannot
 * forget its scope. A list over everything says so: `Scope.global(actor, 'why')`.
 */
export class Scope {
  private constructor(
    readonly actor: Actor,
    readonly permission: Permission | null,
    private readonly ranges: Ranges,
    /** The region the call named (its subtree is the scope), or null for the caller's whole scope. */
    readonly region: ScopeRegion | null,
  ) {}

  /** Everything the actor may reach with `permission` (403 when the actor holds it nowhere). */
  static of(actor: Actor, permission: Permission): Scope {
    authorizeAny(actor, permission);
    return new Scope(actor, permission, rangesFor(actor, permission), null);
  }

  /** The subtree of `region`, which must lie inside the actor's scope for `permission` (403 otherwise). */
  static within(actor: Actor, permission: Permission, region: ScopeRegion): Scope {
    authorize(actor, permission, region.code);
    return new Scope(actor, permission, [subtreeRange(region.code)], region);
  }

  /** The actor's scope, narrowed to `region` when one is given. */
  static resolve(actor: Actor, permission: Permission, region: ScopeRegion | null | undefined): Scope {
    return region ? Scope.within(actor, permission, region) : Scope.of(actor, permission);
  }

  /**
   * Everything, on purpose — for data no region owns, or system work (demo loader, CLI). `why` is for the reader
   * of the code: a global scope should stand out in review.
   */
  static global(actor: Actor, why: string): Scope {
    void why;
    return new Scope(actor, null, 'all', null);
  }

  get isGlobal(): boolean {
    return this.ranges === 'all';
  }

  /** The resolved ranges ('all' for a global scope or the system actor). */
  codeRanges(): Ranges {
    return this.ranges;
  }

  /** Does the scope contain region `code`? */
  covers(code: string): boolean {
    return this.ranges === 'all' || this.ranges.some((r) => code >= r.lo && code < r.hi);
  }

  /** 403 unless the scope contains region `code`. */
  authorize(code: string): void {
    if (!this.covers(code)) throw forbidden();
  }

  /** May the same actor use another permission on region `code` (e.g. canEdit, canReveal flags)? */
  can(permission: Permission, code: string): boolean {
    return can(this.actor, permission, code);
  }

  /** The same region for another permission (403 when the actor lacks it there). */
  withPermission(permission: Permission): Scope {
    return Scope.resolve(this.actor, permission, this.region);
  }

  /**
   * The same region for another permission, or null when the actor does not hold it there (over the whole region
   * when narrowed, anywhere when not) — for reads that show what the caller may see and leave out the rest (the
   * workbench's entries, the global search's kinds).
   */
  tryPermission(permission: Permission): Scope | null {
    const held = this.region ? can(this.actor, permission, this.region.code) : canAny(this.actor, permission);
    return held ? Scope.resolve(this.actor, permission, this.region) : null;
  }

  /** Narrowed to a region inside this scope (403 when outside). */
  narrow(region: ScopeRegion): Scope {
    if (!this.covers(region.code)) throw forbidden();
    return this.permission
      ? Scope.within(this.actor, this.permission, region)
      : new Scope(this.actor, null, [subtreeRange(region.code)], region);
  }

  /**
   * The filter of every list query: keeps rows whose `column` (a region code) lies in the scope.
   * Usage: `qb.$call(scope.where('h.region_code'))`.
   */
  where(column: string) {
    const ranges = this.ranges;
    return <QB extends Filterable>(qb: QB): QB => {
      if (ranges === 'all') return qb;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return qb.where((eb: any) =>
        ranges.length === 0
          ? sql<boolean>`1 = 0`
          : eb.or(ranges.map((r) => eb.and([eb(column, '>=', r.lo), eb(column, '<', r.hi)]))),
      );
    };
  }
}
