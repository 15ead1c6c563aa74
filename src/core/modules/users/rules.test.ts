import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWithin } from '../../../shared/regions.ts';
import {
  commonRegion,
  freshCountBefore,
  isLocked,
  lockAfterFailure,
  loginKey,
  onReserved,
  passwordProblem,
  RateLimiter,
  sameGrants,
  selfEditProblem,
  userAccess,
} from './rules.ts';
import type { Role } from '../../../shared/codes.ts';
import type { RoleGrant } from '../../../shared/roles.ts';

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

describe('users and regions', () => {
  it('the smallest region holding all of a user’s roles', () => {
    const cases: [string[], string | null][] = [
      [[], null],
      [['420323104211'], '420323104211'],
      [['420323104211', '420323104212'], '420323104000'],
      [['420323104211', '420323103211'], '420323000000'],
      [['420323104211', '420323000000'], '420323000000'],
      [['420323104211', '420322100001'], '420300000000'],
      [['420323104211', '430000000000'], '000000000000'],
      [['000000000000', '420323104211'], '000000000000'],
      [['420323104211001', '420323104211'], '420323104211'],
    ];
    for (const [codes, expected] of cases) assert.equal(commonRegion(codes), expected, codes.join(','));
  });

  it('a user is visible to an administrator over one of its roles, editable by one over all of them', () => {
    const county = (code: string) => isWithin(code, '420323000000');
    const nation = (code: string) => isWithin(code, '000000000000');
    const any = () => true;
    const noAdmin = (g: RoleGrant) => g.role !== 'admin';
    const v = (scopeCode: string, role: Role = 'village'): RoleGrant => ({ role, scopeCode });
    type Case = [
      string,
      RoleGrant[],
      (c: string) => boolean,
      (g: RoleGrant) => boolean,
      { visible: boolean; editable: boolean; inside: number },
    ];
    const cases: Case[] = [
      ['one role inside', [v('420323104211')], county, any, { visible: true, editable: true, inside: 1 }],
      [
        'one in, one out',
        [v('420323104211'), v('420322100001')],
        county,
        any,
        { visible: true, editable: false, inside: 1 },
      ],
      ['all outside', [v('420322100001')], county, any, { visible: false, editable: false, inside: 0 }],
      ['no role: the nation’s', [], county, any, { visible: false, editable: false, inside: 0 }],
      ['no role, national administrator', [], nation, any, { visible: true, editable: true, inside: 0 }],
      [
        'inside, but a role above the administrator’s',
        [v('420323000000', 'admin')],
        county,
        noAdmin,
        { visible: true, editable: false, inside: 1 },
      ],
      [
        'one role above among several',
        [v('420323104211'), v('420323104000', 'admin')],
        county,
        noAdmin,
        { visible: true, editable: false, inside: 2 },
      ],
    ];
    for (const [name, held, inScope, grantable, expected] of cases)
      assert.deepEqual(userAccess(held, inScope, grantable), expected, name);
  });

  it('an administrator neither deactivates itself nor changes its own roles', () => {
    const cases: [string, boolean, { deactivate: boolean; rolesChanged: boolean }, string | null][] = [
      ['another user: anything', false, { deactivate: true, rolesChanged: true }, null],
      ['itself: a new name', true, { deactivate: false, rolesChanged: false }, null],
      ['itself: deactivate', true, { deactivate: true, rolesChanged: false }, 'active'],
      ['itself: other roles', true, { deactivate: false, rolesChanged: true }, 'roles'],
    ];
    for (const [name, self, change, path] of cases)
      assert.equal(selfEditProblem(self, change)?.path ?? null, path, name);
    const g = (role: Role, scopeCode: string): RoleGrant => ({ role, scopeCode });
    assert.equal(sameGrants([g('village', 'a'), g('county', 'b')], [g('county', 'b'), g('village', 'a')]), true);
    assert.equal(sameGrants([g('village', 'a')], [g('township', 'a')]), false);
    assert.equal(sameGrants([g('village', 'a')], [g('village', 'a'), g('village', 'b')]), false);
  });
});
