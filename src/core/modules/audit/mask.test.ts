import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskPersonal, personalKind } from './mask.ts';

const ID = '420323197003051118';
const ID_MASKED = '420323********1118';

describe('audit masking', () => {
  it('knows the keys of ID numbers and phones, whatever their spelling', () => {
    const cases: [string, ReturnType<typeof personalKind>][] = [
      ['idNumber', 'id'],
      ['id_number', 'id'],
      ['ID-Number', 'id'],
      ['headIdNumber', 'id'],
      ['idCard', 'id'],
      ['phone', 'phone'],
      ['contactPhone', 'phone'],
      ['contact_phone', 'phone'],
      ['mobile', 'phone'],
      ['tel', 'phone'],
      ['id', null],
      ['number', null],
      ['code', null],
      ['name', null],
      ['telegram', null],
    ];
    for (const [key, kind] of cases) assert.equal(personalKind(key), kind, key);
  });

  it('masks at any depth, in arrays and in {columns, rows} tables, and leaves everything else alone', () => {
    const cases: [string, unknown, unknown, boolean][] = [
      ['null', null, null, false],
      ['a scalar', 'x', 'x', false],
      ['nothing personal', { name: '张三', code: 'A' }, { name: '张三', code: 'A' }, false],
      ['a phone', { phone: '13907190001' }, { phone: '139****0001' }, true],
      ['an empty phone', { phone: null, idNumber: '' }, { phone: null, idNumber: '' }, false],
      ['a phone as a number', { phone: 13907190001 }, { phone: '139****0001' }, true],
      [
        'members of a household',
        { household: { phone: '07198888888' }, members: [{ name: '张', idNumber: ID, phone: null }] },
        { household: { phone: '071****8888' }, members: [{ name: '张', idNumber: ID_MASKED, phone: null }] },
        true,
      ],
      [
        'a before-image table',
        {
          columns: ['name', 'id_number', 'phone'],
          rows: [
            ['张', ID, '13907190001'],
            ['李', null, null],
          ],
        },
        {
          columns: ['name', 'id_number', 'phone'],
          rows: [
            ['张', ID_MASKED, '139****0001'],
            ['李', null, null],
          ],
        },
        true,
      ],
      [
        'a list of phones',
        { phones: ['13907190001', '13907190002'] },
        { phones: ['139****0001', '139****0002'] },
        true,
      ],
      ['already masked', { idNumber: ID_MASKED }, { idNumber: ID_MASKED }, false],
    ];
    for (const [name, input, expected, masked] of cases) {
      const before = JSON.stringify(input);
      assert.deepEqual(maskPersonal(input), { value: expected, masked }, name);
      assert.equal(JSON.stringify(input), before, `${name}: the input is not changed`);
    }
  });
});
