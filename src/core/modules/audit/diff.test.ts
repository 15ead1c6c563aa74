import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditChanges } from './diff.ts';

const short = (before: unknown, after: unknown) =>
  auditChanges(before, after)?.map((c) => [c.path.join('.'), c.before, c.after, ...(c.item ? [c.item] : [])]) ?? null;

describe('audit diff', () => {
  it('lists the changed fields of two images of a record, by table', () => {
    const cases: [string, unknown, unknown, unknown[][] | null][] = [
      ['nothing before (a creation)', null, { a: 1 }, null],
      ['nothing after', { a: 1 }, null, null],
      ['not records', 'x', 'y', null],
      ['no field in common (an import’s before-image and its file)', { household: {} }, { file: 'a.xlsx' }, null],
      ['the same', { a: 1, b: 'x' }, { a: 1, b: 'x' }, []],
      ['one scalar', { a: 1, b: 'x' }, { a: 1, b: 'y' }, [['b', 'x', 'y']]],
      [
        'to null and from null',
        { a: 1, b: null },
        { a: null, b: 2 },
        [
          ['a', 1, null],
          ['b', null, 2],
        ],
      ],
      ['undefined is null', { a: null }, { a: undefined, b: null }, []],
      [
        'a key after leaves out is no change',
        { status: 'poor', exitedYear: 2016 },
        { status: 'exited' },
        [['status', 'poor', 'exited']],
      ],
      ['a key only after names', { a: 1 }, { a: 1, b: true }, [['b', null, true]]],
      ['booleans', { active: true }, { active: false }, [['active', true, false]]],
      ['the version is no change', { a: 1, version: 3 }, { a: 1, version: 4 }, []],
      ['nested records', { x: { y: { z: 1 } } }, { x: { y: { z: 2 } } }, [['x.y.z', 1, 2]]],
      ['a list of values as one value', { c: ['a', 'b'] }, { c: ['a'] }, [['c', ['a', 'b'], ['a']]]],
      [
        'a list of values, reordered, is a change',
        { c: ['a', 'b'] },
        { c: ['b', 'a'] },
        [['c', ['a', 'b'], ['b', 'a']]],
      ],
      ['the same list', { c: ['a'] }, { c: ['a'] }, []],
    ];
    for (const [name, before, after, expected] of cases) assert.deepEqual(short(before, after), expected, name);
  });

  it('compares members by position (named by the member) and yearly records by year', () => {
    const before = {
      members: [
        { name: '张大山', idNumber: '420323197003051118', phone: '13907190001' },
        { name: '李秀英', idNumber: null },
      ],
      years: [
        { year: 2019, incomeWage: 3000, water: true },
        { year: 2020, incomeWage: 3500, water: true },
      ],
    };
    const after = {
      members: [
        { name: '张大山', idNumber: '420323197003051118', phone: '13907190009' },
        { name: '李秀英', idNumber: null },
        { name: '张小丫', idNumber: null },
      ],
      years: [
        { year: 2020, incomeWage: 3600, water: true },
        { year: 2019, incomeWage: 3000, water: true },
        { year: 2021, incomeWage: 4000, water: null },
      ],
    };
    assert.deepEqual(short(before, after), [
      ['members.0.phone', '13907190001', '13907190009', '张大山'],
      // An added member: its fields that hold something (an empty ID number is no change).
      ['members.2.name', null, '张小丫', '张小丫'],
      ['years.2020.incomeWage', 3500, 3600],
      ['years.2021.year', null, 2021],
      ['years.2021.incomeWage', null, 4000],
    ]);
  });

  it('a removed element shows its fields going, a table compares as its records', () => {
    assert.deepEqual(
      short(
        {
          roles: [
            { role: 'village', scopeCode: 'A' },
            { role: 'inspector', scopeCode: 'B' },
          ],
        },
        { roles: [{ role: 'township', scopeCode: 'A' }] },
      ),
      [
        ['roles.0.role', 'village', 'township'],
        ['roles.1.role', 'inspector', null],
        ['roles.1.scopeCode', 'B', null],
      ],
    );
    const table = (rows: unknown[][]) => ({ columns: ['name', 'phone'], rows });
    assert.deepEqual(
      short(
        {
          members: table([
            ['张', '1'],
            ['李', null],
          ]),
        },
        {
          members: table([
            ['张', '2'],
            ['李', null],
          ]),
        },
      ),
      [['members.0.phone', '1', '2', '张']],
    );
  });
});
