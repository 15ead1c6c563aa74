/**
 * Imports (导入): the household import (户籍导入: template, upload as a dry run or for real, progress, error
 * report) and the help-force imports of one record per row (帮扶力量导入: cadres, stationing assignments,
 * pairings) through the same upload, progress and report. The household export is the register's
 * (households.export).
 */
import { z } from 'zod';
import type { Permission } from '../codes.ts';
import { contract } from './contract.ts';
import { QueryFlag } from './fields.ts';

const tags = ['imports'];

/** A progress or error-report id: what the page made up (progress) or the server handed out (report). */
export const ImportToken = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const TokenParam = z.object({ id: ImportToken });

export const IMPORT_MODES = ['dry-run', 'commit'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Every upload: a dry run (checks, writes nothing) or a commit, and the id under which the page polls progress. */
export const ImportQuery = z.object({
  mode: z.enum(IMPORT_MODES).default('dry-run'),
  progressId: ImportToken.optional(),
});
export type ImportQuery = z.output<typeof ImportQuery>;

/**
 * The household upload: an import of historical data may say `allowStatus=true` to set the status, identification
 * and exit years of households that exist (household.status: the system administrator; audited on the import's
 * row). Without it such a change is a row error on its column.
 */
export const HouseholdImportQuery = ImportQuery.extend({ allowStatus: QueryFlag });
export type HouseholdImportQuery = z.output<typeof HouseholdImportQuery>;

/** A rejected row: where (row 0 = the file as a whole, column '' = the row as a whole) and why. */
const RowErrorView = z.object({
  row: z.number(),
  column: z.string(),
  message: z.string(),
  /** The household the row belongs to (household import). */
  household: z.string().optional(),
  /** What the row is about: the cadre, the pairing (help-force imports). */
  key: z.string().optional(),
});
export type ImportRowError = z.output<typeof RowErrorView>;

/** What every import answers besides its counts. */
const Reported = {
  errors: z.array(RowErrorView),
  /** All problems; `errors` lists the first 1,000, the error report has them all. */
  errorCount: z.number(),
  truncated: z.boolean(),
  warnings: z.array(z.string()),
  /** The error report workbook (GET /api/imports/reports/:id), kept for its owner for a while. */
  errorReportId: z.string().nullable(),
};

/** The household import's result: a household is imported whole or not at all. */
export const HouseholdImportResult = z.object({
  mode: z.enum(IMPORT_MODES),
  policy: z.literal('valid-households-committed'),
  imported: z.number(),
  created: z.number(),
  updated: z.number(),
  rejected: z.number(),
  /** Existing households whose status, identification or exit year the import set (allowStatus). */
  statusChanges: z.number(),
  persons: z.number(),
  rows: z.number(),
  rejectedRows: z.number(),
  ...Reported,
});
export type HouseholdImportResult = z.output<typeof HouseholdImportResult>;

/** The help-force imports, one record per row, by the name in their URLs. */
export const FORCE_IMPORT_KINDS = ['cadres', 'stations', 'pairings'] as const;
export type ForceImportKind = (typeof FORCE_IMPORT_KINDS)[number];

/** The result of a help-force import: rows are independent, each valid row is committed. */
export const RowsImportResult = z.object({
  kind: z.enum(FORCE_IMPORT_KINDS),
  mode: z.enum(IMPORT_MODES),
  policy: z.literal('valid-rows-committed'),
  rows: z.number(),
  imported: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  /** The result in one sentence, in the caller's language. */
  summary: z.string(),
  ...Reported,
});
export type RowsImportResult = z.output<typeof RowsImportResult>;

/** pending (not started yet), upload, read (the file's bytes), import (rows checked and written), done. */
export const IMPORT_PHASES = ['pending', 'upload', 'read', 'import', 'done'] as const;

export const ImportProgress = z.object({
  phase: z.enum(IMPORT_PHASES),
  done: z.number(),
  total: z.number(),
});
export type ImportProgress = z.output<typeof ImportProgress>;

/** The template and the upload of one help-force import; `permission` is what the upload needs. */
function forceImport<const N extends ForceImportKind, const P extends Permission>(
  name: N,
  sheet: string,
  permission: P,
) {
  return {
    template: contract({
      method: 'GET',
      path: `/api/imports/${name}/template`,
      summary: `${sheet}导入模板 Import template of ${name} (xlsx)`,
      tags,
      response: 'file',
      // Anyone who reads the help forces may download a template; its example rows lie in the caller's scope.
      permission: 'force.read',
      scope: 'row',
    }),
    upload: contract({
      method: 'POST',
      path: `/api/imports/${name}`,
      summary: `导入${sheet} Import ${name}, one per row: valid rows are committed, the others reported (multipart field \`file\`: .xlsx or .csv)`,
      tags,
      query: ImportQuery,
      response: RowsImportResult,
      permission,
      // Each row's region is checked against the caller's scope for the permission.
      scope: 'row',
      multipart: true,
    }),
  };
}

export const forceImports = {
  cadres: forceImport('cadres', '干部信息', 'force.write'),
  stations: forceImport('stations', '驻村任职', 'force.station'),
  pairings: forceImport('pairings', '结对帮扶', 'force.write'),
};

export const imports = {
  householdTemplate: contract({
    method: 'GET',
    path: '/api/imports/households/template',
    summary: '户籍导入模板 Import template (xlsx)',
    tags,
    response: 'file',
    permission: 'household.read',
    scope: 'row',
  }),
  households: contract({
    method: 'POST',
    path: '/api/imports/households',
    summary:
      '导入建档立卡户 Import households (multipart field `file`: .xlsx or .csv; allowStatus=true: set the status of existing households, household.status)',
    tags,
    query: HouseholdImportQuery,
    response: HouseholdImportResult,
    permission: 'household.write',
    // Each household's village is checked against the caller's scope (and a code taken outside it is refused).
    scope: 'row',
    multipart: true,
  }),
  progress: contract({
    method: 'GET',
    path: '/api/imports/progress/:id',
    summary: '导入进度 Import progress (poll while the upload request runs; the caller’s own imports)',
    tags,
    params: TokenParam,
    response: ImportProgress,
    permission: null,
    scope: 'global',
  }),
  report: contract({
    method: 'GET',
    path: '/api/imports/reports/:id',
    summary: '导入错误报告 Error report (xlsx; the caller’s own imports)',
    tags,
    params: TokenParam,
    response: 'file',
    permission: null,
    scope: 'global',
  }),
};
