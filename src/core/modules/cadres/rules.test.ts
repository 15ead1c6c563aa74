import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ageOn,
  canPairAnother,
  daysBetween,
  fiveOnesGaps,
  leaveApprover,
  overlaps,
  teamBelowMinimum,
  termProblems,
  villagePace,
  type VillageForces,
} from './rules.ts';

const complete: VillageForces = {
  countyLeaders: 1,
  townshipLeaders: 1,
  pairedUnitLevels: ['provincial'],
  firstSecretaries: 1,
  instructors: 1,
};

describe('five ones', () => {
  it('lists exactly what is missing, in order', () => {
    const cases: [Partial<VillageForces>, string[]][] = [
      [{}, []],
      [{ countyLeaders: 0 }, ['county_leader']],
      [{ pairedUnitLevels: ['township'] }, ['paired_unit']],
      [{ pairedUnitLevels: ['township', 'county'] }, []],
      [{ pairedUnitLevels: [] }, ['paired_unit']],
      [{ firstSecretaries: 0, instructors: 0 }, ['first_secretary', 'instructor']],
      [
        { countyLeaders: 0, townshipLeaders: 0, pairedUnitLevels: [], firstSecretaries: 0, instructors: 0 },
        ['county_leader', 'township_leader', 'paired_unit', 'first_secretary', 'instructor'],
      ],
    ];
    for (const [change, gaps] of cases)
      assert.deepEqual(fiveOnesGaps({ ...complete, ...change }), gaps, JSON.stringify(change));
  });
});

describe('stationing', () => {
  it('flags teams below the minimum, not at it', () => {
    assert.equal(teamBelowMinimum(2, 3), true);
    assert.equal(teamBelowMinimum(3, 3), false);
  });
  it('finds overlapping terms with inclusive and open ends', () => {
    const cases: [string, string | null, string, string | null, boolean][] = [
      ['2024-01-01', '2025-12-31', '2026-01-01', null, false],
      ['2024-01-01', '2025-12-31', '2025-12-31', null, true],
      ['2024-01-01', null, '2030-01-01', '2031-01-01', true],
      ['2026-03-01', '2026-03-01', '2026-03-01', '2026-03-01', true],
    ];
    for (const [s1, e1, s2, e2, expected] of cases)
      assert.equal(overlaps({ start: s1, end: e1 }, { start: s2, end: e2 }), expected, `${s1}..${e1} vs ${s2}..${e2}`);
  });
  it('refuses a term that ends before it starts, is too short, or overlaps another village', () => {
    const fields = (start: string, end: string | null, others: { start: string; end: string | null }[] = []) =>
      termProblems({ start, end }, others, 24).map(([f]) => f);
    assert.deepEqual(fields('2026-01-01', '2025-12-31'), ['end']);
    assert.deepEqual(fields('2026-01-01', '2027-12-31'), ['end']); // 23 months and 30 days
    assert.deepEqual(fields('2026-01-01', '2028-01-01'), []); // exactly 24 months
    assert.deepEqual(fields('2026-01-01', null), []);
    assert.deepEqual(fields('2026-01-01', null, [{ start: '2024-01-01', end: '2026-01-01' }]), ['start']);
    assert.deepEqual(fields('2026-01-02', null, [{ start: '2024-01-01', end: '2026-01-01' }]), []);
  });
});

describe('daily management', () => {
  it('sends leave to the township up to the limit and to the county beyond', () => {
    assert.equal(leaveApprover(3, 3), 'township');
    assert.equal(leaveApprover(4, 3), 'county');
    assert.equal(leaveApprover(1, 0), 'county');
  });
  it('counts days inclusively', () => {
    assert.equal(daysBetween('2026-01-01', '2026-01-01'), 1);
    assert.equal(daysBetween('2024-01-01', '2024-12-31'), 366);
  });
  it('prorates the yearly minimum and counts approved leave as present', () => {
    const base = { approvedLeaveDays: 0, stationedSince: '2025-05-01', yearlyMinimum: 200 };
    // 2026-07-02 is day 183 of 365: expected floor(200 × 183 / 365) = 100
    assert.deepEqual(villagePace({ ...base, checkInDays: 100, today: '2026-07-02' }), {
      days: 100,
      expected: 100,
      behind: false,
    });
    assert.deepEqual(villagePace({ ...base, checkInDays: 99, today: '2026-07-02' }), {
      days: 99,
      expected: 100,
      behind: true,
    });
    assert.equal(villagePace({ ...base, checkInDays: 95, approvedLeaveDays: 5, today: '2026-07-02' }).behind, false);
    // stationed mid-year: prorated from the start of the term
    assert.equal(
      villagePace({ ...base, stationedSince: '2026-07-01', checkInDays: 2, today: '2026-07-02' }).expected,
      1,
    );
  });
  it('caps the households per pairing cadre at the parameter', () => {
    assert.equal(canPairAnother(4, 5), true);
    assert.equal(canPairAnother(5, 5), false);
  });
  it('computes ages in whole years, on and before the birthday', () => {
    assert.equal(ageOn('1981-07-02', '2026-07-02'), 45);
    assert.equal(ageOn('1981-07-03', '2026-07-02'), 44);
  });
});
