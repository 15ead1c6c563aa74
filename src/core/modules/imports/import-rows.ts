import { basename } from 'node:path';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { currentLang, msg, type Lang, type Msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { isIsoDate } from '../cadres/rules.ts';
import { NATION_CODE } from '../../../shared/regions.ts';
import { FileProblem, parseCell, type RowError, type SourceRow } from './cells.ts';
import type { LabelSet } from './labels.ts';
import { ErrorReport } from './report.ts';
import type { Outcome, RowKind, RowWriter, Values } from './row-kind.ts';
import { inTransaction } from './savepoints.ts';
import { MAX_ERRORS, type ImportMode, type ImportProgress } from './service.ts';
import { scanFile, type HeaderMap } from './source.ts';
import { templateWorkbook } from './template.ts';

export interface RowsImportOptions {
  mode: ImportMode;
  onProgress?: (p: ImportProgress) => void;
  /** Where to write the error report workbook if there are errors. */
  reportPath?: string;
  lang?: Lang;
  /** Rows per commit transaction at most (default BATCH_ROWS; each also ends after BATCH_MS). */
  batchRows?: number;
}

export interface RowsImportResult {
  kind: RowKind['name'];
  mode: ImportMode;
  /** Rows are independent: every valid row is committed, every invalid row is reported and left out. */
  policy: 'valid-rows-committed';
  /** Non-blank data rows. */
  rows: number;
  /** Rows accepted (written, or that would be written in a dry run): created + updated + unchanged. */
  imported: number;
  created: number;
  updated: number;
  /** Rows whose record was already there as the row says (nothing written). */
  unchanged: number;
  /** Rows with a problem, not imported. */
  rejected: number;
  /** The first MAX_ERRORS problems, in file order; errorCount has them all (the report workbook too). */
  errors: RowError[];
  errorCount: number;
  warnings: Msg[];
  /** Whether the error report workbook was written to opts.reportPath. */
  report: boolean;
}

/**
 * A commit writes the rows in transactions of at most this many rows or this long, each row in a
 * savepoint of it (a refused row is undone alone). Short transactions keep SQLite's single connection
 * free for other requests. A dry run is one transaction, rolled back, so that its rows see each other
 * exactly as a commit's rows do (a cadre stationed twice in one file, a cadre's sixth household).
 */
const BATCH_ROWS = 500;
const BATCH_MS = 250;
const MAX_TEXT = 200;

/** The cells of a row by field, and the problems of its cells (kinds, dates, lengths, required values). */
export function readRow(
  kind: RowKind,
  header: HeaderMap,
  r: SourceRow,
  labels: LabelSet,
): { values: Values; errors: RowError[] } {
  const values: Values = {};
  const errors: RowError[] = [];
  const bad = (column: string, message: Msg) => errors.push({ row: r.row, column, message });
  header.columns.forEach((l, file) => {
    const col = l < 0 ? undefined : kind.columns[l];
    if (!col) return;
    const parsed = parseCell(col, r.cells[file] ?? null, labels);
    if ('problem' in parsed) return bad(col.header, parsed.problem);
    const v = parsed.value;
    if (v === undefined) return;
    if (col.kind === 'date' && !isIsoDate(v as string))
      return bad(col.header, msg(`日期不存在或无法识别：${v}`, `Not a real date: ${v}`));
    if (typeof v === 'string' && v.length > MAX_TEXT)
      return bad(col.header, msg(`内容过长（最多 ${MAX_TEXT} 字）`, `Too long (at most ${MAX_TEXT} characters)`));
    values[col.field] = v;
  });
  for (const col of kind.columns)
    if (col.required && values[col.field] === undefined && !errors.some((e) => e.column === col.header))
      bad(col.header, msg(`“${col.header}”必须填写`, `${col.header} is required`));
  return { values, errors };
}

/** A refusal of the row's write, placed on the row's columns. */
function refusal(kind: RowKind, e: unknown, row: number, values: Values): RowError[] {
  if (e instanceof AppError) {
    if (e.code === 'VALIDATION' && e.details?.length)
      return e.details.map((d) => ({
        row,
        column: kind.column(d.path, values),
        message: typeof d.message === 'string' ? msg(d.message, d.message) : d.message,
      }));
    return [{ row, column: kind.column(e.code, values), message: e.msg }];
  }
  const why = (e instanceof Error ? e.message : String(e)).slice(0, 200);
  return [
    { row, column: '', message: msg(`写入数据库失败，本行未导入：${why}`, `Writing to the database failed: ${why}`) },
  ];
}

/**
 * The region an import's summary audit row is filed under: the region the scope was narrowed to, else the first
 * of the caller's grants inside the scope (a county user: the county); the whole country for a global scope.
 */
export function homeRegion(scope: Scope): string | null {
  if (scope.region) return scope.region.code;
  const actor = scope.actor;
  if (scope.isGlobal || actor.kind === 'system') return NATION_CODE;
  return actor.grants.find((g) => scope.covers(g.scopeCode))?.scopeCode ?? null;
}

/**
 * Imports the rows of a .xlsx or .csv file of `kind`: the first pass finds the header; every row is then
 * read, checked and written through the kind's service calls. Rows are independent: a valid row is
 * committed, a row with a problem is reported (row, column, message) and nothing of it is written. A dry
 * run goes through the same writes and rolls them back. File-level problems come back as errors on row 0.
 * Each row's region must lie in `scope` (the caller's scope for the kind's permission; the CLI's is global).
 */
export async function importRows(
  db: Db,
  scope: Scope,
  kind: RowKind,
  source: { path: string; name?: string },
  opts: RowsImportOptions,
): Promise<RowsImportResult> {
  // The scope for the kind's permission, whatever scope the caller was handed (403 without it).
  const writes = scope.withPermission(kind.permission);
  const res: RowsImportResult = {
    kind: kind.name,
    mode: opts.mode,
    policy: 'valid-rows-committed',
    rows: 0,
    imported: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    errorCount: 0,
    warnings: [],
    report: false,
  };
  const report = opts.reportPath ? new ErrorReport(opts.reportPath, opts.lang ?? currentLang(), kind.keyHeader) : null;
  const addErrors = async (errors: RowError[], key?: string) => {
    for (const e of errors) {
      const keyed = key ? { ...e, key } : e;
      res.errorCount++;
      if (res.errors.length < MAX_ERRORS) res.errors.push(keyed);
      await report?.add(keyed);
    }
  };
  const tally = () => {
    res.imported = res.created + res.updated + res.unchanged;
    res.rejected = res.rows - res.imported;
  };
  const progress = opts.onProgress ?? (() => {});
  const dryRun = opts.mode === 'dry-run';
  let cleanup = async () => {};
  try {
    const scanned = await scanFile(source.path, (done, total) => progress({ phase: 'read', done, total }), kind.layout);
    cleanup = scanned.cleanup;
    res.warnings = scanned.warnings;
    res.rows = scanned.dataRows;
    if (scanned.dataRows === 0)
      throw new FileProblem(
        msg('文件只有表头，没有数据行', 'The file has a header but no data rows'),
        scanned.header.row,
      );
    const [labels, write] = await Promise.all([kind.labels(db), kind.start(db, writes)]);
    const rows = scanned.rows()[Symbol.asyncIterator]();
    let done = 0;
    let more = true;
    while (more) {
      const accepted: Outcome[] = [];
      const batch = async (trx: Db) => {
        const started = Date.now();
        const most = opts.batchRows ?? BATCH_ROWS;
        for (let n = 0; dryRun || (n < most && Date.now() - started < BATCH_MS); n++) {
          const next = await rows.next();
          if (next.done) return (more = false);
          const outcome = await importRow(kind, scanned.header, write, trx, next.value, labels, addErrors);
          if (outcome) accepted.push(outcome);
          if (++done % 100 === 0) progress({ phase: 'import', done, total: res.rows });
        }
      };
      try {
        await inTransaction(db, dryRun, batch);
      } catch (e) {
        if (e instanceof FileProblem) throw e;
        // The batch did not commit (a lost connection…): its accepted rows are not in the database.
        const why = (e instanceof Error ? e.message : String(e)).slice(0, 200);
        const message = msg(
          `写入数据库失败，本批 ${accepted.length} 行未导入，请重新导入：${why}`,
          `Writing to the database failed; ${accepted.length} rows were not imported: ${why}`,
        );
        await addErrors([{ row: 0, column: '', message }]);
        continue;
      }
      for (const o of accepted) res[o]++;
    }
    tally();
    progress({ phase: 'import', done: res.rows, total: res.rows });
    if (!dryRun && res.created + res.updated > 0) {
      await writeAudit(db, writes.actor, {
        action: 'import',
        entity: kind.entity,
        regionCode: homeRegion(writes),
        after: {
          kind: kind.name,
          file: source.name ?? basename(source.path),
          rows: res.rows,
          created: res.created,
          updated: res.updated,
          unchanged: res.unchanged,
          rejected: res.rejected,
        },
      });
    }
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    tally();
    await addErrors([{ row: e.row, column: '', message: e.problem }]);
  } finally {
    await cleanup();
    if (report) res.report = await report.close();
  }
  return res;
}

/** 已导入 N 行，M 行有误未导入 — the result in one sentence (the page and the command line show it). */
export function rowsSummary(r: Pick<RowsImportResult, 'mode' | 'imported' | 'rejected' | 'unchanged'>): Msg {
  const same = r.unchanged ? `（其中 ${r.unchanged} 行已存在，未重复导入）` : '';
  const sameEn = r.unchanged ? ` (${r.unchanged} already there)` : '';
  return r.mode === 'dry-run'
    ? msg(
        `试运行：可导入 ${r.imported} 行${same}，${r.rejected} 行有误不能导入；未写入任何数据`,
        `Dry run: ${r.imported} rows can be imported${sameEn}, ${r.rejected} rows have problems; nothing was written`,
      )
    : msg(
        `已导入 ${r.imported} 行${same}，${r.rejected} 行有误未导入`,
        `Imported ${r.imported} rows${sameEn}; ${r.rejected} rows with problems were not imported`,
      );
}

/** The template workbook of `kind`: its data sheet with the example rows, the notes and the code lists. */
export async function rowTemplate(db: Db, scope: Scope, kind: RowKind): Promise<Buffer> {
  const [labels, rows] = await Promise.all([kind.labels(db), kind.example(db, scope)]);
  return templateWorkbook({
    sheet: kind.sheet,
    columns: kind.columns,
    allowed: (c) => labels[c.list!]?.allowed ?? [],
    rows,
    rules: kind.rules,
  });
}

/** One row: read, then written in a savepoint of the batch's transaction; its problems are reported. */
async function importRow(
  kind: RowKind,
  header: HeaderMap,
  write: RowWriter,
  trx: Db,
  r: SourceRow,
  labels: LabelSet,
  report: (errors: RowError[], key?: string) => Promise<void>,
): Promise<Outcome | undefined> {
  const { values, errors } = readRow(kind, header, r, labels);
  const key = kind.key(values) || undefined;
  if (errors.length) return void (await report(errors, key));
  try {
    // trx is nestable: this transaction is a savepoint, undone alone if the row is refused.
    return await trx.transaction().execute((sp) => write(sp, values));
  } catch (e) {
    await report(refusal(kind, e, r.row, values), key);
    return undefined;
  }
}
