import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskIdNumber, maskPhone } from './mask.ts';

describe('masking', () => {
  it('masks phones', () => {
    const cases: [string | null, string | null][] = [
      ['13812345678', '138****5678'],
      ['0719-3221234', '071****1234'],
      ['1234567', '123****4567'],
      ['123', '**3'],
      [null, null],
    ];
    for (const [input, expected] of cases) assert.equal(maskPhone(input), expected, String(input));
  });
  it('masks ID numbers keeping region prefix and last four', () => {
    assert.equal(maskIdNumber('42032319900101123X'), '420323********123X');
    assert.equal(maskIdNumber('1234567890'), '**********');
  });
});
