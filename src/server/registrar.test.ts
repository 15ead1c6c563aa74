import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachment, parseIfMatch } from './registrar.ts';

describe('registrar helpers', () => {
  it('reads the version of If-Match in its usual spellings and nothing else', () => {
    const cases: [string | undefined, number | undefined][] = [
      ['"3"', 3],
      ['W/"12"', 12],
      ['7', 7],
      [' "1" ', 1],
      [undefined, undefined],
      ['', undefined],
      ['"abc"', undefined],
      ['*', undefined],
      ['"1", "2"', undefined],
      ['"12345678901"', undefined],
    ];
    for (const [header, want] of cases) assert.equal(parseIfMatch(header), want, String(header));
  });

  it('names a download in full (filename*) and in ASCII for old clients', () => {
    const cases: [string, string][] = [
      ['households-420323-2026-12-03.csv', 'households-420323-2026-12-03.csv'],
      ['建档立卡户-竹山县-2026-12-03.xlsx', '2026-12-03.xlsx'],
      ['明白卡-4203231042110001.docx', '4203231042110001.docx'],
      ['导入错误报告.xlsx', 'download.xlsx'],
      ['干部"名单".xlsx', 'download.xlsx'],
      ['README', 'README'],
    ];
    for (const [name, ascii] of cases) {
      const header = attachment(name);
      assert.equal(/filename="([^"]*)"/.exec(header)?.[1], ascii, name);
      assert.equal(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(header)![1]!), name);
    }
  });
});
