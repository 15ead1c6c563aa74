import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';
import { msg } from '../../i18n.ts';
import { FileProblem, type Cell, type SourceRow } from './cells.ts';
import { sheetRows } from './sheet-xml.ts';

const NOT_A_WORKBOOK = msg(
  '文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或只是改了扩展名',
  'The file is not a valid Excel workbook (.xlsx); it may be damaged or merely renamed',
);

/** A shared string from exceljs's cache: plain text, or rich text runs. */
function sharedText(v: unknown): Cell {
  if (v === null || v === undefined || typeof v === 'string') return v ?? null;
  const runs = (v as { richText?: { text?: string }[] }).richText;
  return runs ? runs.map((r) => r.text ?? '').join('') : String(v);
}

/** Decodes UTF-8 across chunk boundaries (exceljs decodes each chunk alone and breaks characters split between two). */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** exceljs's WorkbookReader with the zip entries decoded as whole UTF-8 text (see utf8). */
class WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {}
type Entry = { setEncoding?: (e: string) => void };
type Methods = Record<string, (this: unknown, ...args: unknown[]) => unknown>;
const proto = WorkbookReader.prototype as unknown as Methods;
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Methods;
for (const m of ['_parseRels', '_parseWorkbook', '_parseSharedStrings'])
  proto[m] = function (this: unknown, entry: unknown) {
    (entry as Entry).setEncoding?.('utf8');
    return base[m]!.call(this, entry);
  };
// The sheet's rows are read by sheetRows (fast); shared strings come from exceljs's cache, filled first.
proto._parseWorksheet = function* (this: { sharedStrings?: unknown[] }, iterator: unknown) {
  const shared = (i: number): Cell => sharedText(this.sharedStrings?.[i]);
  yield { eventType: 'worksheet', value: { rows: sheetRows(utf8(iterator as AsyncIterable<Buffer>), shared) } };
} as unknown as Methods[string];

const STALL_MS = 20_000;

/**
 * A damaged zip can leave exceljs waiting forever for the rest of an entry. Once the whole file has been
 * read, a reader that produces nothing for STALL_MS is given up on (the error becomes a file problem).
 */
function stallGuard(input: Readable) {
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  input.once('end', () => (ended = true));
  const stalled = () =>
    new Promise<never>((_, reject) => {
      const check = () => (ended ? reject(new Error('xlsx reader stalled')) : (timer = setTimeout(check, STALL_MS)));
      timer = setTimeout(check, STALL_MS);
    });
  async function* wrap<T>(it: AsyncIterator<T>): AsyncGenerator<T> {
    try {
      for (;;) {
        const stall = stalled();
        stall.catch(() => {});
        const next = await Promise.race([it.next(), stall]).finally(() => clearTimeout(timer));
        if (next.done) return;
        yield next.value;
      }
    } finally {
      void it.return?.()?.catch?.(() => {});
    }
  }
  return { wrap, stop: () => clearTimeout(timer) };
}

/**
 * Rows of the first worksheet, streamed: exceljs's WorkbookReader reads the zip (memory does not grow
 * with the sheet; Excel's shared-string table is the one thing held, as exceljs caches it), sheetRows the rows.
 */
export async function* readXlsx(input: Readable): AsyncGenerator<SourceRow> {
  const reader = new WorkbookReader(input, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore', // date cells arrive as serial days; the date columns convert them
    entries: 'ignore',
  });
  let sheets = 0;
  let lastRow = 0;
  const guard = stallGuard(input);
  try {
    for await (const sheet of guard.wrap(reader[Symbol.asyncIterator]())) {
      sheets++;
      for await (const row of guard.wrap((sheet as unknown as { rows: AsyncGenerator<SourceRow> }).rows)) {
        lastRow = row.row;
        yield row;
      }
      break; // the data is on the first sheet; later sheets (notes, code lists) are ignored
    }
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(NOT_A_WORKBOOK, lastRow + 1);
  } finally {
    guard.stop();
    input.destroy();
  }
  if (sheets === 0) throw new FileProblem(msg('工作簿中没有工作表', 'The workbook has no worksheet'));
}
