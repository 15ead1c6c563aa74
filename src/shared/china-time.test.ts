import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaDate, chinaDateTime } from './china-time.ts';

test('an instant reads in China time (UTC+8), across the day and the year', () => {
  const cases: [string, string][] = [
    ['2026-03-02T01:00:00.000Z', '2026-03-02 09:00'],
    ['2026-03-02T15:59:00.000Z', '2026-03-02 23:59'],
    ['2026-03-02T16:00:00.000Z', '2026-03-03 00:00'],
    ['2025-12-31T20:30:00Z', '2026-01-01 04:30'],
  ];
  for (const [iso, local] of cases) {
    assert.equal(chinaDateTime(iso), local, iso);
    assert.equal(chinaDate(iso), local.slice(0, 10), iso);
  }
});
