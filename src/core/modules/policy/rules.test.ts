import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PARAM_DEFS } from '../../../shared/policy.ts';
import { paramBounds, paramProblem, POLICY_DEFAULTS, resolveParam, type ParamRow } from './rules.ts';

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

  it('checks each key against the range a county would accept, exactly at the bounds', () => {
    const cases: [string, unknown, boolean][] = [
      ['poverty_line', 1, true],
      ['poverty_line', 100_000, true],
      ['poverty_line', 0, false],
      ['poverty_line', 0.99, false],
      ['poverty_line', 100_000.01, false],
      ['poverty_line', 1e308, false],
      ['poverty_line', 2855.5, true],
      ['monitoring_threshold', 100_000, true],
      ['monitoring_threshold', 100_001, false],
      ['village_exit_incidence', 0, true],
      ['village_exit_incidence', 1, true],
      ['village_exit_incidence', -0.0001, false],
      ['public_approval_min', 1.0001, false],
      ['max_other_causes', 0, true],
      ['max_other_causes', 10, true],
      ['max_other_causes', 11, false],
      ['max_other_causes', 2.5, false],
      ['team_min_size', 1, true],
      ['team_min_size', 50, true],
      ['team_min_size', 0, false],
      ['team_min_size', 51, false],
      ['term_min_months', 1, true],
      ['term_min_months', 120, true],
      ['term_min_months', 121, false],
      ['village_days_min', 0, true],
      ['village_days_min', 366, true],
      ['village_days_min', 367, false],
      ['village_days_min', -1, false],
      ['leave_township_max_days', 366, true],
      ['leave_township_max_days', 366.5, false],
      ['work_fund_per_team', 0, true],
      ['work_fund_per_team', 10_000_000, true],
      ['work_fund_per_team', 10_000_001, false],
      ['pairing_household_cap', 1, true],
      ['pairing_household_cap', 100, true],
      ['pairing_household_cap', 0, false],
      ['pairing_household_cap', 101, false],
      ['cadre_young_age_max', 18, true],
      ['cadre_young_age_max', 70, true],
      ['cadre_young_age_max', 17, false],
      ['cadre_young_age_max', 71, false],
      ['compulsory_education_ages', [0, 25], true],
      ['compulsory_education_ages', [6, 6], true],
      ['compulsory_education_ages', [-1, 15], false],
      ['compulsory_education_ages', [6, 26], false],
      ['compulsory_education_ages', [6.5, 15], false],
      ['compulsory_education_ages', [6, 15, 18], false],
      ['compulsory_education_ages', [6, Infinity], false],
      ['western_provinces', [], true],
    ];
    for (const [key, value, ok] of cases)
      assert.equal(paramProblem(key, value) === null, ok, `${key}=${JSON.stringify(value)}`);
  });

  it('gives every number a finite range, and the shipped defaults are inside it', () => {
    for (const [key, def] of Object.entries(PARAM_DEFS))
      if (def.kind === 'number' || def.kind === 'range')
        assert.ok(def.min !== undefined && def.max !== undefined && def.max < 1e9, `${key} has a range`);
    for (const row of POLICY_DEFAULTS)
      assert.equal(paramProblem(row.key, row.value), null, `${row.key} ${row.year} ${JSON.stringify(row.value)}`);
    assert.deepEqual(paramBounds(PARAM_DEFS.village_exit_incidence!), { min: 0, max: 1, integer: false });
  });

  it('says what is accepted, in Chinese and English', () => {
    assert.deepEqual(paramProblem('poverty_line', 1e308), {
      zh: '应为 1 到 100,000 之间的数（元/人·年）',
      en: 'Must be a number from 1 to 100,000 yuan/person·yr',
    });
    assert.deepEqual(paramProblem('team_min_size', 0), {
      zh: '应为 1 到 50 之间的整数（人）',
      en: 'Must be a whole number from 1 to 50 persons',
    });
    assert.equal(paramProblem('village_exit_incidence', 2)!.zh, '应为 0 到 1 之间的比例');
  });
});
