import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDigit, checkIdNumber, looksLikeLostPrecision, type IdCheckOptions } from './idcard.ts';

/** A valid number from its first 17 digits. */
const id = (first17: string) => first17 + checkDigit(first17);
const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('checkDigit (ISO 7064 MOD 11-2)', () => {
  it('computes the published examples, including X', () => {
    const cases: [string, string][] = [
      ['11010519491231002', 'X'], // the GB 11643 example
      ['44052418800101001', '4'],
      ['42032319900101123', '9'],
    ];
    for (const [first17, want] of cases) assert.equal(checkDigit(first17), want, first17);
  });
  it('refuses anything but 17 digits', () => {
    assert.throws(() => checkDigit('1234'));
    assert.throws(() => checkDigit('4203231990010112X'));
  });
});

describe('checkIdNumber', () => {
  type Case = [
    label: string,
    input: string,
    opts: IdCheckOptions,
    ok: boolean,
    problem: RegExp | null,
    birthDate?: string | null,
  ];
  const today = '2026-11-23';
  const cases: Case[] = [
    ['valid male', id('42032319900101123'), {}, true, null, '1990-01-01'],
    ['valid with X check digit', '11010519491231002X', {}, true, null, '1949-12-31'],
    ['lower-case x is accepted', '11010519491231002x', {}, true, null],
    ['spaces around are trimmed', `  ${id('42032319900101123')} `, {}, true, null],
    ['full-width digits and Ｘ are read as ASCII', fullWidth('11010519491231002X'), {}, true, null],
    ['wrong check digit says which one is right', '420323199001011230', {}, false, /校验位错误，应为 9/],
    ['X where a digit belongs', '110105194912310021', {}, false, /应为 X/],
    ['too short', '42032319900101123', {}, false, /应为 18 位，这里是 17 位/],
    ['too long', '4203231990010112360', {}, false, /这里是 19 位/],
    ['letters', '42032319900101123A', {}, false, /只能由数字组成/],
    ['X not at the end', '4203231990010112X6', {}, false, /只有最后一位/],
    ['empty', '   ', {}, false, /为空/],
    ['29 Feb on a leap year', id('42032320000229123'), {}, true, null, '2000-02-29'],
    ['29 Feb 2020', id('42032320200229123'), {}, true, null],
    ['29 Feb on a non-leap year', id('42032320230229123'), {}, false, /2023-02-29 不存在/, null],
    ['29 Feb 1900 (not a leap year)', id('42032319000229123'), {}, false, /不存在/],
    ['month 13', id('42032319901301123'), {}, false, /不存在/],
    ['1900-01-01 is the first allowed date', id('42032319000101123'), {}, true, null, '1900-01-01'],
    ['before 1900', id('44052418991231001'), {}, false, /早于 1900/],
    ['born exactly today', id('42032320261123123'), { today }, true, null, '2026-11-23'],
    ['born tomorrow', id('42032320261124123'), { today }, false, /晚于今天/, null],
    ['no future check without today', id('42032320991231123'), {}, true, null],
    ['birth date matches the record', id('42032319900101123'), { birthDate: '1990-01-01' }, true, null],
    ['birth date differs from the record', id('42032319900101123'), { birthDate: '1990-01-02' }, false, /不一致/],
    ['odd 17th digit is male', id('42032319900101123'), { gender: 'male' }, true, null],
    ['even 17th digit is female', id('42032319900101124'), { gender: 'female' }, true, null],
    ['gender differs', id('42032319900101123'), { gender: 'female' }, false, /显示为男性/],
    ['unknown province 99', id('99032319900101123'), {}, false, /省份代码/],
    ['province 71 (Taiwan)', id('71000019900101123'), {}, true, null],
    ['province 82 (Macao)', id('82000019900101123'), {}, true, null],
    ['province 16 is not used', id('16032319900101123'), {}, false, /省份代码/],
    ['known county prefix', id('42032319900101123'), { knownPrefix: (p) => p === '420323' }, true, null],
    ['unknown county prefix', id('42099919900101123'), { knownPrefix: (p) => p === '420323' }, false, /420999/],
    ['Excel scientific notation', '4.20323E+17', {}, false, /精度已丢失/],
    ['Excel rounded to 15 digits', '420323199001010000', {}, false, /精度已丢失/],
  ];
  for (const [label, input, opts, ok, problem, birthDate] of cases) {
    it(label, () => {
      const r = checkIdNumber(input, opts);
      assert.equal(r.ok, ok, JSON.stringify(r.problems));
      if (problem)
        assert.ok(
          r.problems.some((p) => problem.test(p.zh)),
          JSON.stringify(r.problems),
        );
      else assert.deepEqual(r.problems, []);
      for (const p of r.problems) assert.ok(p.en.length > 0, 'every problem has an English message');
      if (birthDate !== undefined) assert.equal(r.birthDate, birthDate);
    });
  }

  it('returns the normalized number, birth date and gender', () => {
    assert.deepEqual(checkIdNumber(` ${fullWidth('11010519491231002')}x`), {
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      problems: [],
    });
  });
  it('reports several problems at once', () => {
    const r = checkIdNumber('990323202302291231', { gender: 'female' });
    assert.equal(r.problems.length, 4); // check digit, province, date, gender
    assert.equal(r.normalized, '990323202302291231');
  });
  it('speaks English too', () => {
    assert.match(checkIdNumber('420323199001011230').problems[0]!.en, /wrong check digit, should be 9/i);
  });
});

describe('looksLikeLostPrecision', () => {
  const cases: [string, boolean][] = [
    ['4.20323E+17', true],
    ['4.20323199001011E+17', true],
    ['4.2E17', true],
    ['420323199001010000', true],
    ['420323199001010000.0', true],
    [id('42032319900101123'), false],
    ['11010519491231002X', false],
    ['420323199001011230', false], // a wrong check digit, but not Excel damage
    ['42032319900101', false],
  ];
  for (const [input, want] of cases) it(`${input} → ${want}`, () => assert.equal(looksLikeLostPrecision(input), want));
  it('a valid number that happens to end in 000 is not damage', () => {
    // find a valid number ending in 000 (sequence …00 with check digit 0)
    let valid = '';
    for (let n = 0; n < 1000 && !valid; n++) {
      const first17 = `420323${19900101 + (n % 28)}${Math.floor(n / 28) % 10}00`;
      if (checkDigit(first17) === '0') valid = `${first17}0`;
    }
    assert.ok(valid, 'found a sample');
    assert.equal(looksLikeLostPrecision(valid), false);
  });
});
