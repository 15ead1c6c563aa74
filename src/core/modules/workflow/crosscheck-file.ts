import { Readable } from 'node:stream';
import type { CrosscheckFileResult } from '../../../shared/contracts/workflow.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { FileProblem, type Cell, type SourceRow } from '../imports/cells.ts';
import { readCsv } from '../imports/parse-csv.ts';
import { readXlsx } from '../imports/parse-xlsx.ts';
import { crosscheckRowsFrom } from './crosscheck.ts';
import { crosscheckUpload, localizeProblems, villageOf } from './crosscheck-service.ts';

/** The largest file taken (20 MB). */
export const CROSSCHECK_FILE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A cell as text; a number too large to be exact (an ID number Excel stored as a number) keeps its
 * exponent form, so the ID check can say that its digits were lost.
 */
function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'object') return 'date' in c ? c.date : '';
  return typeof c === 'number' && !Number.isSafeInteger(c) ? c.toExponential() : String(c);
}

/** Rows of an uploaded CSV or workbook (told apart by the zip signature), read with the importer's readers. */
async function readRows(buffer: Buffer): Promise<{ row: number; cells: string[] }[]> {
  const source: AsyncIterable<SourceRow> =
    buffer.subarray(0, 2).toString('latin1') === 'PK'
      ? readXlsx(Readable.from([buffer]))
      : readCsv(Readable.from([buffer]));
  const out: { row: number; cells: string[] }[] = [];
  try {
    for await (const r of source) out.push({ row: r.row, cells: r.cells.map(cellText) });
  } catch (e) {
    if (e instanceof FileProblem) throw new AppError('VALIDATION', e.problem, [{ path: 'file', message: e.problem }]);
    throw e;
  }
  return out;
}

/**
 * 一比对 with a file: other departments' records (vehicles, commercial housing, public payroll, business
 * registration) uploaded as .xlsx or .csv (columns 身份证号, 来源, 详情; or one department's file with `source`
 * given beside it), matched by ID number against the village's applicants. A file that cannot be read answers 400;
 * a file without the needed columns checks nothing and says why.
 */
export async function crosscheckFile(
  db: Db,
  scope: Scope,
  file: { buffer: Buffer; source?: string },
): Promise<CrosscheckFileResult> {
  villageOf(scope);
  const { rows, problems } = crosscheckRowsFrom(await readRows(file.buffer), file.source);
  if (problems.length && rows.length === 0) return { checked: 0, hits: 0, rejected: localizeProblems(problems) };
  const r = await crosscheckUpload(db, scope, rows);
  return { checked: r.checked, hits: r.hits.length, rejected: [...localizeProblems(problems), ...r.rejected] };
}
