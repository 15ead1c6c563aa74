// The role order of delegated administration (shared/roles.ts), by table: a manager grants, in a region, roles no
// higher than the highest role it manages with there — and never a permission it does not hold itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES, type Role } from '../../../shared/codes.ts';
import { grantableRoles, grantCeiling, mayGrant, roleAtMost, type RoleGrant } from '../../../shared/roles.ts';
import { ROLE_PERMISSIONS } from '../../access/permissions.ts';

const NATION = '000000000000';
const ZHUSHAN = '420323000000';
const LEIGU = '420323104000';
const DONG = '420323104211';
const YUNXI = '420322000000';
const g = (role: Role, scopeCode: string): RoleGrant => ({ role, scopeCode });
const managers = (grants: RoleGrant[]) => grants.filter((x) => ROLE_PERMISSIONS[x.role].includes('user.manage'));

describe('role order', () => {
  it('orders the roles: admin above county above inspector and township, above village, above pairing cadre', () => {
    const cases: [Role, Role, boolean][] = [
      ['admin', 'admin', true],
      ['county', 'admin', true],
      ['admin', 'county', false],
      ['county', 'county', true],
      ['inspector', 'county', true],
      ['township', 'county', true],
      ['county', 'township', false],
      ['inspector', 'township', true], // one rank: neither is above the other
      ['township', 'inspector', true],
      ['village', 'township', true],
      ['township', 'village', false],
      ['pairing_cadre', 'village', true],
      ['village', 'pairing_cadre', false],
    ];
    for (const [role, ceiling, expected] of cases)
      assert.equal(roleAtMost(role, ceiling), expected, `${role} ≤ ${ceiling}`);
  });

  it('the ceiling in a region is the highest managing role whose scope holds it', () => {
    const cases: [string, RoleGrant[], string, Role | null][] = [
      ['the county over its village', [g('county', ZHUSHAN)], DONG, 'county'],
      ['the county over itself', [g('county', ZHUSHAN)], ZHUSHAN, 'county'],
      ['the county over another county', [g('county', ZHUSHAN)], YUNXI, null],
      ['the county over its city', [g('county', ZHUSHAN)], '420300000000', null],
      ['the nation over anything', [g('admin', NATION)], DONG, 'admin'],
      ['the higher of two that hold it', [g('county', LEIGU), g('admin', ZHUSHAN)], DONG, 'admin'],
      ['only the one that holds it', [g('admin', YUNXI), g('county', ZHUSHAN)], DONG, 'county'],
      ['no managing grant', [], DONG, null],
    ];
    for (const [name, managing, code, expected] of cases) assert.equal(grantCeiling(managing, code), expected, name);
  });

  it('zhushan grants roles up to county inside 竹山县, nothing above, nothing elsewhere', () => {
    const zhushan = managers([g('county', ZHUSHAN)]);
    const cases: [string, RoleGrant, boolean][] = [
      ['a village user of 董家沟村', g('village', DONG), true],
      ['a township user of 擂鼓镇', g('township', LEIGU), true],
      ['a pairing cadre in the village', g('pairing_cadre', DONG), true],
      ['an inspector of the county', g('inspector', ZHUSHAN), true],
      ['another county user of the county', g('county', ZHUSHAN), true],
      ['a county role held in a township', g('county', LEIGU), true],
      ['an administrator of the county', g('admin', ZHUSHAN), false],
      ['an administrator of a village', g('admin', DONG), false],
      ['a village user of 郧西县', g('village', '420322100001'), false],
      ['a county user of the city', g('county', '420300000000'), false],
      ['a national inspector', g('inspector', NATION), false],
    ];
    for (const [name, target, expected] of cases) assert.equal(mayGrant(zhushan, target), expected, name);
  });

  it('a township user manages nobody (no user.manage) unless it holds a managing role', () => {
    assert.deepEqual(managers([g('township', LEIGU)]), []);
    assert.equal(mayGrant(managers([g('township', LEIGU)]), g('village', DONG)), false);
    const given = managers([g('township', LEIGU), g('county', LEIGU)]);
    assert.equal(mayGrant(given, g('village', DONG)), true);
    assert.equal(mayGrant(given, g('village', '420323103211')), false, 'a village of 宝丰镇');
    assert.equal(mayGrant(given, g('county', ZHUSHAN)), false, 'the county above its region');
  });

  it('the roles a manager may offer', () => {
    const cases: [RoleGrant[], Role[]][] = [
      [[], []],
      [[g('county', ZHUSHAN)], ['county', 'township', 'village', 'pairing_cadre', 'inspector']],
      [[g('admin', NATION)], [...ROLES]],
      [[g('county', ZHUSHAN), g('admin', DONG)], [...ROLES]],
    ];
    for (const [managing, expected] of cases) assert.deepEqual(grantableRoles(managing), expected);
  });

  it('every role a managing role may grant holds no permission the manager lacks', () => {
    for (const manager of ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('user.manage')))
      for (const role of ROLES.filter((r) => roleAtMost(r, manager)))
        for (const p of ROLE_PERMISSIONS[role])
          assert.ok(ROLE_PERMISSIONS[manager].includes(p), `${manager} may grant ${role}, which holds ${p}`);
  });
});
