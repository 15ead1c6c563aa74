/** Lockout policy: after `maxFailures` consecutive wrong passwords the account is locked for `lockMinutes`. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export interface LockState {
  failedLogins: number;
  lockedUntil: string | null;
}

/** Is the account locked at `now`? */
export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime();
}

/** The state after a login attempt (pure). A success clears the counter; the Nth failure locks. */
export function afterAttempt(state: LockState, success: boolean, now: Date, policy: LockoutPolicy): LockState {
  if (success) return { failedLogins: 0, lockedUntil: null };
  // A lock that has expired starts a fresh count.
  const expired = state.lockedUntil !== null && !isLocked(state, now);
  const failures = (expired ? 0 : state.failedLogins) + 1;
  if (failures >= policy.maxFailures) {
    return { failedLogins: failures, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString() };
  }
  return { failedLogins: failures, lockedUntil: expired ? null : state.lockedUntil };
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
