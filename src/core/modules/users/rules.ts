import { ancestorsOf, NATION_CODE } from '../../../shared/regions.ts';
import type { RoleGrant } from '../../../shared/roles.ts';

/**
 * Lockout policy: failed logins are counted per key — the lower-cased username and the client address —
 * whether or not the username exists. The `maxFailures`-th failure in a row locks the key for
 * `lockMinutes`; a pause of `lockMinutes` without attempts, like the end of a lock, starts a fresh count.
 * A stranger's failures from another address never lock the owner out at theirs, and an unknown name
 * answers exactly like a known one (401 until the lock, then 423).
 */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

/** What failed logins are counted under. */
export interface LoginKey {
  username: string;
  address: string;
}

export const loginKey = (username: string, address: string | undefined): LoginKey => ({
  username: username.trim().toLowerCase().slice(0, 50),
  address: (address ?? '').slice(0, 64),
});

/**
 * A key's counter right after an attempt reserved its place in it (atomically, before the slow password
 * check): `failures` counts this attempt and every earlier one since the last success or a fresh count,
 * finished or still being checked.
 */
export interface Reserved {
  failures: number;
  lockedUntil: string | null;
}

const plusMinutes = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

/** Is a lock that ends at `lockedUntil` in force at `now`? */
export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && new Date(lockedUntil).getTime() > now.getTime();
}

/** Counts older than this (no attempt since) start afresh when the next attempt comes. */
export const freshCountBefore = (now: Date, policy: LockoutPolicy): string => plusMinutes(now, -policy.lockMinutes);

/**
 * What to do with a reserved attempt: check the password, or refuse it unchecked — the key is locked, or
 * earlier attempts already used up the allowance (the lock then starts now, unless one is in force).
 */
export function onReserved(
  r: Reserved,
  now: Date,
  policy: LockoutPolicy,
): { check: true } | { check: false; lockedUntil: string; lockNow: boolean } {
  if (isLocked(r.lockedUntil, now)) return { check: false, lockedUntil: r.lockedUntil!, lockNow: false };
  if (r.failures > policy.maxFailures)
    return { check: false, lockedUntil: plusMinutes(now, policy.lockMinutes), lockNow: true };
  return { check: true };
}

/** After a wrong password: the lock it starts (its reserved place is the `maxFailures`-th or later), or null. */
export function lockAfterFailure(r: Reserved, now: Date, policy: LockoutPolicy): string | null {
  return r.failures >= policy.maxFailures ? plusMinutes(now, policy.lockMinutes) : null;
}

/** Password policy: 8–128 characters with at least one letter and one digit. Returns the problem or null. */
export function passwordProblem(pw: string): { zh: string; en: string } | null {
  if (pw.length < 8) return { zh: '密码至少 8 位', en: 'Password must have at least 8 characters' };
  if (pw.length > 128) return { zh: '密码最多 128 位', en: 'Password must have at most 128 characters' };
  if (!/[A-Za-z]/.test(pw) || !/\d/.test(pw))
    return { zh: '密码须同时包含字母和数字', en: 'Password must contain letters and digits' };
  return null;
}

/** Fixed-window rate limiter for login attempts per client address (in memory, per process). */
export class RateLimiter {
  private hits = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Records a hit; returns false when the key is over its limit. */
  hit(key: string, now = Date.now()): boolean {
    const h = this.hits.get(key);
    if (!h || now - h.start >= this.windowMs) {
      this.hits.set(key, { start: now, count: 1 });
      if (this.hits.size > 10_000) this.prune(now);
      return true;
    }
    h.count++;
    return h.count <= this.max;
  }

  private prune(now: number) {
    for (const [k, h] of this.hits) if (now - h.start >= this.windowMs) this.hits.delete(k);
  }
}

/**
 * The smallest region holding every one of `codes` (normalized region codes): the region a change to a user's
 * roles belongs to, so the audit row is seen by the administrators over all of them. Null for no codes.
 */
export function commonRegion(codes: readonly string[]): string | null {
  let chain: string[] | null = null;
  for (const code of codes) {
    const line = [...ancestorsOf(code), code];
    if (!chain) chain = line;
    else {
      let i = 0;
      while (i < chain.length && chain[i] === line[i]) i++;
      chain = chain.slice(0, i);
    }
  }
  return chain ? (chain.at(-1) ?? NATION_CODE) : null;
}

/**
 * How a user looks to an administrator: a user belongs to the regions of its roles, so it is visible when one of
 * them lies inside the administrator's scope (`inScope`), editable only when every one does and is a role the
 * administrator may grant there (`grantable`: the role order, shared/roles.ts). A user without roles belongs to
 * the nation.
 */
export function userAccess(
  held: readonly RoleGrant[],
  inScope: (code: string) => boolean,
  grantable: (g: RoleGrant) => boolean,
): { visible: boolean; editable: boolean; inside: number } {
  if (held.length === 0) {
    const national = inScope(NATION_CODE);
    return { visible: national, editable: national, inside: 0 };
  }
  const inside = held.filter((g) => inScope(g.scopeCode)).length;
  const editable = inside === held.length && held.every(grantable);
  return { visible: inside > 0, editable, inside };
}

/**
 * What an administrator may not do to its own account: deactivate it or change its roles (it would lock itself
 * out, or raise itself). Returns the field and the problem, or null.
 */
export function selfEditProblem(
  self: boolean,
  change: { deactivate: boolean; rolesChanged: boolean },
): { path: 'active' | 'roles'; zh: string; en: string } | null {
  if (!self) return null;
  if (change.deactivate)
    return { path: 'active', zh: '不能停用自己的账号', en: 'You cannot deactivate your own account' };
  if (change.rolesChanged) return { path: 'roles', zh: '不能修改自己的角色', en: 'You cannot change your own roles' };
  return null;
}

/** Do two lists of roles hold the same grants (in any order)? */
export function sameGrants(a: readonly RoleGrant[], b: readonly RoleGrant[]): boolean {
  const key = (l: readonly RoleGrant[]) =>
    l
      .map((g) => `${g.role}@${g.scopeCode}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}
