import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterAttempt, isLocked, passwordProblem, RateLimiter, type LockState } from './rules.ts';

const policy = { maxFailures: 3, lockMinutes: 10 };
const t0 = new Date('2026-11-23T10:00:00.000Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

describe('lockout', () => {
  it('locks exactly at the Nth consecutive failure, not before', () => {
    let s: LockState = { failedLogins: 0, lockedUntil: null };
    s = afterAttempt(s, false, t0, policy);
    s = afterAttempt(s, false, t0, policy);
    assert.equal(isLocked(s, t0), false);
    assert.equal(s.failedLogins, 2);
    s = afterAttempt(s, false, t0, policy);
    assert.equal(isLocked(s, t0), true);
    assert.equal(s.lockedUntil, at(10).toISOString());
  });

  it('unlocks exactly when the lock time ends and starts a fresh count', () => {
    const locked: LockState = { failedLogins: 3, lockedUntil: at(10).toISOString() };
    const cases: [number, boolean][] = [
      [9.99, true],
      [10, false],
      [11, false],
    ];
    for (const [min, expected] of cases) assert.equal(isLocked(locked, at(min)), expected, `${min} min`);
    const next = afterAttempt(locked, false, at(11), policy);
    assert.deepEqual(next, { failedLogins: 1, lockedUntil: null });
  });

  it('a success clears failures', () => {
    assert.deepEqual(afterAttempt({ failedLogins: 2, lockedUntil: null }, true, t0, policy), {
      failedLogins: 0,
      lockedUntil: null,
    });
  });
});

describe('password policy', () => {
  it('accepts and rejects by table', () => {
    const cases: [string, boolean][] = [
      ['Xiuhua@2026', true],
      ['abcdefg1', true],
      ['abcdef1', false],
      ['abcdefgh', false],
      ['12345678', false],
      ['a1'.repeat(64), true],
      ['a1'.repeat(64) + 'x', false],
    ];
    for (const [pw, ok] of cases) assert.equal(passwordProblem(pw) === null, ok, pw);
  });
});

describe('rate limiter', () => {
  it('allows max hits per window then refuses until the window passes', () => {
    const rl = new RateLimiter(2, 1000);
    assert.equal(rl.hit('ip', 0), true);
    assert.equal(rl.hit('ip', 10), true);
    assert.equal(rl.hit('ip', 20), false);
    assert.equal(rl.hit('other', 20), true);
    assert.equal(rl.hit('ip', 1000), true);
  });
});
