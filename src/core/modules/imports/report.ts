import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { msg, t, type Lang, type Msg } from '../../i18n.ts';
import type { RowError } from './cells.ts';
import { addSheet, drained, workbookWriter, type SheetWriter } from './xlsx-write.ts';

/** Where uploads, spools and error reports live while an import runs (and reports for a while after). */
export const WORK_DIR = join(tmpdir(), 'xiuhua-imports');

export function workFile(suffix: string): string {
  mkdirSync(WORK_DIR, { recursive: true });
  return join(WORK_DIR, `${Date.now()}-${randomBytes(8).toString('hex')}${suffix}`);
}

/** The error report workbook (导入错误报告), written row by row as errors are found. */
export class ErrorReport {
  private wb: ExcelJS.stream.xlsx.WorkbookWriter | null = null;
  private ws: SheetWriter | null = null;
  private out: WriteStream | null = null;
  private count = 0;
  readonly path: string;
  private readonly lang: Lang;
  private readonly keyHeader: Msg;

  /** keyHeader: the third column, what each row is about (户编号 for households; the cadre for cadres…). */
  constructor(path: string, lang: Lang, keyHeader: Msg = msg('户编号', 'Household')) {
    this.path = path;
    this.lang = lang;
    this.keyHeader = keyHeader;
  }

  async add(e: RowError): Promise<void> {
    if (!this.ws) {
      this.out = createWriteStream(this.path);
      this.wb = workbookWriter(this.out, true);
      const zh = this.lang === 'zh';
      this.ws = addSheet(this.wb, zh ? '导入错误' : 'Import errors', [
        { header: zh ? '行号' : 'Row', width: 8 },
        { header: zh ? '列' : 'Column', width: 18 },
        { header: t(this.keyHeader, this.lang), width: 20, text: true },
        { header: zh ? '问题' : 'Problem', width: 80 },
      ]);
    }
    this.ws.addRow([e.row || '', e.column, e.household ?? e.key ?? '', t(e.message, this.lang)]).commit();
    if (++this.count % 1000 === 0) await drained(this.ws, this.out!);
  }

  /** Finishes the file; false when there was nothing to report (no file). */
  async close(): Promise<boolean> {
    if (!this.wb || !this.ws) return false;
    this.ws.commit();
    const closed = once(this.out!, 'close');
    await this.wb.commit();
    await closed;
    return true;
  }

  async discard(): Promise<void> {
    if (this.wb) await this.close().catch(() => false);
    await rm(this.path, { force: true });
  }
}

interface Stored {
  path: string;
  owner: string;
  expires: number;
}
const reports = new Map<string, Stored>();
const KEEP_MS = 2 * 60 * 60 * 1000;

/** Keeps a finished report for its owner to download for two hours; returns its id. */
export function keepReport(path: string, owner: string): string {
  sweepReports();
  const id = randomBytes(12).toString('hex');
  reports.set(id, { path, owner, expires: Date.now() + KEEP_MS });
  return id;
}

/** The report's file if it exists, belongs to `owner` and has not expired. */
export function reportPath(id: string, owner: string): string | null {
  const r = reports.get(id);
  return r && r.owner === owner && r.expires > Date.now() ? r.path : null;
}

/** Forgets expired reports, and removes work files left over from earlier runs (crashes, restarts). */
export function sweepReports(now = Date.now()): void {
  for (const [id, r] of reports)
    if (r.expires <= now) {
      reports.delete(id);
      void rm(r.path, { force: true });
    }
  void readdir(WORK_DIR)
    .then((names) =>
      Promise.all(
        names.map(async (name) => {
          const path = join(WORK_DIR, name);
          if (now - (await stat(path)).mtimeMs > KEEP_MS) await rm(path, { force: true });
        }),
      ),
    )
    .catch(() => {});
}
