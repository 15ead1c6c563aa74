import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLE_PERMISSIONS } from '../../access/permissions.ts';
import { isWithin, subtreeRange } from '../../../shared/regions.ts';
import { daysBetween, leaveApprover, villagePace } from '../cadres/rules.ts';
import {
  addDays,
  approverRegion,
  decidedLevels,
  assessmentProblems,
  checkInProblems,
  expiresInDays,
  isIsoDay,
  kindOfPeriod,
  leaveHitsRecall,
  paceWindow,
  periodRange,
  spendingProblems,
  toCents,
  unionDays,
  type StationTerm,
} from './rules.ts';

describe('dates', () => {
  it('accepts real calendar days only', () => {
    const cases: [string, boolean][] = [
      ['2026-02-28', true],
      ['2028-02-29', true],
      ['2026-02-29', false],
      ['2026-13-01', false],
      ['2026-1-01', false],
      ['20260101', false],
    ];
    for (const [s, ok] of cases) assert.equal(isIsoDay(s), ok, s);
  });
  it('adds days across months and years', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-11-23', 0), '2026-11-23');
  });
});

describe('assessment periods', () => {
  it('maps periods to date ranges and refuses periods that do not fit the kind', () => {
    const cases: [kind: 'half_year' | 'annual', period: string, range: [string, string] | null][] = [
      ['half_year', '2026H1', ['2026-01-01', '2026-06-30']],
      ['half_year', '2026H2', ['2026-07-01', '2026-12-31']],
      ['annual', '2026', ['2026-01-01', '2026-12-31']],
      ['half_year', '2026', null],
      ['annual', '2026H1', null],
      ['half_year', '2026H3', null],
      ['half_year', '2026h1', null],
      ['annual', '26', null],
      ['annual', '', null],
    ];
    for (const [kind, period, range] of cases) {
      const r = periodRange(kind, period);
      assert.deepEqual(r && [r.from, r.to], range, `${kind} ${period}`);
    }
    assert.equal(kindOfPeriod('2026H2'), 'half_year');
    assert.equal(kindOfPeriod('2026'), 'annual');
    assert.equal(kindOfPeriod('2026H0'), null);
  });

  it('names the field of each problem: period shape, a period not begun, the score range', () => {
    const today = '2026-11-23';
    const fields = (kind: 'half_year' | 'annual', period: string, score?: number | null) =>
      assessmentProblems({ kind, period, score, today }).map(([f]) => f);
    const cases: [ReturnType<typeof fields>, string[]][] = [
      [fields('half_year', '2026H2', 88), []],
      [fields('annual', '2026', null), []],
      [fields('annual', '2026', 0), []],
      [fields('annual', '2026', 100), []],
      [fields('annual', '2026', 101), ['score']],
      [fields('annual', '2026', -1), ['score']],
      [fields('annual', '2026', 80.5), ['score']],
      [fields('annual', '2026H1'), ['period']],
      [fields('half_year', '2027H1'), ['period']],
      [fields('annual', '2027', 200), ['period', 'score']],
    ];
    for (const [got, want] of cases) assert.deepEqual(got, want);
    // a period that begins today is allowed
    assert.deepEqual(
      assessmentProblems({ kind: 'half_year', period: '2026H2', today: '2026-07-01' }).map(([f]) => f),
      [],
    );
  });
});

describe('pace window and days in the village', () => {
  const fs = (start: string, endedOn: string | null = null): StationTerm => ({
    role: 'first_secretary',
    start,
    endedOn,
  });
  it('runs from the first stationed day of the year to today, the year end or the last term end', () => {
    const cases: [string, number, string, StationTerm[], [string, string] | null][] = [
      ['stationed before the year', 2026, '2026-11-23', [fs('2025-03-01')], ['2026-01-01', '2026-11-23']],
      ['stationed mid-year', 2026, '2026-11-23', [fs('2026-04-01')], ['2026-04-01', '2026-11-23']],
      ['a past year runs to its end', 2025, '2026-11-23', [fs('2025-03-01')], ['2025-03-01', '2025-12-31']],
      ['recalled mid-year', 2026, '2026-11-23', [fs('2025-03-01', '2026-05-31')], ['2026-01-01', '2026-05-31']],
      ['ended on the first day', 2026, '2026-11-23', [fs('2025-03-01', '2026-01-01')], ['2026-01-01', '2026-01-01']],
      [
        'rotated: the open term wins',
        2026,
        '2026-11-23',
        [fs('2025-03-01', '2026-02-28'), fs('2026-03-01')],
        ['2026-01-01', '2026-11-23'],
      ],
      ['starts after today', 2026, '2026-11-23', [fs('2026-12-01')], null],
      ['ended before the year', 2026, '2026-11-23', [fs('2024-03-01', '2025-12-31')], null],
      ['a future year', 2027, '2026-11-23', [fs('2025-03-01')], null],
      [
        'linked roles do not count',
        2026,
        '2026-11-23',
        [{ role: 'county_leader', start: '2025-01-01', endedOn: null }],
        null,
      ],
    ];
    for (const [name, year, today, terms, want] of cases) {
      const w = paceWindow(year, today, terms);
      assert.deepEqual(w && [w.since, w.until], want, name);
    }
  });

  it('is behind one day under the prorated minimum, not at it (exactly the minimum is enough)', () => {
    const w = paceWindow(2025, '2026-11-23', [fs('2024-03-01')])!;
    const pace = (checkInDays: number, approvedLeaveDays: number) =>
      villagePace({ checkInDays, approvedLeaveDays, today: w.until, stationedSince: w.since, yearlyMinimum: 200 });
    assert.deepEqual(pace(200, 0), { days: 200, expected: 200, behind: false });
    assert.deepEqual(pace(190, 10), { days: 200, expected: 200, behind: false });
    assert.deepEqual(pace(199, 0), { days: 199, expected: 200, behind: true });
    // half a year in: 200 × 181 / 365 = 99.18 → 99 expected
    const half = paceWindow(2026, '2026-06-30', [fs('2025-03-01')])!;
    const at = (days: number) =>
      villagePace({
        checkInDays: days,
        approvedLeaveDays: 0,
        today: half.until,
        stationedSince: half.since,
        yearlyMinimum: 200,
      });
    assert.equal(at(99).expected, 99);
    assert.equal(at(99).behind, false);
    assert.equal(at(98).behind, true);
  });

  it('counts distinct days of leave intervals, clipped', () => {
    const cases: [string, { start: string; end: string }[], string, string, number][] = [
      ['none', [], '2026-01-01', '2026-12-31', 0],
      ['one', [{ start: '2026-03-01', end: '2026-03-03' }], '2026-01-01', '2026-12-31', 3],
      [
        'overlapping',
        [
          { start: '2026-03-01', end: '2026-03-05' },
          { start: '2026-03-04', end: '2026-03-06' },
        ],
        '2026-01-01',
        '2026-12-31',
        6,
      ],
      [
        'adjacent',
        [
          { start: '2026-03-01', end: '2026-03-02' },
          { start: '2026-03-03', end: '2026-03-03' },
        ],
        '2026-01-01',
        '2026-12-31',
        3,
      ],
      ['clipped at both ends', [{ start: '2025-12-30', end: '2026-01-02' }], '2026-01-01', '2026-01-01', 1],
      ['after the window', [{ start: '2026-12-01', end: '2026-12-03' }], '2026-01-01', '2026-11-23', 0],
    ];
    for (const [name, intervals, from, to, want] of cases) assert.equal(unionDays(intervals, from, to), want, name);
  });
});

describe('check-in', () => {
  it('refuses a future day and an away day without a reason; today is fine', () => {
    const today = '2026-11-23';
    const cases: [string, boolean, string | null, string[]][] = [
      ['2026-11-23', true, null, []],
      ['2026-11-22', false, 'meeting', []],
      ['2026-11-24', true, null, ['day']],
      ['2026-11-22', false, null, ['awayReason']],
      ['2027-01-01', false, '', ['day', 'awayReason']],
    ];
    for (const [day, present, awayReason, want] of cases)
      assert.deepEqual(
        checkInProblems({ day, today, present, awayReason }).map(([f]) => f),
        want,
        `${day} ${present}`,
      );
  });
});

describe('leave', () => {
  it('goes to the township exactly at the limit and to the county one day beyond', () => {
    const cases: [string, string, number, 'township' | 'county'][] = [
      ['2026-03-01', '2026-03-01', 1, 'township'],
      ['2026-03-01', '2026-03-03', 3, 'township'],
      ['2026-03-01', '2026-03-04', 4, 'county'],
      ['2026-02-27', '2026-03-02', 4, 'county'],
    ];
    for (const [start, end, days, approver] of cases) {
      assert.equal(daysBetween(start, end), days, `${start}..${end}`);
      assert.equal(leaveApprover(daysBetween(start, end), 3), approver, `${start}..${end}`);
    }
  });

  it('overlaps a recall effective on or before its last day', () => {
    assert.equal(leaveHitsRecall('2026-05-10', '2026-05-10'), true);
    assert.equal(leaveHitsRecall('2026-05-10', '2026-05-01'), true);
    assert.equal(leaveHitsRecall('2026-05-10', '2026-05-11'), false);
  });

  it('is decided by a township only at township level inside it, by a county anywhere inside it', () => {
    const inLeigu = '420323104211';
    const inBaofeng = '420323103211';
    const cases: [
      string,
      { role: 'admin' | 'county' | 'township' | 'village'; scopeCode: string }[],
      'township' | 'county',
      string,
      boolean,
    ][] = [
      ['township, short, own', [{ role: 'township', scopeCode: '420323104000' }], 'township', inLeigu, true],
      ['township, long, own', [{ role: 'township', scopeCode: '420323104000' }], 'county', inLeigu, false],
      ['township, short, other', [{ role: 'township', scopeCode: '420323104000' }], 'township', inBaofeng, false],
      ['county, long, own', [{ role: 'county', scopeCode: '420323000000' }], 'county', inBaofeng, true],
      ['county, short, own', [{ role: 'county', scopeCode: '420323000000' }], 'township', inLeigu, true],
      ['county, other county', [{ role: 'county', scopeCode: '420322000000' }], 'township', inLeigu, false],
      ['village never', [{ role: 'village', scopeCode: inLeigu }], 'township', inLeigu, false],
      ['admin anywhere', [{ role: 'admin', scopeCode: '000000000000' }], 'county', inLeigu, true],
      ['admin of a province', [{ role: 'admin', scopeCode: '420000000000' }], 'county', inLeigu, true],
      [
        'two grants: the township one covers',
        [
          { role: 'village', scopeCode: inBaofeng },
          { role: 'township', scopeCode: '420323104000' },
        ],
        'township',
        inLeigu,
        true,
      ],
    ];
    for (const [name, grants, approver, regionCode, want] of cases) {
      // The regions where the grants hold leave.approve (roles → permissions is the access table's business).
      const scopes = grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('leave.approve')).map((g) => g.scopeCode);
      // One leave (its detail, a decision): the deciding region lies in a scope.
      const oneRow = scopes.some((s) => isWithin(approverRegion(regionCode, approver), s));
      assert.equal(oneRow, want, name);
      // The inbox: per range of the scope, the leaves inside it at the levels it decides.
      const inbox = scopes.some((s) => isWithin(regionCode, s) && decidedLevels(subtreeRange(s)).includes(approver));
      assert.equal(inbox, want, `${name} (inbox)`);
    }
  });

  it('finds the deciding region and the levels a scope decides', () => {
    assert.equal(approverRegion('420323104211', 'township'), '420323104000');
    assert.equal(approverRegion('420323104211', 'county'), '420323000000');
    const cases: [string, string[]][] = [
      ['000000000000', ['township', 'county']],
      ['420000000000', ['township', 'county']],
      ['420300000000', ['township', 'county']],
      ['420323000000', ['township', 'county']],
      ['420323104000', ['township']],
      ['420323104211', []],
    ];
    for (const [scope, levels] of cases) assert.deepEqual(decidedLevels(subtreeRange(scope)), levels, scope);
  });
});

describe('insurance and funds', () => {
  it('counts days to expiry from today', () => {
    const cases: [string, number][] = [
      ['2026-11-23', 0],
      ['2026-11-24', 1],
      ['2026-12-23', 30],
      ['2026-11-22', -1],
    ];
    for (const [end, n] of cases) assert.equal(expiresInDays(end, '2026-11-23'), n, end);
  });

  it('allows spending up to the balance exactly, not a cent more, and only positive amounts', () => {
    const cases: [number, number, string[]][] = [
      [toCents(50000), toCents(50000), []],
      [toCents(0.01), toCents(0.01), []],
      [toCents(50000.01), toCents(50000), ['amount']],
      [0, toCents(50000), ['amount']],
      [-100, toCents(50000), ['amount']],
    ];
    for (const [amount, balance, want] of cases)
      assert.deepEqual(
        spendingProblems(amount, balance).map(([f]) => f),
        want,
        `${amount} of ${balance}`,
      );
    assert.equal(toCents(0.1 + 0.2), 30);
  });
});
