import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaDateTime } from '../../../shared/china-time.ts';
import { addWorkdays, at, isWorkday, officeTime, workdayBetween, workdayFrom, workdayUntil } from './calendar.ts';
import { rng } from './random.ts';

test('working days: weekdays except New Year, 1–3 May and the National Day week', () => {
  const cases: [string, boolean][] = [
    ['2026-11-20', true], // Friday
    ['2026-11-21', false], // Saturday
    ['2026-11-22', false], // Sunday
    ['2026-01-01', false], // New Year, a Thursday
    ['2026-05-01', false],
    ['2026-05-04', true],
    ['2026-10-07', false], // Wednesday in the National Day week
    ['2026-10-08', true],
  ];
  for (const [day, work] of cases) assert.equal(isWorkday(day), work, day);
});

test('moving by working days, and to the nearest working day', () => {
  assert.equal(addWorkdays('2026-11-20', 1), '2026-11-23'); // Friday → Monday
  assert.equal(addWorkdays('2026-11-23', -1), '2026-11-20');
  assert.equal(addWorkdays('2026-09-30', 1), '2026-10-08'); // over the National Day week
  assert.equal(addWorkdays('2026-11-18', 0), '2026-11-18');
  assert.equal(workdayFrom('2026-11-21'), '2026-11-23');
  assert.equal(workdayUntil('2026-11-22'), '2026-11-20');
  assert.equal(workdayFrom('2026-11-20'), '2026-11-20');
  const r = rng(1);
  for (let i = 0; i < 200; i++) {
    const d = workdayBetween(r, '2026-11-21', '2026-11-24');
    assert.ok(isWorkday(d) && d >= '2026-11-20' && d <= '2026-11-24', d);
  }
});

test('timestamps are China office hours kept as UTC instants', () => {
  assert.equal(at('2026-03-02', 9), '2026-03-02T01:00:00.000Z');
  assert.equal(at('2026-03-02', 17, 45), '2026-03-02T09:45:00.000Z');
  assert.equal(at('2026-03-02', 7, 30), '2026-03-01T23:30:00.000Z');
  const r = rng(2);
  const hours = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const local = chinaDateTime(officeTime(r, '2026-03-02'));
    assert.equal(local.slice(0, 10), '2026-03-02');
    assert.ok(local.slice(11) >= '08:30' && local.slice(11) < '18:00', local);
    hours.add(local.slice(11, 13));
  }
  assert.ok(hours.size >= 8);
});
