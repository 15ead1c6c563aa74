import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { msg, type Msg } from '../../i18n.ts';
import { cellText, FileProblem, isBlank, type Cell, type SourceRow } from './cells.ts';
import type { SheetLayout } from './columns.ts';
import { HOUSEHOLD_LAYOUT } from './layout.ts';
import { readCsv } from './parse-csv.ts';
import { readXlsx } from './parse-xlsx.ts';
import { verifyZip } from './zip-check.ts';

export type Format = 'csv' | 'xlsx';

/** By content, not by name: a zip is a workbook; an OLE file is an old .xls (or an encrypted .xlsx). */
export async function detectFormat(path: string): Promise<Format> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(8);
  try {
    await fh.read(head, 0, 8, 0);
  } finally {
    await fh.close();
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    throw new FileProblem(
      msg(
        '这是旧版 Excel 97-2003（.xls）文件或加密的工作簿，请在 Excel 中另存为 .xlsx（不设密码）后再导入',
        'An old Excel 97-2003 (.xls) or encrypted workbook: save it as .xlsx without a password',
      ),
    );
  return 'csv';
}

/** Rows of a file, counting the bytes read for progress. */
function readRows(path: string, format: Format, onBytes: (n: number) => void, warnings?: Msg[]) {
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  stream.on('data', (chunk) => onBytes(chunk.length));
  if (format === 'xlsx') return readXlsx(stream);
  return readCsv(stream as AsyncIterable<Buffer>, (encoding) => {
    if (encoding === 'gb18030')
      warnings?.push(
        msg('文件是 GBK 编码，已按 GBK 读取；建议另存为“CSV UTF-8”', 'The file is GBK-encoded and was read as GBK'),
      );
  });
}

export interface HeaderMap {
  row: number;
  /** For each column of the file, the layout column it holds (-1 = not imported). */
  columns: number[];
  warnings: Msg[];
}

/** Reads a header row: which file column holds which layout column. Null if this row is not the header. */
export function mapHeader(r: SourceRow, layout: SheetLayout = HOUSEHOLD_LAYOUT): HeaderMap | null {
  const columns = r.cells.map((c) => layout.columnOfHeader(cellText(c)) ?? -1);
  if (!columns.includes(layout.anchor)) return null;
  const warnings: Msg[] = [];
  const seen = new Set<number>();
  columns.forEach((col, i) => {
    const header = cellText(r.cells[i] ?? null);
    if (col < 0) {
      if (header)
        warnings.push(msg(`列“${header}”不是模板中的列，已忽略`, `Column “${header}” is not in the layout; ignored`));
    } else if (seen.has(col))
      throw new FileProblem(msg(`列“${header}”出现了两次`, `Column “${header}” appears twice`), r.row);
    else if (layout.columns[col]!.readonly) columns[i] = -1;
    seen.add(col);
  });
  const missing = layout.columns.filter((c, i) => c.required && !seen.has(i)).map((c) => c.header);
  if (missing.length)
    throw new FileProblem(
      msg(`缺少必需的列：${missing.join('、')}`, `Required columns are missing: ${missing.join(', ')}`),
      r.row,
    );
  return { row: r.row, columns, warnings };
}

export interface Scanned {
  format: Format;
  header: HeaderMap;
  /** Non-blank data rows. */
  dataRows: number;
  /** Ignored columns, the encoding used… */
  warnings: Msg[];
  /** Records (households) whose rows are not contiguous: key → the first row of each run (layout.groupBy). */
  split: Map<string, number[]>;
  /** The data rows again (second pass), in file order. */
  rows(): AsyncGenerator<SourceRow>;
  cleanup(): Promise<void>;
}

const HEADER_SEARCH = 20;

/**
 * A copy of a string that does not keep its source alive: V8 represents a slice of 13+ characters as a
 * view of the whole chunk it came from, so keeping every household code would keep the whole file's text.
 */
const detached = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/**
 * First pass over a file: finds the header, counts rows and finds split households (a household code
 * in more than one run of rows) before anything is written. A workbook is parsed once: its rows are
 * spooled to a temporary file of JSON lines that the second pass reads back quickly. The layout says
 * which columns to expect (the household workbook unless told otherwise).
 */
export async function scanFile(
  path: string,
  onProgress: (done: number, total: number) => void,
  layout: SheetLayout = HOUSEHOLD_LAYOUT,
): Promise<Scanned> {
  const format = await detectFormat(path);
  const size = (await stat(path)).size;
  if (size === 0) throw new FileProblem(msg('文件是空的', 'The file is empty'));
  if (format === 'xlsx') await verifyZip(path);
  let bytes = 0;
  let lastReport = 0;
  const onBytes = (n: number) => {
    bytes += n;
    if (bytes - lastReport > 1_000_000 || bytes === size) {
      lastReport = bytes;
      onProgress(bytes, size);
    }
  };
  const spoolPath = `${path}.rows.jsonl`;
  const spool = format === 'xlsx' ? createWriteStream(spoolPath) : null;
  let header: HeaderMap | null = null;
  let seenRows = 0;
  let dataRows = 0;
  let prev = '';
  const first = new Map<string, number>();
  const split = new Map<string, number[]>();
  const warnings: Msg[] = [];
  try {
    for await (const r of readRows(path, format, onBytes, warnings)) {
      if (r.cells.every(isBlank)) continue;
      if (!header) {
        header = mapHeader(r, layout);
        if (!header && ++seenRows >= HEADER_SEARCH) break;
        continue;
      }
      dataRows++;
      if (spool && !spool.write(`${JSON.stringify([r.row, r.cells])}\n`)) await once(spool, 'drain');
      if (layout.groupBy === undefined) continue;
      const at = header.columns.indexOf(layout.groupBy);
      const code = cellText(r.cells[at] ?? null);
      if (!code || code === prev) continue;
      prev = code;
      const start = first.get(code);
      if (start === undefined) first.set(detached(code), r.row);
      else split.set(code, [...(split.get(code) ?? [start]), r.row]);
    }
    if (spool) {
      spool.end();
      await once(spool, 'close');
    }
  } catch (e) {
    spool?.destroy();
    await rm(spoolPath, { force: true });
    throw e;
  }
  const anchor = layout.columns[layout.anchor]!.header;
  if (!header)
    throw new FileProblem(
      seenRows === 0
        ? msg('文件中没有任何数据', 'The file has no data')
        : msg(
            `找不到表头：前几行中应有一行列名，至少包含“${anchor}”（请使用下载的模板）`,
            `No header row found: one of the first rows must name the columns, including ${anchor} (use the template)`,
          ),
      seenRows === 0 ? 0 : 1,
    );
  const h = header;
  return {
    format,
    header: h,
    dataRows,
    warnings: [...warnings, ...h.warnings],
    split,
    rows: () => (spool ? readSpool(spoolPath) : skipHeader(() => readRows(path, format, () => {}), h.row)),
    cleanup: () => rm(spoolPath, { force: true }),
  };
}

/**
 * The rows after the header. The file is opened on the first next(), not before: its stream flows as soon
 * as it is opened (the byte counter listens to it) and would lose what it read before the reader came.
 */
async function* skipHeader(open: () => AsyncGenerator<SourceRow>, headerRow: number): AsyncGenerator<SourceRow> {
  for await (const r of open()) if (r.row > headerRow && !r.cells.every(isBlank)) yield r;
}

async function* readSpool(path: string): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: createReadStream(path, { highWaterMark: 256 * 1024 }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const [row, cells] = JSON.parse(line) as [number, Cell[]];
    yield { row, cells };
  }
}
