import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ancestorsOf,
  groupCode,
  isWithin,
  levelOf,
  normalizeCode,
  parentOf,
  shortCode,
  subtreeRange,
} from '../../../shared/regions.ts';
import { commonName, chineseNumber } from './rules.ts';

describe('region code rules', () => {
  it('normalizes short and padded codes, rejects malformed ones', () => {
    const cases: [string, string | null][] = [
      ['42', '420000000000'],
      ['4203', '420300000000'],
      ['420323', '420323000000'],
      ['420323104', '420323104000'],
      ['420323104211', '420323104211'],
      ['420323104211003', '420323104211003'],
      ['420323104211000', null],
      ['4', null],
      ['42032', null],
      ['4203231042110', null],
      ["420323' OR '1'='1", null],
      ['../', null],
      ['', null],
      ['x'.repeat(10000), null],
      ['１２', null],
    ];
    for (const [input, expected] of cases) assert.equal(normalizeCode(input), expected, input);
  });

  it('derives level, short code and parent', () => {
    const cases: [string, string, string, string | null][] = [
      ['000000000000', 'nation', '', null],
      ['420000000000', 'province', '42', '000000000000'],
      ['420300000000', 'city', '4203', '420000000000'],
      ['420323000000', 'county', '420323', '420300000000'],
      ['420323104000', 'township', '420323104', '420323000000'],
      ['420323104211', 'village', '420323104211', '420323104000'],
      ['420323104211003', 'group', '420323104211003', '420323104211'],
    ];
    for (const [code, level, short, parent] of cases) {
      assert.equal(levelOf(code), level, code);
      assert.equal(shortCode(code), short, code);
      assert.equal(parentOf(code), parent, code);
    }
    assert.deepEqual(ancestorsOf('420323104211'), [
      '000000000000',
      '420000000000',
      '420300000000',
      '420323000000',
      '420323104000',
    ]);
  });

  it('computes subtree ranges whose bounds are exact', () => {
    assert.deepEqual(subtreeRange('420323000000'), { lo: '420323000000', hi: '420324000000' });
    assert.deepEqual(subtreeRange('420323104000'), { lo: '420323104000', hi: '420323105000' });
    assert.deepEqual(subtreeRange('420323104211'), { lo: '420323104211', hi: '420323104212' });
    assert.deepEqual(subtreeRange('420323199000'), { lo: '420323199000', hi: '420323200000' });
    assert.deepEqual(subtreeRange('990000000000'), { lo: '990000000000', hi: ':' });
    const inside: [string, string, boolean][] = [
      ['420323104211', '420323000000', true],
      ['420323104211003', '420323104211', true],
      ['420323104211003', '420323104000', true],
      ['420323103211', '420323104000', false],
      ['420323104212', '420323104211', false],
      ['420324000000', '420323000000', false],
      ['420322999999', '420323000000', false],
      ['420323000000', '420323000000', true],
      ['110101001001', '000000000000', true],
      ['420323104211', '420323104211003', false],
    ];
    for (const [code, scope, expected] of inside) assert.equal(isWithin(code, scope), expected, `${code} in ${scope}`);
  });

  it('turns committee names into everyday names', () => {
    const cases: [string, string][] = [
      ['董家沟村委会', '董家沟村'],
      ['丁台村村民委员会', '丁台村'],
      ['张村村委会', '张村'],
      ['多福巷社区居委会', '多福巷社区'],
      ['城关社区居民委员会', '城关社区'],
      ['东华门街道', '东华门街道'],
    ];
    for (const [input, expected] of cases) assert.equal(commonName(input), expected);
  });

  it('names groups with Chinese numerals', () => {
    assert.deepEqual([1, 9, 10, 12, 20, 35].map(chineseNumber), ['一', '九', '十', '十二', '二十', '三十五']);
    assert.equal(groupCode('420323104211', 7), '420323104211007');
  });
});
