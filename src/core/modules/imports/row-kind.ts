import type { Permission } from '../../../shared/codes.ts';
import type { ForceImportKind } from '../../../shared/contracts/imports.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import type { Msg } from '../../i18n.ts';
import type { SheetColumn, SheetLayout } from './columns.ts';
import type { LabelSet } from './labels.ts';

/** The parsed cells of one row by column field (blank cells are absent). */
export type Values = Record<string, unknown>;

/** What a row did: a new record, a changed one, or one that was already there as the row says. */
export type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * Writes one row through the module's service functions (which validate it as the API does) on `db`,
 * the import's transaction. Refusals are AppErrors naming fields (VALIDATION details) or a whole-row
 * reason (FORBIDDEN, CONFLICT…); RowKind.column places them on the row's columns.
 */
export type RowWriter = (db: Db, values: Values) => Promise<Outcome>;

/**
 * An import of one record per row (cadres, stationing assignments, pairings): its workbook layout,
 * template and how a row becomes a service call. The file reading, dry run, row report, error workbook
 * and progress are the import machinery's (importRows).
 */
export interface RowKind {
  /** The name in URLs and on the command line (cadres, stations, pairings). */
  name: ForceImportKind;
  /** Audit entity of the import's summary row. */
  entity: string;
  /** The data sheet (干部信息…) and the template's file name (干部信息导入模板.xlsx). */
  sheet: string;
  templateName: string;
  /** Third column of the error report: what the row is about. */
  keyHeader: Msg;
  /** Needed to import (to download the template: force.read) — the upload contract's (shared/contracts/imports.ts). */
  permission: Permission;
  columns: readonly SheetColumn[];
  layout: SheetLayout;
  /** Lines of the template's 填写说明. */
  rules: readonly string[];
  /** The code lists of the code columns, by SheetColumn.list. */
  labels(db: Db): Promise<LabelSet>;
  /** Example rows for the template, in column order, in the caller's scope: they import as they are. */
  example(db: Db, scope: Scope): Promise<(string | number | null)[][]>;
  /** What the row is about, for the report (a name, a household code…). */
  key(values: Values): string;
  /**
   * Loads what every row needs (reference data such as units by name) and returns the row writer; `scope` is the
   * caller's for `permission`: each row's region must lie in it.
   */
  start(db: Db, scope: Scope): Promise<RowWriter>;
  /**
   * The header of the column a problem belongs to: `path` is a field path of a VALIDATION detail (personId,
   * startDate…) or the code of a whole-row refusal (FORBIDDEN, CONFLICT, NOT_FOUND). '' = the row as a whole.
   */
  column(path: string, values: Values): string;
}

/** The header of the column with `field` ('' if none). */
export const headerOf = (kind: Pick<RowKind, 'columns'>, field: string): string =>
  kind.columns.find((c) => c.field === field)?.header ?? '';
