// The web app's one number formatter (web/src/format.ts): table tests in both languages, edges included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clauses,
  colon,
  count,
  decimal,
  list,
  money,
  paren,
  percent,
  shareOf,
  unitSuffix,
  withUnit,
} from '../web/src/format.ts';

describe('web number format', () => {
  it('writes counts, money, averages and shares one way', () => {
    const cases: [actual: string, expected: string][] = [
      [count(48019, 'zh'), '48,019'],
      [count(48019, 'en'), '48,019'],
      [count(0, 'zh'), '0'],
      [count(null, 'zh'), '—'],
      [count(Number.NaN, 'en'), '—'],
      [money(5880.5, 'zh'), '5,880.50'],
      [money(1234567.891, 'en'), '1,234,567.89'],
      [money(0, 'zh'), '0.00'],
      [money(undefined, 'zh'), '—'],
      [decimal(4.5396, 'zh'), '4.54'],
      [decimal(2, 'zh'), '2'],
      [decimal(2777.777, 'en'), '2,777.78'],
      [percent(0.7203, 0, 'zh'), '72%'],
      [percent(0.032549, 2, 'en'), '3.25%'],
      [percent(1, 0, 'zh'), '100%'],
      [percent(null, 0, 'zh'), '—'],
    ];
    for (const [actual, expected] of cases) assert.equal(actual, expected);
  });

  it('names the units and the punctuation of each language', () => {
    assert.equal(withUnit(1430, 'household', 'zh'), '1,430 户');
    assert.equal(withUnit(1430, 'household', 'en'), '1,430 households');
    assert.equal(withUnit(1, 'person', 'en'), '1 person');
    assert.equal(withUnit(2, 'pair', 'zh'), '2 对');
    assert.equal(withUnit(2, 'pair', 'en'), '2 pairs');
    assert.equal(withUnit(null, 'pair', 'en'), '—');
    assert.equal(unitSuffix('person', 'zh'), '人');
    assert.equal(unitSuffix('person', 'en'), '');
    assert.equal(colon('zh'), '：');
    assert.equal(colon('en'), ': ');
    assert.equal(`刘晓梅${paren('第一书记', 'zh')}`, '刘晓梅（第一书记）');
    assert.equal(`Liu${paren('first secretary', 'en')}`, 'Liu (first secretary)');
    assert.equal(list(['因病', '缺资金'], 'zh'), '因病、缺资金');
    assert.equal(list(['Illness', 'Lack of funds'], 'en'), 'Illness, Lack of funds');
    assert.equal(clauses(['a', 'b'], 'en'), 'a; b');
    assert.equal(shareOf({ count: 479, share: 479 / 665 }, 665, 'zh'), '72%（479/665）');
    assert.equal(shareOf({ count: 4790, share: 4790 / 6650 }, 6650, 'en'), '72% (4,790/6,650)');
    assert.equal(shareOf({ count: 0, share: 0 }, 12, 'en'), '0% (0/12)');
  });
});
