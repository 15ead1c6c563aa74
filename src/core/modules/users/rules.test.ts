import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  freshCountBefore,
  isLocked,
  lockAfterFailure,
  loginKey,
  onReserved,
  passwordProblem,
  RateLimiter,
} from './rules.ts';

const policy = { maxFailures: 3, lockMinutes: 10 };
const t0 = new Date('2026-11-23T10:00:00.000Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);
const iso = (min: number) => at(min).toISOString();

describe('lockout', () => {
  it('counts per lower-cased name and address', () => {
    assert.deepEqual(loginKey(' Admin ', '10.0.0.1'), { username: 'admin', address: '10.0.0.1' });
    assert.deepEqual(loginKey('admin', undefined), { username: 'admin', address: '' });
  });

  it('checks the password up to the allowance, refuses unchecked past it or under a lock', () => {
    const cases: [string, number, string | null, ReturnType<typeof onReserved>][] = [
      ['first attempt', 1, null, { check: true }],
      ['the last one allowed', 3, null, { check: true }],
      ['one past the allowance: locks now', 4, null, { check: false, lockedUntil: iso(10), lockNow: true }],
      ['far past it, lock already set', 20, iso(5), { check: false, lockedUntil: iso(5), lockNow: false }],
      ['under a lock, whatever the count', 1, iso(0.01), { check: false, lockedUntil: iso(0.01), lockNow: false }],
      // A lock that has ended never reaches here (the reservation starts afresh), but it would not refuse.
      ['a lock that ended', 2, iso(0), { check: true }],
    ];
    for (const [what, failures, lockedUntil, expected] of cases)
      assert.deepEqual(onReserved({ failures, lockedUntil }, t0, policy), expected, what);
  });

  it('locks at the maxFailures-th wrong password, not before', () => {
    const cases: [number, string | null][] = [
      [1, null],
      [2, null],
      [3, iso(10)],
      [4, iso(10)],
    ];
    for (const [failures, expected] of cases)
      assert.equal(lockAfterFailure({ failures, lockedUntil: null }, t0, policy), expected, `failure ${failures}`);
  });

  it('a lock holds until its end exactly', () => {
    const cases: [number, boolean][] = [
      [9.99, true],
      [10, false],
      [11, false],
    ];
    for (const [min, expected] of cases) assert.equal(isLocked(iso(10), at(min)), expected, `${min} min`);
    assert.equal(isLocked(null, t0), false);
  });

  it('a count with no attempt for lockMinutes starts afresh', () => {
    assert.equal(freshCountBefore(at(10), policy), iso(0));
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
