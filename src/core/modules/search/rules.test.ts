import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { personQuery, type PersonQuery } from './rules.ts';

describe('what a person search looks for (personQuery)', () => {
  const cases: [string, PersonQuery][] = [
    ['张大山', { kind: 'name', match: { name: '张大山' } }],
    ['  大山 ', { kind: 'name', match: { name: '大山' } }],
    [
      '42032319700305111X',
      { kind: 'id', idNumber: '42032319700305111X', masked: { idPrefix: '420323', idSuffix: '111X' } },
    ],
    [
      '42032319700305111x',
      { kind: 'id', idNumber: '42032319700305111X', masked: { idPrefix: '420323', idSuffix: '111X' } },
    ],
    [
      '420323197003051114',
      { kind: 'id', idNumber: '420323197003051114', masked: { idPrefix: '420323', idSuffix: '1114' } },
    ],
    ['420323********111x', { kind: 'masked', match: { idPrefix: '420323', idSuffix: '111X' } }],
    ['420323****1114', { kind: 'masked', match: { idPrefix: '420323', idSuffix: '1114' } }],
    // 17 digits, 19 digits, a letter inside, too few stars: names (they match nobody's ID by accident)
    ['42032319700305111', { kind: 'name', match: { name: '42032319700305111' } }],
    ['4203231970030511145', { kind: 'name', match: { name: '4203231970030511145' } }],
    ['420323X97003051114', { kind: 'name', match: { name: '420323X97003051114' } }],
    ['420323***1114', { kind: 'name', match: { name: '420323***1114' } }],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(personQuery(text), expected));
});
