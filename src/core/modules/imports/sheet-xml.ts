import type { Cell, SourceRow } from './cells.ts';

/**
 * Rows of a worksheet's XML (xl/worksheets/sheetN.xml, SpreadsheetML), read as text chunks. exceljs's
 * own sheet parser builds a SAX event, a Row and a Cell object per cell (~14,000 rows/s of 42 cells);
 * this tokenizer reads the few element kinds <sheetData> holds (row, c, v, f, is/t) with regular
 * expressions, ~5× faster. exceljs still reads the zip, the workbook and the shared-string table.
 *
 * Cells: t="s" shared string, "inlineStr" inline text, "str" formula text, "b" boolean, "e" error,
 * "d" ISO date, else a number. A formula gives its cached value (no value: the error #FORMULA).
 * Styles are not read: a date-formatted number arrives as its Excel serial day.
 */
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ATTR_R = /\br="([A-Z]*)(\d*)"/;
const ATTR_T = /\bt="(\w+)"/;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const TEXT = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export const decodeXml = (s: string): string =>
  s.includes('&')
    ? s.replace(ENTITY, (_, e: string) =>
        e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : NAMED[e]!,
      )
    : s;

/** A1 column letters → 0-based index. */
function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function cellValue(attrs: string, inner: string | undefined, shared: (i: number) => Cell): Cell {
  const type = ATTR_T.exec(attrs)?.[1];
  if (inner === undefined) return null;
  if (type === 'inlineStr') {
    let text = '';
    for (const m of inner.matchAll(TEXT)) text += m[1];
    return decodeXml(text);
  }
  const v = VALUE.exec(inner)?.[1];
  if (v === undefined) return inner.includes('<f') ? { error: '#FORMULA' } : null;
  switch (type) {
    case 's':
      return shared(Number(v));
    case 'str':
      return decodeXml(v);
    case 'b':
      return v === '1' || v === 'true';
    case 'e':
      return { error: decodeXml(v) };
    case 'd':
      return { date: v.slice(0, 10) };
    default: {
      const n = Number(v);
      return Number.isNaN(n) ? decodeXml(v) : n;
    }
  }
}

function parseRow(attrs: string, inner: string | undefined, fallback: number, shared: (i: number) => Cell): SourceRow {
  const r = ATTR_R.exec(attrs);
  const row = r?.[2] ? Number(r[2]) : fallback;
  const cells: Cell[] = [];
  if (inner) {
    let next = 0;
    for (const m of inner.matchAll(CELL)) {
      const ref = ATTR_R.exec(m[1]!);
      const at = ref?.[1] ? columnIndex(ref[1]) : next;
      while (cells.length < at) cells.push(null);
      cells[at] = cellValue(m[1]!, m[2], shared);
      next = at + 1;
    }
  }
  return { row, cells };
}

/** Streams the rows of a sheet from its XML text. `shared(i)` resolves shared string i. */
export async function* sheetRows(
  chunks: AsyncIterable<string>,
  shared: (i: number) => Cell,
): AsyncGenerator<SourceRow> {
  let buf = '';
  let last = 0;
  const rowsOf = function* (text: string) {
    for (const m of text.matchAll(ROW)) {
      const r = parseRow(m[1]!, m[2], last + 1, shared);
      last = r.row;
      yield r;
    }
  };
  for await (const chunk of chunks) {
    buf += chunk;
    const end = buf.lastIndexOf('</row>');
    if (end < 0) {
      if (buf.length > 64 * 1024 * 1024) throw new Error('sheet XML: a row is longer than 64 MB');
      continue;
    }
    const complete = buf.slice(0, end + 6);
    buf = buf.slice(end + 6);
    yield* rowsOf(complete);
  }
  yield* rowsOf(buf);
}
