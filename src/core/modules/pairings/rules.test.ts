import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CAUSES } from '../../../shared/register.ts';
import { MEASURE_TYPES } from '../../../shared/forces.ts';
import {
  CAUSE_MEASURES,
  isActivePairing,
  measureProblems,
  pairingFieldProblems,
  sameCounty,
  suggestMeasureTypes,
  unplannedTypes,
  type PairingFields,
} from './rules.ts';

describe('pairing fields per kind', () => {
  it('names exactly the missing fields of each kind', () => {
    const cases: [PairingFields, string[]][] = [
      [{ kind: 'cadre_household', householdId: 1, personId: 2 }, []],
      [{ kind: 'cadre_household', householdId: 1 }, ['personId']],
      [{ kind: 'cadre_household', personId: 2, regionCode: '420323104211' }, ['householdId']],
      [{ kind: 'cadre_household' }, ['householdId', 'personId']],
      [{ kind: 'village_village', regionCode: '420323104211', helperRegionCode: '420323104212' }, []],
      [{ kind: 'village_village', regionCode: '420323104211', helperRegionCode: null }, ['helperRegionCode']],
      [{ kind: 'village_village', helperRegionCode: '420323104212' }, ['regionCode']],
      [{ kind: 'unit_village', regionCode: '420323104211', unitId: 3 }, []],
      [{ kind: 'unit_village', regionCode: '420323104211', partnerId: 3 }, ['unitId']],
      [{ kind: 'enterprise_village', regionCode: '420323104211', partnerId: 3 }, []],
      [{ kind: 'enterprise_village', regionCode: '', unitId: 3 }, ['regionCode', 'partnerId']],
      [{ kind: 'member_member', regionCode: '420323104211', helperName: '甲', helpedName: '乙' }, []],
      [{ kind: 'member_member', regionCode: '420323104211', helperName: '  ', helpedName: '乙' }, ['helperName']],
      [{ kind: 'member_member', regionCode: '420323104211', personId: 5 }, ['helperName', 'helpedName']],
    ];
    for (const [p, fields] of cases)
      assert.deepEqual(
        pairingFieldProblems(p).map(([f]) => f),
        fields,
        JSON.stringify(p),
      );
  });
  it('gives a message in both languages', () => {
    const [[, m]] = pairingFieldProblems({ kind: 'unit_village', regionCode: '420323104211' }) as [
      [string, { zh: string; en: string }],
    ];
    assert.match(m.zh, /结对单位/);
    assert.match(m.en, /paired unit/);
  });
});

describe('active pairings', () => {
  it('is active without an end, on its end day, not after', () => {
    const cases: [string | null, string, boolean][] = [
      [null, '2026-05-01', true],
      ['2026-05-01', '2026-05-01', true],
      ['2026-05-02', '2026-05-01', true],
      ['2026-04-30', '2026-05-01', false],
      ['2025-12-31', '2026-01-01', false],
    ];
    for (const [end, today, active] of cases) assert.equal(isActivePairing(end, today), active, `${end} ${today}`);
  });
  it('compares counties by the first six digits', () => {
    assert.equal(sameCounty('420323104211', '420323103211'), true);
    assert.equal(sameCounty('420323104211', '420322100200'), false);
  });
});

describe('suggested measure types', () => {
  it('covers every cause with known measure types', () => {
    const types = new Set(MEASURE_TYPES.map((t) => t.code));
    for (const c of CAUSES) {
      const list = CAUSE_MEASURES[c.code];
      assert.ok(list.length > 0, c.code);
      for (const t of list) assert.ok(types.has(t), `${c.code} → ${t}`);
    }
  });
  it('follows the causes, main cause first, without duplicates', () => {
    const cases: [string | null, string[], string[]][] = [
      ['illness', [], ['health']],
      ['disability', [], ['social_security', 'health']],
      ['schooling', [], ['education']],
      ['disaster', [], ['housing', 'relocation']],
      ['lack_land', [], ['industry', 'relocation']],
      ['lack_water', [], ['relocation', 'ecological']],
      ['lack_skills', [], ['employment']],
      ['lack_labour', [], ['social_security']],
      ['lack_funds', [], ['credit', 'industry']],
      ['poor_transport', [], ['relocation']],
      ['lack_motivation', [], ['employment', 'industry']],
      ['other', [], ['other']],
      ['illness', ['lack_funds'], ['health', 'credit', 'industry']],
      ['illness', ['disability'], ['health', 'social_security']],
      ['disability', ['illness'], ['social_security', 'health']],
      ['lack_funds', ['lack_land', 'lack_motivation'], ['credit', 'industry', 'relocation', 'employment']],
      ['disaster', ['poor_transport', 'lack_water'], ['housing', 'relocation', 'ecological']],
      [null, ['schooling'], ['education']],
      [null, [], []],
      ['unknown_cause', ['illness'], ['health']],
    ];
    for (const [main, others, expected] of cases)
      assert.deepEqual(suggestMeasureTypes(main, others), expected, `${main} + ${others}`);
  });
  it('leaves out the types already planned, but not those only cancelled', () => {
    const suggested = suggestMeasureTypes('lack_funds', ['illness']);
    assert.deepEqual(suggested, ['credit', 'industry', 'health']);
    const cases: [{ type: string; status: string }[], string[]][] = [
      [[], ['credit', 'industry', 'health']],
      [[{ type: 'credit', status: 'planned' }], ['industry', 'health']],
      [
        [
          { type: 'credit', status: 'done' },
          { type: 'health', status: 'in_progress' },
        ],
        ['industry'],
      ],
      [[{ type: 'credit', status: 'cancelled' }], ['credit', 'industry', 'health']],
      [[{ type: 'housing', status: 'done' }], ['credit', 'industry', 'health']],
    ];
    for (const [measures, expected] of cases)
      assert.deepEqual(unplannedTypes(suggested, measures), expected, JSON.stringify(measures));
  });
});

describe('measure problems', () => {
  const today = '2026-05-01';
  it('refuses negative amounts, done without a date and future done dates', () => {
    const cases: [Parameters<typeof measureProblems>[0], string[]][] = [
      [{ status: 'planned' }, []],
      [{ status: 'planned', amount: 0 }, []],
      [{ status: 'planned', amount: -0.01 }, ['amount']],
      [{ status: 'planned', amount: Number.NaN }, ['amount']],
      [{ status: 'done' }, ['doneDate']],
      [{ status: 'done', doneDate: null }, ['doneDate']],
      [{ status: 'done', doneDate: '2026-05-01' }, []],
      [{ status: 'done', doneDate: '2026-05-02' }, ['doneDate']],
      [{ status: 'in_progress', doneDate: '2027-01-01' }, ['doneDate']],
      [{ status: 'done', amount: -1, doneDate: '2030-01-01' }, ['amount', 'doneDate']],
      [{ status: 'cancelled', plannedDate: '2030-01-01' }, []],
    ];
    for (const [m, fields] of cases)
      assert.deepEqual(
        measureProblems(m, today).map(([f]) => f),
        fields,
        JSON.stringify(m),
      );
  });
});
