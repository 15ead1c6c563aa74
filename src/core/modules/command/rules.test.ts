import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommandUnitKind, RegionLevel } from '../../../shared/codes.ts';
import { unitProblems } from './rules.ts';

describe('command unit shape', () => {
  it('matches kinds to region levels', () => {
    const cases: [CommandUnitKind, RegionLevel, boolean][] = [
      ['county_hq', 'county', true],
      ['thematic_group', 'county', true],
      ['battle_zone', 'township', true],
      ['command_post', 'village', true],
      ['grid', 'group', true],
      ['battle_zone', 'village', false],
      ['county_hq', 'township', false],
      ['grid', 'village', false],
    ];
    for (const [kind, level, ok] of cases) {
      assert.equal(
        unitProblems({ kind, regionCode: '420323104211', regionLevel: level }).length === 0,
        ok,
        `${kind}@${level}`,
      );
    }
  });
  it('requires the parent on the same region or an ancestor, never itself', () => {
    const base = { kind: 'command_post' as const, regionCode: '420323104211', regionLevel: 'village' as const };
    assert.deepEqual(unitProblems({ ...base, parent: { id: 1, regionCode: '420323104000' } }), []);
    assert.deepEqual(unitProblems({ ...base, parent: { id: 1, regionCode: '420323000000' } }), []);
    assert.equal(unitProblems({ ...base, parent: { id: 1, regionCode: '420323103000' } })[0]?.[0], 'parentId');
    assert.equal(
      unitProblems({ ...base, selfId: 5, parent: { id: 5, regionCode: '420323000000' } })[0]?.[0],
      'parentId',
    );
  });
});
