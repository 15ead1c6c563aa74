import { once, type EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type SheetWriter = ExcelJS.Worksheet;

/**
 * A streaming workbook writer (exceljs WorkbookWriter) with inline strings, so nothing per-cell is kept.
 * Without styles (bold header, text format) it is 3× faster: exceljs looks up a style for every cell.
 */
export function workbookWriter(out: Writable, styles = false): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: styles });
}

/** Bold header row with widths; returns the sheet. */
export function addSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  headers: { header: string; width: number; text?: boolean }[],
): SheetWriter {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h) => ({ width: h.width, ...(h.text ? { style: { numFmt: '@' } } : {}) }));
  const row = ws.addRow(headers.map((h) => h.header));
  row.font = { bold: true };
  row.commit();
  return ws;
}

/**
 * Backpressure for exceljs's writer, which does not wait for its zip stream: every so often, wait until
 * the sheet's compressed output has drained (else a fast producer buffers the whole file in memory).
 * Reaches into exceljs internals (the sheet stream's pipe target); without them it only yields.
 */
export async function drained(ws: SheetWriter, out: Writable): Promise<void> {
  type Queue = { _writableState?: { length: number }; _readableState?: { length: number } } & EventEmitter;
  const target = (ws as unknown as { stream?: { pipes?: Queue[] } }).stream?.pipes?.[0];
  const queued = () => (target?._writableState?.length ?? 0) + (target?._readableState?.length ?? 0);
  for (let i = 0; i < 1000 && target && queued() > 4_000_000; i++) await drain(target, 20);
  while (out.writableNeedDrain && !out.destroyed) await drain(out, 1000);
  await new Promise((r) => setImmediate(r));
}

/** Waits for 'drain' (or 'close', or at most `ms`), removing its listeners afterwards. */
export async function drain(emitter: EventEmitter, ms: number): Promise<void> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), ms);
  try {
    await Promise.race([once(emitter, 'drain', { signal: ac.signal }), once(emitter, 'close', { signal: ac.signal })]);
  } catch {
    // aborted by the timer, or the stream failed (its owner sees the error)
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
}
