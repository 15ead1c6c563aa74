import type { CrosscheckRow as CrosscheckRowInput } from '../../../shared/contracts/workflow.ts';
import { msg, type Msg } from '../../i18n.ts';
import { checkIdNumber } from '../households/idcard.ts';

/** 一比对 — the departments whose records an applicant is checked against. */
export const CROSSCHECK_SOURCES = ['vehicle', 'commercial_housing', 'public_payroll', 'business_registration'] as const;
export type CrosscheckSource = (typeof CROSSCHECK_SOURCES)[number];

export const SOURCE_LABELS: Record<CrosscheckSource, Msg> = {
  vehicle: msg('车辆', 'Vehicle'),
  commercial_housing: msg('商品房', 'Commercial housing'),
  public_payroll: msg('财政供养', 'Public payroll'),
  business_registration: msg('工商注册', 'Business registration'),
};

const SOURCE_ALIASES: Record<string, CrosscheckSource> = {
  车辆: 'vehicle',
  机动车: 'vehicle',
  商品房: 'commercial_housing',
  房产: 'commercial_housing',
  财政供养: 'public_payroll',
  财政供养人员: 'public_payroll',
  公职人员: 'public_payroll',
  工商注册: 'business_registration',
  工商: 'business_registration',
  市场主体: 'business_registration',
};

/** A department's record as uploaded (the contract's row), with its row number in a file when known. */
export type CrosscheckRow = CrosscheckRowInput & { row?: number };

export interface RowProblem {
  row: number;
  column: string;
  message: Msg;
}

/** The source code for a code or a Chinese name (车辆, 商品房, 财政供养, 工商注册 …); null when unknown. */
export function sourceOf(input: string): CrosscheckSource | null {
  const s = input.trim();
  if ((CROSSCHECK_SOURCES as readonly string[]).includes(s)) return s as CrosscheckSource;
  return SOURCE_ALIASES[s] ?? null;
}

/**
 * Checks uploaded rows (pure): each needs a well-formed ID number and a known source. Returns the
 * usable rows (normalized ID, source code) and a problem per rejected row (row numbers from 1).
 */
export function validateRows(rows: readonly CrosscheckRow[], firstRow = 1) {
  const ok: { row: number; idNumber: string; source: CrosscheckSource; detail: string | null }[] = [];
  const problems: RowProblem[] = [];
  rows.forEach((r, i) => {
    const row = r.row ?? i + firstRow;
    const id = checkIdNumber(String(r.idNumber ?? ''));
    const source = sourceOf(String(r.source ?? ''));
    if (!id.normalized) problems.push({ row, column: '身份证号', message: id.problems[0]! });
    else if (!source)
      problems.push({
        row,
        column: '来源',
        message: msg(
          `来源“${r.source}”无法识别，应为车辆、商品房、财政供养或工商注册`,
          `Unknown source "${r.source}"; expected vehicle, commercial housing, public payroll or business registration`,
        ),
      });
    else ok.push({ row, idNumber: id.normalized, source, detail: r.detail?.trim() || null });
  });
  return { ok, problems };
}

/** Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a BOM is dropped). */
function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  let rec: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rec.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      rec.push(field);
      out.push(rec);
      rec = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || rec.length) {
    rec.push(field);
    out.push(rec);
  }
  return out;
}

const HEADERS: Record<'idNumber' | 'source' | 'detail', string[]> = {
  idNumber: ['身份证号', '身份证号码', '公民身份号码', 'idnumber', 'id_number'],
  source: ['来源', '数据来源', '比对类型', '部门', 'source'],
  detail: ['详情', '说明', '备注', '内容', 'detail'],
};

/**
 * Department records from the rows of an uploaded file (CSV or workbook) whose first row is the header
 * (身份证号, 来源, 详情 or the English names). Without a 来源 column every row takes `defaultSource`
 * (e.g. one department's file). `row` is the file's row number (the header is usually row 1).
 */
export function crosscheckRowsFrom(
  records: readonly { row: number; cells: readonly string[] }[],
  defaultSource?: string,
): { rows: CrosscheckRow[]; problems: RowProblem[] } {
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ row: 1, column: '', message: msg('文件是空的', 'The file is empty') }] };
  const names = header.cells.map((h) => h.trim().toLowerCase());
  const col = (k: keyof typeof HEADERS) => names.findIndex((n) => HEADERS[k].includes(n));
  const [idCol, sourceCol, detailCol] = [col('idNumber'), col('source'), col('detail')];
  const problems: RowProblem[] = [];
  if (idCol < 0)
    problems.push({
      row: header.row,
      column: '身份证号',
      message: msg('缺少“身份证号”列', 'The "身份证号" column is missing'),
    });
  if (sourceCol < 0 && !defaultSource)
    problems.push({ row: header.row, column: '来源', message: msg('缺少“来源”列', 'The "来源" column is missing') });
  if (problems.length) return { rows: [], problems };
  const rows: CrosscheckRow[] = [];
  for (const r of body) {
    if (r.cells.every((f) => f.trim() === '')) continue;
    rows.push({
      row: r.row,
      idNumber: r.cells[idCol] ?? '',
      source: sourceCol >= 0 ? (r.cells[sourceCol] ?? '') : defaultSource!,
      detail: detailCol >= 0 ? (r.cells[detailCol] ?? null) : null,
    });
  }
  return { rows, problems };
}

/** Reads a CSV text of department records (see crosscheckRowsFrom); rows are numbered from 1 (the header). */
export function parseCrosscheckCsv(
  text: string,
  defaultSource?: string,
): { rows: CrosscheckRow[]; problems: RowProblem[] } {
  return crosscheckRowsFrom(
    csvRecords(text).map((cells, i) => ({ row: i + 1, cells })),
    defaultSource,
  );
}
