import { basename } from 'node:path';
import type { ImportMode } from '../../../shared/contracts/imports.ts';
import type { Scope } from '../../access/scope.ts';
import { analyzeTables, isPostgres } from '../../db/bulk.ts';
import type { Db } from '../../db/index.ts';
import { currentLang, msg, type Lang, type Msg } from '../../i18n.ts';
import { loadValidationContext } from '../households/context.ts';
import { FileProblem } from './cells.ts';
import { BatchChecks } from './checks.ts';
import { loadLabels } from './labels.ts';
import { ErrorReport } from './report.ts';
import { groupRows, MAX_ROWS_PER_HOUSEHOLD, readHousehold, type Pending, type RowError } from './rows.ts';
import { scanFile } from './source.ts';
import { writeHouseholds, type Failed } from './write.ts';

export { exportHouseholds } from './export.ts';

export type { ImportMode };
export interface ImportProgress {
  /** read = first pass over the file (bytes); import = validating and writing (rows). */
  phase: 'read' | 'import';
  done: number;
  total: number;
}
export interface ImportOptions {
  mode: ImportMode;
  onProgress?: (p: ImportProgress) => void;
  /** Where to write the error report workbook if there are errors. */
  reportPath?: string;
  lang?: Lang;
  /** Households per validation batch and per transaction. */
  batchSize?: number;
  /**
   * Historical data, said so explicitly: an update may set the status, identification and exit years of existing
   * households (needs household.status in their villages; audited on the import's row). Without it an update that
   * would change them is a row error on the column: after creation they change only through the workflow.
   */
  allowStatus?: boolean;
}
export interface ImportResult {
  mode: ImportMode;
  /** Valid households are committed; a household with any problem is rejected whole. */
  policy: 'valid-households-committed';
  /** Households written (commit) or that would be written (dry-run), of which created / updated. */
  imported: number;
  created: number;
  updated: number;
  /** Households rejected. */
  rejected: number;
  /** Existing households whose status, identification or exit year the import sets (allowStatus). */
  statusChanges: number;
  persons: number;
  rows: number;
  rejectedRows: number;
  /** The first MAX_ERRORS problems, in file order; errorCount has them all (the report workbook too). */
  errors: RowError[];
  errorCount: number;
  warnings: Msg[];
  /** Whether the error report workbook was written to opts.reportPath. */
  report: boolean;
}

export const MAX_ERRORS = 1000;
/**
 * Households per batch (validated together, written in one transaction); memory holds one batch, or two
 * on PostgreSQL, where a batch is written while the next one is validated. SQLite gets larger batches:
 * each commit of a big write ends in a WAL checkpoint with an fsync (~90 ms on the CI disk), and with
 * 1,000-household batches 100,000 households import ~25% slower.
 */
const batchSize = (db: Db) => (isPostgres(db) ? 2000 : 5000);
/** Households imported after which the planner statistics are refreshed (else PostgreSQL plans for empty tables). */
const ANALYZE_AFTER = 10_000;

type Item = { pending: Pending } | { errors: RowError[]; rows: number; household: boolean };

/**
 * Imports households and their persons from a .xlsx or .csv file (path on disk), streaming: the file is
 * scanned once for its header and for split households, then validated and written in batches. Every
 * row is validated; a household commits whole or not at all; dry-run writes nothing. File-level problems
 * (not a workbook, no header, empty) come back as errors on row 0 (or the header row), never as exceptions.
 * Each household's village must lie in `scope` (the caller's household.write scope; the CLI's is global), and
 * an existing household is updated by its code — its version moves on (saveHouseholds) — keeping its status,
 * identification and exit years unless `opts.allowStatus` (checks.ts).
 */
export async function importHouseholds(
  db: Db,
  scope: Scope,
  source: { path: string; name?: string },
  opts: ImportOptions,
): Promise<ImportResult> {
  // The scope for writing households, whatever scope the caller was handed (403 without household.write).
  const writes = scope.withPermission('household.write');
  // Where the import may set statuses (403 without household.status anywhere, when it asks to).
  const statuses = opts.allowStatus ? scope.withPermission('household.status') : null;
  const res: ImportResult = {
    mode: opts.mode,
    policy: 'valid-households-committed',
    imported: 0,
    created: 0,
    updated: 0,
    rejected: 0,
    statusChanges: 0,
    persons: 0,
    rows: 0,
    rejectedRows: 0,
    errors: [],
    errorCount: 0,
    warnings: [],
    report: false,
  };
  const report = opts.reportPath ? new ErrorReport(opts.reportPath, opts.lang ?? currentLang()) : null;
  const addError = async (e: RowError) => {
    res.errorCount++;
    if (res.errors.length < MAX_ERRORS) res.errors.push(e);
    await report?.add(e);
  };
  const progress = opts.onProgress ?? (() => {});
  const file = source.name ?? basename(source.path);
  let cleanup = async () => {};
  try {
    const scanned = await scanFile(source.path, (done, total) => progress({ phase: 'read', done, total }));
    cleanup = scanned.cleanup;
    res.warnings = scanned.warnings;
    res.rows = scanned.dataRows;
    if (scanned.dataRows === 0)
      throw new FileProblem(
        msg('文件只有表头，没有数据行', 'The file has a header but no data rows'),
        scanned.header.row,
      );
    const [ctx, labels] = await Promise.all([loadValidationContext(db), loadLabels(db)]);
    const checks = new BatchChecks(db, writes, statuses);
    const size = opts.batchSize ?? batchSize(db);
    let batch: Item[] = [];
    let done = 0;
    let writing: Promise<Failed[]> = Promise.resolve([]);

    const reject = async (errors: RowError[], rows: number, household: boolean) => {
      if (household) res.rejected++;
      res.rejectedRows += rows;
      for (const e of errors.sort((a, b) => a.row - b.row)) await addError(e);
    };
    const settle = async () => {
      for (const f of await writing) {
        res.imported--;
        res.persons -= f.household.rows;
        if (f.household.existed) res.updated--;
        else res.created--;
        if (f.household.workflowChanges) res.statusChanges--;
        await reject(f.errors, f.household.rows, true);
      }
    };
    const flush = async () => {
      await checks.load(batch.flatMap((i) => ('pending' in i ? [i.pending] : [])));
      const valid: Pending[] = [];
      for (const item of batch) {
        if (!('pending' in item)) {
          await reject(item.errors, item.rows, item.household);
          continue;
        }
        const p = item.pending;
        const errors = p.errors.concat(checks.problems(p));
        if (errors.length) await reject(errors, p.rows, true);
        else {
          valid.push(p);
          p.existed = checks.exists(p);
          if (p.existed) res.updated++;
          else res.created++;
          if (p.workflowChanges) res.statusChanges++;
          res.imported++;
          res.persons += p.rows;
        }
      }
      // One batch is written while the next one is read and validated.
      await settle();
      writing =
        opts.mode === 'commit' && valid.length
          ? writeHouseholds(db, writes.actor, valid, { file, allowStatus: !!opts.allowStatus })
          : Promise.resolve([]);
      batch = [];
      progress({ phase: 'import', done, total: res.rows });
    };

    for await (const g of groupRows(scanned.rows(), scanned.header)) {
      if ('orphan' in g) {
        done++;
        const message = msg(
          '缺少户编号：每一行都要填写所属户的户编号',
          'No household code: every row needs its household code',
        );
        batch.push({ errors: [{ row: g.orphan.row, column: '户编号', message }], rows: 1, household: false });
        continue;
      }
      const rows = g.rows.length + g.dropped;
      done += rows;
      const runs = scanned.split.get(g.code);
      if (runs || g.dropped) {
        const message = runs
          ? msg(
              `户编号 ${g.code} 出现在不相连的几处（第 ${runs.join('、')} 行起），同一户的各行必须连续排列；本户未导入`,
              `Household ${g.code} appears in separate runs of rows (from rows ${runs.join(', ')}); its rows must be contiguous`,
            )
          : msg(
              `一户最多 ${MAX_ROWS_PER_HOUSEHOLD} 行（户编号 ${g.code}）`,
              `At most ${MAX_ROWS_PER_HOUSEHOLD} rows per household`,
            );
        const errors = [{ row: g.rows[0]!.row, column: '户编号', message, household: g.code }];
        // Each run of a split household is reported; the household counts once, on its first run.
        batch.push({ errors, rows, household: !runs || runs[0] === g.rows[0]!.row });
      } else batch.push({ pending: readHousehold(g.code, g.rows, scanned.header, labels, ctx) });
      if (batch.length >= size) await flush();
    }
    await flush();
    await settle();
    if (opts.mode === 'commit' && res.imported >= ANALYZE_AFTER)
      await analyzeTables(db, ['household', 'household_member', 'household_year']);
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    await addError({ row: e.row, column: '', message: e.problem });
  } finally {
    await cleanup();
    if (report) res.report = await report.close();
  }
  return res;
}
