/**
 * What every import workbook layout is made of, whatever it holds (households, cadres, stations,
 * pairings): columns with a Chinese header, a value kind and an optional code list, and the way a
 * header row is recognised and mapped to them.
 */
export type Kind = 'text' | 'code' | 'codes' | 'int' | 'money' | 'bool' | 'tri' | 'date' | 'id' | 'phone';

/** One column of a workbook layout. */
export interface SheetColumn {
  /** The property the column fills (also accepted as a header). */
  field: string;
  header: string;
  kind: Kind;
  /** The code list of a code column (its name in the labels handed to parseCell). */
  list?: string;
  required?: boolean;
  /** Written by an export, ignored by the import (derived values). */
  readonly?: boolean;
  /** Other headers people write for this column. */
  aliases?: readonly string[];
  note: string;
}

/** Header text reduced for matching: no spaces, asterisks, brackets or 必填 marks. */
export const headerKey = (s: string): string =>
  s
    .replace(/[\s*＊()（）[\]【】]/g, '')
    .replace(/必填$/, '')
    .toLowerCase();

/** A layout as the file reader needs it. */
export interface SheetLayout {
  columns: readonly SheetColumn[];
  /** The layout column a header names, or undefined. */
  columnOfHeader(header: string): number | undefined;
  /** A header row must name this column (that is how it is told apart from title rows above it). */
  anchor: number;
  /** Rows of one record share this column's value and must be contiguous (households); checked by the first pass. */
  groupBy?: number;
}

/** A layout over `columns`: each is found by its header, its aliases and its field name. */
export function sheetLayout(columns: readonly SheetColumn[], opts: { anchor: number; groupBy?: number }): SheetLayout {
  const byKey = new Map<string, number>();
  columns.forEach((col, i) => byKey.set(headerKey(col.header), i));
  columns.forEach((col, i) => {
    for (const a of [...(col.aliases ?? []), col.field]) if (!byKey.has(headerKey(a))) byKey.set(headerKey(a), i);
  });
  return { columns, columnOfHeader: (h) => byKey.get(headerKey(h)), ...opts };
}
