import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StationRole } from '../../../shared/forces.ts';
import { checkDigit } from '../households/idcard.ts';
import {
  ageOn,
  bornAfterForMaxAge,
  cadreProblems,
  dayAfter,
  endProblems,
  isIsoDate,
  recallProblems,
  stationActiveOn,
  stationProblems,
  type OtherStation,
  type StationDates,
  type StationDraft,
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
    assert.deepEqual(fields('2026-01-01', '2027-12-30'), ['end']); // 23 months and 30 days (ends inclusive)
    assert.deepEqual(fields('2026-01-01', '2027-12-31'), []); // exactly 24 months
    assert.deepEqual(fields('2025-03-01', '2027-02-28'), []); // exactly 24 months
    assert.deepEqual(fields('2025-03-01', '2027-02-27'), ['end']); // one day short
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
  it('turns an age limit into a birth-date bound that agrees with ageOn, leap days included', () => {
    const cases: [on: string, maxAge: number, birth: string, young: boolean][] = [
      ['2026-11-23', 45, '1980-11-24', true], // 45 until tomorrow
      ['2026-11-23', 45, '1980-11-23', false], // 46 today
      ['2026-11-23', 45, '1981-11-23', true], // exactly 45 today
      ['2028-02-29', 45, '1982-03-01', true],
      ['2028-02-29', 45, '1982-02-28', false],
      ['2026-02-28', 45, '1980-02-29', true], // born on a leap day: 46 only on 1 March
      ['2026-03-01', 45, '1980-02-29', false],
      ['2026-01-01', 0, '2025-01-02', true],
      ['2026-01-01', 0, '2025-01-01', false],
    ];
    for (const [on, maxAge, birth, young] of cases) {
      assert.equal(birth > bornAfterForMaxAge(on, maxAge), young, `${birth} on ${on}`);
      assert.equal(ageOn(birth, on) <= maxAge, young, `${birth} on ${on} (ageOn)`);
    }
  });
});

describe('stationing records', () => {
  it('accepts only real calendar dates', () => {
    const cases: [string | null, boolean][] = [
      ['2026-02-28', true],
      ['2024-02-29', true],
      ['2026-02-29', false],
      ['2026-13-01', false],
      ['2026-1-01', false],
      ['', false],
      [null, false],
    ];
    for (const [s, ok] of cases) assert.equal(isIsoDate(s), ok, String(s));
  });

  it('finds the next calendar day across months, years and leap days', () => {
    const cases: [string, string][] = [
      ['2026-11-23', '2026-11-24'],
      ['2026-11-30', '2026-12-01'],
      ['2026-12-31', '2027-01-01'],
      ['2028-02-28', '2028-02-29'],
      ['2027-02-28', '2027-03-01'],
    ];
    for (const [day, next] of cases) assert.equal(dayAfter(day), next, day);
  });

  it('keeps a term in force from its start to its actual end, inclusively, past the planned end', () => {
    const cases: [string, string | null, string | null, string, boolean][] = [
      // start, planned end, ended on, day, active
      ['2025-03-01', '2027-02-28', null, '2026-11-23', true],
      ['2025-03-01', '2027-02-28', null, '2027-02-28', true],
      ['2025-03-01', '2027-02-28', null, '2027-03-01', true], // past the plan, not ended
      ['2025-03-01', '2027-02-28', '2026-06-30', '2026-06-30', true],
      ['2025-03-01', '2027-02-28', '2026-06-30', '2026-07-01', false],
      ['2025-03-01', '2026-02-28', '2026-06-30', '2026-05-01', true], // extended beyond the plan
      ['2025-03-01', null, null, '2099-01-01', true],
      ['2026-12-01', null, null, '2026-11-30', false], // not started yet
    ];
    for (const [startDate, endDate, endedOn, day, active] of cases) {
      assert.equal(
        stationActiveOn({ startDate, endDate, endedOn }, day),
        active,
        `${startDate}..${endDate}/${endedOn} on ${day}`,
      );
    }
  });

  const draft: StationDraft = {
    role: 'first_secretary',
    villageCode: 'V1',
    regionLevel: 'village',
    startDate: '2026-03-01',
    endDate: '2028-02-29', // two full years
  };
  const other = (o: Partial<OtherStation>): OtherStation => ({
    role: 'team_member',
    regionCode: 'V2',
    startDate: '2024-03-01',
    endDate: '2026-02-28',
    endedOn: null,
    ...o,
  });

  it('refuses a second village at once, ends before starts, short terms, wrong regions and teams', () => {
    const cases: [string, Partial<StationDraft>, OtherStation[], string[]][] = [
      ['clean', {}, [], []],
      ['open term', { endDate: null }, [], []],
      ['24 months and a day', { endDate: '2028-03-01' }, [], []],
      ['a day short of 24 months', { endDate: '2028-02-28' }, [], ['endDate']],
      [
        'a group, ending before it starts',
        { endDate: '2026-02-28', regionLevel: 'group' },
        [],
        ['regionCode', 'endDate'],
      ],
      ['ends before it starts', { endDate: '2026-02-28' }, [], ['endDate']],
      ['a township', { regionLevel: 'township' }, [], ['regionCode']],
      ['previous term ended the day before', {}, [other({ endedOn: '2026-02-28' })], []],
      ['previous term past its planned end, not ended', {}, [other({})], ['startDate']],
      ['previous term planned to run on', {}, [other({ endDate: '2026-03-01' })], ['startDate']],
      ['previous term ended early by rotation', {}, [other({ endDate: '2027-12-31', endedOn: '2026-02-20' })], []],
      ['previous term ended late', {}, [other({ endedOn: '2026-03-05' })], ['startDate']],
      ['an open term elsewhere', {}, [other({ endDate: null })], ['startDate']],
      ['a later term elsewhere', { endDate: '2028-02-29' }, [other({ startDate: '2028-03-01', endDate: null })], []],
      [
        'a later term elsewhere starting inside',
        {},
        [other({ startDate: '2028-02-29', endDate: null })],
        ['startDate'],
      ],
      [
        'team leader in the same village at once',
        {},
        [other({ role: 'team_leader', regionCode: 'V1', endDate: null })],
        [],
      ],
      [
        'same role, same village at once',
        {},
        [other({ role: 'first_secretary', regionCode: 'V1', endDate: null })],
        ['role'],
      ],
      ['a link elsewhere does not count', {}, [other({ role: 'county_leader', endDate: null })], []],
      ['team of the village', { teamVillage: 'V1' }, [], []],
      ['team of another village', { teamVillage: 'V2' }, [], ['teamId']],
      [
        'link: several villages, no minimum',
        { role: 'county_leader', endDate: '2026-06-30' },
        [other({ role: 'county_leader', endDate: null })],
        [],
      ],
      ['link: ends before it starts', { role: 'instructor', endDate: '2026-02-01' }, [], ['endDate']],
      ['link in a team', { role: 'township_leader', teamVillage: 'V1' }, [], ['teamId']],
      [
        'link twice in one village',
        { role: 'county_leader' },
        [other({ role: 'county_leader', regionCode: 'V1', endDate: null })],
        ['role'],
      ],
    ];
    for (const [name, change, others, fields] of cases)
      assert.deepEqual(
        stationProblems({ ...draft, ...change }, others, 24).map(([f]) => f),
        fields,
        name,
      );
  });

  it('recalls only an active stationed cadre, effective within the term', () => {
    const s: StationDates & { role: StationRole } = {
      role: 'team_member',
      startDate: '2025-03-01',
      endDate: '2027-02-28',
      endedOn: null,
    };
    const cases: [string, Partial<typeof s>, string, string[]][] = [
      ['fine', {}, '2026-12-01', []],
      ['on the first day', {}, '2025-03-01', []],
      ['before the start', {}, '2025-02-28', ['effectiveDate']],
      ['on the planned end', {}, '2027-02-28', []],
      ['after the planned end (still in force)', {}, '2027-03-01', []],
      ['a link', { role: 'instructor' }, '2026-12-01', ['stationId']],
      ['already ended', { endedOn: '2026-10-01' }, '2026-12-01', ['stationId']],
      ['past its planned end, not ended', { endDate: '2026-01-01' }, '2026-12-01', []],
      ['not started yet', { startDate: '2026-12-01' }, '2026-12-01', ['stationId']],
    ];
    for (const [name, change, effective, fields] of cases)
      assert.deepEqual(
        recallProblems({ ...s, ...change }, effective, '2026-11-23').map(([f]) => f),
        fields,
        name,
      );
  });

  it('ends a stationing on or after its start', () => {
    const s = { startDate: '2025-03-01', endDate: '2027-02-28', endedOn: null };
    assert.deepEqual(endProblems(s, '2025-03-01'), []);
    assert.deepEqual(
      endProblems(s, '2025-02-28').map(([f]) => f),
      ['endedOn'],
    );
  });
});

describe('cadre records', () => {
  const id = (birth: string, male = true) => {
    const first17 = `420323${birth.replaceAll('-', '')}01${male ? 1 : 2}`;
    return first17 + checkDigit(first17);
  };
  it('checks the birth date and the ID number against each other', () => {
    const cases: [string, Parameters<typeof cadreProblems>[0], string[]][] = [
      ['empty', {}, []],
      ['birth date only', { birthDate: '1985-06-01' }, []],
      ['not a date', { birthDate: '1985-02-30' }, ['birthDate']],
      ['today', { birthDate: '2026-11-23' }, ['birthDate']],
      ['future', { birthDate: '2027-01-01' }, ['birthDate']],
      ['ID agrees', { birthDate: '1985-06-01', gender: 'male', idNumber: id('1985-06-01') }, []],
      ['ID of another birth date', { birthDate: '1985-06-02', idNumber: id('1985-06-01') }, ['idNumber']],
      ['ID of a woman', { gender: 'male', idNumber: id('1985-06-01', false) }, ['idNumber']],
      ['check digit', { idNumber: id('1985-06-01').slice(0, 17) + 'Y' }, ['idNumber']],
      [
        'wrong check digit',
        { idNumber: `${id('1985-06-01').slice(0, 17)}${id('1985-06-01').endsWith('0') ? '1' : '0'}` },
        ['idNumber'],
      ],
      ['short', { idNumber: '42032319850601' }, ['idNumber']],
    ];
    for (const [name, input, fields] of cases)
      assert.deepEqual([...new Set(cadreProblems(input, '2026-11-23').problems.map(([f]) => f))], fields, name);
  });
  it('fills the birth date and gender from a valid ID number, and cleans it', () => {
    const r = cadreProblems({ idNumber: ` ${id('1990-01-31', false).toLowerCase()} ` }, '2026-11-23');
    assert.deepEqual(r, { problems: [], idNumber: id('1990-01-31', false), birthDate: '1990-01-31', gender: 'female' });
  });
});
