import { TextDecoder } from 'node:util';
import { msg, type Msg } from '../../i18n.ts';
import { FileProblem, type SourceRow } from './cells.ts';

/** Limits that keep a garbage file from holding a huge field or row in memory. */
const MAX_FIELD = 32 * 1024;
const MAX_FIELDS = 500;
const SNIFF = 64 * 1024;

export type Encoding = 'utf-8' | 'gb18030';

/**
 * Which text encoding the first bytes are in: UTF-8 (with or without BOM), or GBK/GB18030 — what Excel's
 * "CSV (逗号分隔)" writes on Chinese Windows. Binary data, UTF-16 and undecodable bytes are refused.
 */
export function sniffEncoding(head: Buffer, complete: boolean): Encoding {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw new FileProblem(
      msg('文件是 UTF-16 编码的文本，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”', 'UTF-16 text: save as CSV UTF-8'),
    );
  const garbage = msg(
    '文件既不是 Excel 工作簿（.xlsx），也不是 CSV 文本文件',
    'The file is neither an Excel workbook (.xlsx) nor a CSV text file',
  );
  if (head.includes(0)) throw new FileProblem(garbage);
  // A multi-byte character may be cut at the end of the sample: decode it in streaming mode.
  const tryDecode = (enc: Encoding) => {
    try {
      new TextDecoder(enc, { fatal: true }).decode(head, { stream: !complete });
      return true;
    } catch {
      return false;
    }
  };
  if (tryDecode('utf-8')) return 'utf-8';
  if (tryDecode('gb18030')) return 'gb18030';
  throw new FileProblem(garbage);
}

/** Reads CSV records (RFC 4180: quotes, doubled quotes, line breaks inside quotes, CRLF or LF) from a byte stream. */
export async function* readCsv(
  input: AsyncIterable<Buffer>,
  onEncoding?: (e: Encoding) => void,
): AsyncGenerator<SourceRow> {
  let decoder: TextDecoder | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let row: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let quoteSeen = false; // a quote inside a quoted field: closes it, or starts a doubled quote
  let skipLf = false;
  let rowNo = 0;
  const out: SourceRow[] = [];

  const fail = (problem: Msg): never => {
    throw new FileProblem(problem, rowNo + 1);
  };
  const endField = () => {
    if (field.length > MAX_FIELD)
      fail(msg('单元格内容过长，文件不是有效的 CSV', 'A field is too long: not a valid CSV'));
    row.push(field);
    field = '';
    if (row.length > MAX_FIELDS) fail(msg('列数过多，文件不是有效的 CSV', 'Too many columns: not a valid CSV'));
  };
  const endRow = () => {
    endField();
    rowNo++;
    out.push({ row: rowNo, cells: row });
    row = [];
  };

  const parse = (s: string) => {
    const n = s.length;
    let i = 0;
    if (skipLf && n > 0) {
      if (s.charCodeAt(0) === 10) i = 1;
      skipLf = false;
    }
    while (i < n) {
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (s.charCodeAt(i) === 34) {
            field += '"';
            i++;
            continue;
          }
          quoted = false;
          continue;
        }
        const j = s.indexOf('"', i);
        if (j < 0) {
          field += s.slice(i);
          if (field.length > MAX_FIELD)
            fail(msg('引号没有闭合，文件不是有效的 CSV', 'Unclosed quote: not a valid CSV'));
          return;
        }
        field += s.slice(i, j);
        quoteSeen = true;
        i = j + 1;
        continue;
      }
      let j = i;
      let ch = 0;
      while (j < n) {
        ch = s.charCodeAt(j);
        if (ch === 44 || ch === 10 || ch === 13 || ch === 34) break;
        j++;
      }
      field += s.slice(i, j);
      if (j === n) {
        if (field.length > MAX_FIELD) fail(msg('单元格内容过长，文件不是有效的 CSV', 'A field is too long'));
        return;
      }
      i = j + 1;
      if (ch === 34) {
        if (field === '') quoted = true;
        else field += '"'; // a stray quote inside an unquoted field is kept as text
      } else if (ch === 44) endField();
      else {
        endRow();
        if (ch === 13) {
          if (i < n) {
            if (s.charCodeAt(i) === 10) i++;
          } else skipLf = true;
        }
      }
    }
  };

  const feed = (buf: Buffer, last: boolean) => {
    if (!decoder) {
      const head = Buffer.concat([...pending, buf]);
      const enc = sniffEncoding(head, last);
      onEncoding?.(enc);
      decoder = new TextDecoder(enc, { fatal: true }); // strips a UTF-8 BOM itself
      pending = [];
      buf = head;
    }
    let s: string;
    try {
      s = decoder.decode(buf, { stream: !last });
    } catch {
      return fail(
        msg('文件中有无法识别的字符（编码不一致或文件已损坏）', 'Undecodable bytes: mixed encodings or a damaged file'),
      );
    }
    parse(s);
  };

  for await (const chunk of input) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (!decoder && pendingBytes + buf.length < SNIFF) {
      pending.push(buf);
      pendingBytes += buf.length;
      continue;
    }
    feed(buf, false);
    yield* out.splice(0);
  }
  feed(Buffer.alloc(0), true);
  if (quoted && !quoteSeen) fail(msg('引号没有闭合，文件不是有效的 CSV', 'Unclosed quote: not a valid CSV'));
  if (field !== '' || row.length > 0 || quoteSeen) endRow();
  yield* out.splice(0);
}
