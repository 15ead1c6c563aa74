import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketOf, childPrefixLength, incidence, INCOME_BUCKETS } from './rules.ts';

describe('statistics rules', () => {
  it('computes incidence, including the empty case and the 2% edge', () => {
    assert.equal(incidence(0, 0), 0);
    assert.equal(incidence(2, 100), 0.02);
    assert.equal(incidence(1, 3), 1 / 3);
  });
  it('puts incomes into half-open buckets at the edges', () => {
    const cases: [number, number][] = [
      [-5, 0],
      [0, 0],
      [1999.99, 0],
      [2000, 1],
      [3999.99, 2],
      [4000, 3],
      [15000, INCOME_BUCKETS.length - 1],
      [1e7, INCOME_BUCKETS.length - 1],
    ];
    for (const [income, bucket] of cases) assert.equal(bucketOf(income), bucket, String(income));
  });
  it('names child prefixes by level', () => {
    assert.equal(childPrefixLength('county'), 9);
    assert.equal(childPrefixLength('township'), 12);
    assert.equal(childPrefixLength('village'), 'group');
    assert.equal(childPrefixLength('group'), null);
  });
});
