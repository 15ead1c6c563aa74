import { msg, type Msg } from '../../i18n.ts';
import { chineseNumber } from '../regions/rules.ts';
import type { SheetColumn } from './columns.ts';
import { codeOf, type LabelSet } from './labels.ts';

/**
 * A cell as the readers hand it over: text (CSV, text cells), a number, a boolean, an ISO date
 * (YYYY-MM-DD, from a date-formatted Excel cell) or an Excel error value. Formulas arrive as their cached result.
 */
export type Cell = string | number | boolean | null | { error: string } | { date: string };

export type Parsed = { value: unknown } | { problem: Msg };
const ok = (value: unknown): Parsed => ({ value });
const bad = (zh: string, en: string): Parsed => ({ problem: msg(zh, en) });

/** Above 2^53 a number has lost digits: Excel keeps 15 significant digits. */
const LOST = 2 ** 53;

/** Is the cell blank (null or only spaces)? */
export const isBlank = (c: Cell): boolean => c === null || (typeof c === 'string' && c.trim() === '');

/** Cell → text, undoing spreadsheet tricks that keep text as text (a leading ' or ="…"). */
export function text(c: string | number | boolean | { date: string }): string {
  if (typeof c === 'object') return c.date;
  if (typeof c === 'boolean') return c ? '是' : '否';
  if (typeof c === 'number') return String(c);
  const s = c.trim();
  const first = s.charCodeAt(0);
  if (first === 61) {
    const formula = /^="(.*)"$/.exec(s);
    if (formula) return formula[1]!.trim();
  }
  return first === 39 ? s.slice(1).trim() : s;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** Excel serial day → YYYY-MM-DD (1900 date system, with its phantom 29 Feb 1900). */
export function excelSerialToIso(serial: number): string {
  const base = serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** Normalises the date spellings people use; anything else is returned as is for the validator to refuse. */
export function normalizeDate(c: Cell): string {
  if (c !== null && typeof c === 'object' && 'date' in c) return c.date;
  if (typeof c === 'number') return c >= 1 && c < 2_958_466 ? excelSerialToIso(c) : String(c);
  const s = text(c as string)
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?(\.\d+)?$/, '')
    .replace(/T.*$/, '');
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (/^\d{5}(\.0+)?$/.test(s)) return excelSerialToIso(Number(s));
  return s;
}

const CN_NUMBERS = new Map(Array.from({ length: 99 }, (_, i) => [chineseNumber(i + 1), i + 1]));
const TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔', 't']);
const FALSE = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗', '✘', 'f']);

function number(s: string, kind: 'int' | 'money'): number | null {
  const cleaned = s.replace(/[,，\s¥￥]/g, '').replace(/元$/, '');
  if (kind === 'int') {
    const group = /^第?(\d+|[一二三四五六七八九十]+)组?$/.exec(cleaned);
    if (group) return /^\d+$/.test(group[1]!) ? Number(group[1]) : (CN_NUMBERS.get(group[1]!) ?? null);
  }
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Parses one cell for its column: a typed value (undefined = blank) or a problem to report on the row. */
export function parseCell(col: Pick<SheetColumn, 'header' | 'kind' | 'list'>, c: Cell, labels: LabelSet): Parsed {
  if (isBlank(c)) return ok(undefined);
  if (typeof c === 'object' && c !== null && 'error' in c && c.error === '#FORMULA')
    return bad(
      '公式没有保存计算结果，请在 Excel 中打开、保存后再导入',
      'The formula has no saved result; open and save it in Excel',
    );
  if (typeof c === 'object' && c !== null && 'error' in c)
    return bad(`单元格是错误值 ${c.error}，请改正公式或填写数值`, `The cell holds the error value ${c.error}`);
  if (typeof c === 'number' && Math.abs(c) >= LOST && col.kind !== 'money') {
    if (col.kind === 'id')
      return bad(
        '身份证号被 Excel 存成了数字，精度已丢失，请将该列设为文本后重新填写',
        'Excel stored the ID number as a number and lost digits; format the column as text and enter it again',
      );
    return bad(
      `数字位数过多，Excel 已丢失精度（${c}），请将该列设为文本后重新填写`,
      `Too many digits: Excel lost precision (${c}); format the column as text`,
    );
  }
  const s = text(c as string);
  switch (col.kind) {
    case 'text':
      return ok(s);
    case 'id':
      if (s.includes('*'))
        return bad('身份证号已脱敏（含 *），不能导入；请用有权查看的账号导出', 'The ID number is masked (has *)');
      return ok(s);
    case 'phone':
      if (s.includes('*')) return bad('联系电话已脱敏（含 *），不能导入', 'The phone number is masked (has *)');
      return ok(s);
    case 'date':
      return ok(normalizeDate(c));
    case 'int':
    case 'money': {
      const n = typeof c === 'number' ? c : number(s, col.kind);
      if (n === null || !Number.isFinite(n)) return bad(`不是有效的数字：${s}`, `Not a number: ${s}`);
      if (col.kind === 'int' && !Number.isInteger(n)) return bad(`应为整数：${s}`, `Must be a whole number: ${s}`);
      return ok(col.kind === 'money' ? Math.round(n * 100) / 100 : n);
    }
    case 'bool':
    case 'tri': {
      const k = s.toLowerCase();
      if (TRUE.has(k)) return ok(true);
      if (FALSE.has(k)) return ok(false);
      return bad(`应填“是”或“否”：${s}`, `Must be 是 (yes) or 否 (no): ${s}`);
    }
    case 'code': {
      const code = codeOf(labels, col.list!, s);
      if (code !== undefined) return ok(code);
      return bad(
        `${col.header}“${s}”不在代码表中，可填：${labels[col.list!]?.allowed.join('、')}`,
        `Unknown ${col.list}: ${s}`,
      );
    }
    case 'codes': {
      const codes: string[] = [];
      for (const part of s.split(/[、,，;；/|\s]+/).filter(Boolean)) {
        const code = codeOf(labels, col.list!, part);
        if (code === undefined)
          return bad(
            `${col.header}“${part}”不在代码表中，可填：${labels[col.list!]?.allowed.join('、')}`,
            `Unknown ${col.list}: ${part}`,
          );
        codes.push(code);
      }
      return ok(codes);
    }
  }
}

/** One spreadsheet row as read: its row number (1-based, as Excel shows it) and its cells in file order. */
export interface SourceRow {
  row: number;
  cells: Cell[];
}

/** A problem on one cell of the file: spreadsheet row, Chinese column header, message. */
export interface RowError {
  row: number;
  column: string;
  message: Msg;
  /** The household code of the row (household import). */
  household?: string;
  /** What the row is about, for the reader of the report (other imports: the cadre's name…). */
  key?: string;
}

/** A problem with the file as a whole (not a workbook, wrong encoding, no header…), reported on row `row`. */
export class FileProblem extends Error {
  readonly problem: Msg;
  readonly row: number;
  constructor(problem: Msg, row = 0) {
    super(problem.en);
    this.problem = problem;
    this.row = row;
  }
}

/** The text of a cell ('' for blanks and error values). */
export const cellText = (c: Cell): string => (c === null || (typeof c === 'object' && 'error' in c) ? '' : text(c));
