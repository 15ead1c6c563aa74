import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countsAsPairedUnit,
  DAY_BUCKETS,
  dayBucketOf,
  dayDistribution,
  isActiveUntil,
  isBachelorOrHigher,
  isCurrentStation,
  isYoung,
  perCadreDistribution,
  profileShares,
  ratio,
} from './forces-rules.ts';

const TODAY = '2026-11-23';

describe('help-force statistics rules', () => {
  it('divides safely', () => {
    const cases: [number, number, number][] = [
      [0, 0, 0],
      [3, 0, 0],
      [0, 5, 0],
      [1, 4, 0.25],
      [665, 239, 665 / 239],
    ];
    for (const [c, t, r] of cases) assert.equal(ratio(c, t), r, `${c}/${t}`);
  });

  it('is current from the start day through the ended day', () => {
    const cases: [string, string | null, boolean][] = [
      ['2026-11-23', null, true], // starts today
      ['2026-11-24', null, false], // starts tomorrow
      ['2025-03-01', '2026-11-23', true], // ends today
      ['2025-03-01', '2026-11-22', false], // ended yesterday
      ['2025-03-01', null, true],
    ];
    for (const [start, endedOn, want] of cases)
      assert.equal(isCurrentStation({ start, endedOn }, TODAY), want, `${start}..${endedOn}`);
    assert.equal(isActiveUntil(null, TODAY), true);
    assert.equal(isActiveUntil(TODAY, TODAY), true);
    assert.equal(isActiveUntil('2026-11-22', TODAY), false);
  });

  it('counts 45 today as young and 46 as not, the day before the birthday too', () => {
    const cases: [string | null, boolean][] = [
      ['1981-11-23', true], // 45 today
      ['1980-11-24', true], // 45, turns 46 tomorrow
      ['1980-11-23', false], // 46 today
      ['1970-01-01', false],
      ['2000-01-01', true],
      [null, false],
      ['', false],
    ];
    for (const [birth, want] of cases) assert.equal(isYoung(birth, TODAY, 45), want, String(birth));
    assert.equal(isYoung('1980-11-23', TODAY, 46), true, 'the threshold is a parameter');
  });

  it('counts bachelor, master and doctor as bachelor or higher', () => {
    const cases: [string | null, boolean][] = [
      ['senior', false],
      ['college', false],
      ['bachelor', true],
      ['master', true],
      ['doctor', true],
      [null, false],
      ['unknown', false],
    ];
    for (const [edu, want] of cases) assert.equal(isBachelorOrHigher(edu), want, String(edu));
  });

  it('computes profile shares over distinct cadres', () => {
    const p = profileShares(
      [
        { birthDate: '1981-11-23', education: 'bachelor' },
        { birthDate: '1980-11-23', education: 'college' },
        { birthDate: null, education: 'master' },
        { birthDate: '1990-01-01', education: null },
      ],
      TODAY,
      45,
    );
    assert.deepEqual(p, {
      total: 4,
      aged45OrUnder: { count: 2, share: 0.5 },
      bachelorOrHigher: { count: 2, share: 0.5 },
    });
    assert.deepEqual(profileShares([], TODAY, 45).aged45OrUnder, { count: 0, share: 0 });
  });

  it('buckets days with inclusive ends', () => {
    const cases: [number, number][] = [
      [0, 0],
      [49, 0],
      [50, 1],
      [99, 1],
      [100, 2],
      [149, 2],
      [150, 3],
      [199, 3],
      [200, 4],
      [366, 4],
      [-1, 0],
    ];
    for (const [d, b] of cases) assert.equal(dayBucketOf(d), b, String(d));
    assert.equal(DAY_BUCKETS.length, 5);
    assert.deepEqual(dayDistribution([0, 49, 50, 199, 200, 250]), [
      { lo: 0, hi: 49, cadres: 2 },
      { lo: 50, hi: 99, cadres: 1 },
      { lo: 100, hi: 149, cadres: 0 },
      { lo: 150, hi: 199, cadres: 1 },
      { lo: 200, hi: null, cadres: 2 },
    ]);
  });

  it('merges and orders the households-per-cadre distribution', () => {
    assert.deepEqual(
      perCadreDistribution([
        { households: 5, cadres: 2 },
        { households: 1, cadres: 3 },
        { households: 5, cadres: 1 },
        { households: 0, cadres: 9 },
      ]),
      [
        { households: 1, cadres: 3 },
        { households: 5, cadres: 3 },
      ],
    );
  });

  it('lets only a county-or-higher unit fill the paired-unit one', () => {
    const cases: [string, boolean][] = [
      ['central', true],
      ['provincial', true],
      ['city', true],
      ['county', true],
      ['township', false],
      ['other', false],
    ];
    for (const [level, want] of cases) assert.equal(countsAsPairedUnit(level), want, level);
  });
});
