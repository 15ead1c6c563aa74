import { CODE_LISTS, type CodeListDef, type CodeListName } from '../../../shared/register.ts';
import type { Db } from '../../db/index.ts';

/** One code list as the workbook sees it: accepted spellings → code, and the label the export writes. */
export interface ListLabels {
  alias: Map<string, string>;
  label: Map<string, string>;
  /** The Chinese labels of the active codes, for messages and the template notes. */
  allowed: string[];
}
export type Labels = Record<CodeListName, ListLabels>;
/** Code lists by name, as parseCell reads them (the register's Labels, or other modules' lists). */
export type LabelSet = Readonly<Record<string, ListLabels>>;

export interface LabelRow {
  list: string;
  code: string;
  zh: string;
  en: string;
  active: boolean;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Accepts the code, the Chinese label, the English label and the Chinese label without its （…） remark. */
export function listLabels(rows: readonly Omit<LabelRow, 'list'>[]): ListLabels {
  const l: ListLabels = { alias: new Map(), label: new Map(), allowed: [] };
  for (const r of rows) l.alias.set(r.code, r.code).set(norm(r.code), r.code);
  for (const r of rows) {
    l.label.set(r.code, r.zh);
    if (!r.active) continue;
    l.allowed.push(r.zh);
    const spellings = [r.zh, r.en, r.zh.replace(/[（(].*[）)]$/, '')];
    for (const s of spellings) {
      if (s.trim() && !l.alias.has(norm(s))) l.alias.set(norm(s), r.code);
      if (s.trim() && !l.alias.has(s)) l.alias.set(s, r.code); // exact spelling: no normalising needed
    }
  }
  return l;
}

/** The register's code lists from code_list rows (rows of unknown lists are ignored). */
export function labelsFrom(rows: LabelRow[]): Labels {
  const out = {} as Labels;
  for (const name of Object.keys(CODE_LISTS) as CodeListName[])
    out[name] = listLabels(rows.filter((r) => r.list === name));
  return out;
}

/** The shipped code lists (for the template when no database is at hand, and for unit tests). */
export const DEFAULT_LABELS: Labels = labelsFrom(
  Object.entries(CODE_LISTS).flatMap(([list, items]) =>
    (items as CodeListDef).map((c) => ({ list, code: c.code, zh: c.zh, en: c.en, active: true })),
  ),
);

/** The code lists as an administrator left them (relabelled, retired, added codes). */
export async function loadLabels(db: Db): Promise<Labels> {
  const rows = await db.selectFrom('code_list').selectAll().orderBy('list').orderBy('sort_order').execute();
  if (rows.length === 0) return DEFAULT_LABELS;
  return labelsFrom(
    rows.map((r) => ({ list: r.list, code: r.code, zh: r.label_zh, en: r.label_en, active: Number(r.active) === 1 })),
  );
}

/** The code for a cell text, or undefined if the list has no such spelling. */
export const codeOf = (labels: LabelSet, list: string, text: string): string | undefined =>
  labels[list]?.alias.get(text) ?? labels[list]?.alias.get(norm(text));

/** The Chinese label the export writes (the code itself when the list has no label for it). */
export const labelOf = (labels: Labels, list: CodeListName, code: string | null | undefined): string =>
  code ? (labels[list].label.get(code) ?? code) : '';
