import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exitEligibility, type ExitRecord } from './eligibility.ts';

const met: ExitRecord = { perCapitaIncome: 4500, food_clothing: 1, education: 1, medical: 1, housing: 1, water: 1 };
const line = { povertyLine: 4000 };

describe('exit eligibility (脱贫退出标准)', () => {
  const cases: [label: string, record: ExitRecord | null, eligible: boolean, reasons: RegExp[]][] = [
    ['income above the line, all met', met, true, []],
    [
      'income exactly at the line',
      { ...met, perCapitaIncome: 4000 },
      false,
      [/收入未超过当年贫困线（4000 元 ≤ 4000 元）/],
    ],
    ['a cent above the line', { ...met, perCapitaIncome: 4000.01 }, true, []],
    ['a cent below the line', { ...met, perCapitaIncome: 3999.99 }, false, [/3999\.99 元 ≤ 4000 元/]],
    ['float noise does not make 4000 exceed the line', { ...met, perCapitaIncome: 3999.999999999 }, false, [/贫困线/]],
    ['housing not safe', { ...met, housing: 0 }, false, [/^住房安全未保障$/]],
    ['water not recorded', { ...met, water: null }, false, [/“饮水安全有保障”指标未填报/]],
    ['income not recorded', { ...met, perCapitaIncome: null }, false, [/人均纯收入未填报/]],
    [
      'everything wrong at once',
      { perCapitaIncome: 1200, food_clothing: 0, education: 0, medical: null, housing: 0, water: 1 },
      false,
      [/贫困线/, /吃穿/, /义务教育未保障/, /基本医疗有保障”指标未填报/, /住房安全未保障/],
    ],
    ['no record for the year', null, false, [/没有收入/]],
  ];
  for (const [label, record, eligible, reasons] of cases) {
    it(label, () => {
      const r = exitEligibility(record, line);
      assert.equal(r.eligible, eligible);
      assert.equal(r.reasons.length, reasons.length, JSON.stringify(r.reasons));
      reasons.forEach((re, i) => assert.match(r.reasons[i]!.zh, re));
      for (const m of r.reasons) assert.ok(m.en.length > 0);
    });
  }
  it('takes the line as a parameter', () => {
    assert.equal(exitEligibility({ ...met, perCapitaIncome: 4200 }, { povertyLine: 4300 }).eligible, false);
    assert.equal(exitEligibility({ ...met, perCapitaIncome: 4200 }, { povertyLine: 4100 }).eligible, true);
  });
  it('reads numeric strings from the database as numbers', () => {
    const fromPg = { ...met, perCapitaIncome: '4000.00' as unknown as number, housing: '1' as unknown as number };
    assert.equal(exitEligibility(fromPg, line).eligible, false);
  });
});
