import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paramProblem, POLICY_DEFAULTS, resolveParam, type ParamRow } from './rules.ts';

describe('policy parameters', () => {
  const rows: ParamRow[] = [
    { key: 'monitoring_threshold', province: '', year: 2022, value: 6500 },
    { key: 'monitoring_threshold', province: '42', year: 2022, value: 6900 },
    { key: 'monitoring_threshold', province: '42', year: 0, value: 7000 },
    { key: 'monitoring_threshold', province: '', year: 0, value: 5000 },
  ];
  it('resolves the most specific value', () => {
    const cases: [number, string, unknown][] = [
      [2022, '42', 6900],
      [2022, '52', 6500],
      [2023, '42', 7000],
      [2023, '52', 5000],
      [2022, '', 6500],
    ];
    for (const [year, province, expected] of cases)
      assert.equal(resolveParam(rows, 'monitoring_threshold', year, province), expected, `${year}/${province}`);
    assert.equal(resolveParam(rows, 'nothing', 2022, '42'), undefined);
  });
  it('ships the poverty lines 2014–2020 and Shiyan 2022 threshold', () => {
    assert.equal(resolveParam(POLICY_DEFAULTS, 'poverty_line', 2014), 2800);
    assert.equal(resolveParam(POLICY_DEFAULTS, 'poverty_line', 2020), 4000);
    assert.equal(resolveParam(POLICY_DEFAULTS, 'monitoring_threshold', 2022, '42'), 6900);
    assert.equal(resolveParam(POLICY_DEFAULTS, 'village_exit_incidence', 2019), 0.02);
  });
  it('checks values by kind', () => {
    const cases: [string, unknown, boolean][] = [
      ['poverty_line', 4000, true],
      ['poverty_line', -1, false],
      ['poverty_line', '4000', false],
      ['village_exit_incidence', 0.02, true],
      ['village_exit_incidence', 1, true],
      ['village_exit_incidence', 1.01, false],
      ['western_provinces', ['52', '53'], true],
      ['western_provinces', ['520'], false],
      ['compulsory_education_ages', [6, 15], true],
      ['compulsory_education_ages', [15, 6], false],
      ['unknown_key', 1, false],
    ];
    for (const [key, value, ok] of cases)
      assert.equal(paramProblem(key, value) === null, ok, `${key}=${JSON.stringify(value)}`);
  });
});
