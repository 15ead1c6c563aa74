/**
 * The upload use cases (上传导入): receive the multipart upload into a work file (413 past the size limit), run the
 * household import or a help-force import on it with the request's mode and language, a path for the error report
 * and a progress callback (polled at /api/imports/progress/:id), then present the result in that language and keep
 * the report for its owner. The work files are removed afterwards.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type {
  HouseholdImportQuery,
  HouseholdImportResult,
  ImportQuery,
  RowsImportResult as RowsImportView,
} from '../../../shared/contracts/imports.ts';
import type { Actor } from '../../access/permissions.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { currentLang, msg, t, type Lang, type Msg } from '../../i18n.ts';
import type { RowError } from './cells.ts';
import { importRows, rowsSummary } from './import-rows.ts';
import { setProgress } from './progress.ts';
import { keepReport, workFile } from './report.ts';
import type { RowKind } from './row-kind.ts';
import { importHouseholds, MAX_ERRORS, type ImportProgress } from './service.ts';

/** The largest upload by default (the app's `importMaxBytes` sets another). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** One uploaded file as the multipart reader hands it over. */
export interface UploadPart {
  file: Readable & { truncated: boolean };
  filename: string;
}

/** What an upload needs of the HTTP request (Fastify's, with @fastify/multipart registered at the app's root). */
export interface UploadRequest {
  isMultipart(): boolean;
  file(options: {
    limits: { fileSize: number; files: number; fields: number; parts: number };
  }): Promise<UploadPart | undefined>;
}

export interface UploadOptions {
  /** The size limit of the file (413 beyond it). */
  maxBytes: number;
}

/** Whose progress and error reports these are: a user's own (the system's on the command line). */
export const ownerOf = (actor: Actor): string => (actor.kind === 'user' ? String(actor.userId) : actor.name);

/** What every import answers before it is presented (households and the row imports alike). */
interface Imported {
  rows: number;
  errors: RowError[];
  errorCount: number;
  warnings: Msg[];
  report: boolean;
}

type Run<R> = (
  upload: { path: string; name: string },
  opts: { mode: ImportQuery['mode']; reportPath: string; lang: Lang; onProgress: (p: ImportProgress) => void },
) => Promise<R>;

/** POST /api/imports/households: the household import of the uploaded file. */
export async function uploadHouseholds(
  db: Db,
  scope: Scope,
  req: UploadRequest,
  query: HouseholdImportQuery,
  opts: UploadOptions,
): Promise<HouseholdImportResult> {
  // Asking to set statuses without household.status: 403 before the upload is read.
  if (query.allowStatus) scope.withPermission('household.status');
  return receive(scope.actor, req, query, opts, (upload, o) =>
    importHouseholds(db, scope, upload, { ...o, allowStatus: query.allowStatus === true }),
  );
}

/** POST /api/imports/{cadres,stations,pairings}: the help-force import of `kind` of the uploaded file. */
export async function uploadRows(
  db: Db,
  scope: Scope,
  kind: RowKind,
  req: UploadRequest,
  query: ImportQuery,
  opts: UploadOptions,
): Promise<RowsImportView> {
  const res = await receive(scope.actor, req, query, opts, (upload, o) => importRows(db, scope, kind, upload, o));
  return { ...res, summary: t(rowsSummary(res)) };
}

/**
 * Receives the upload into a work file and runs the import on it; presents the result in the request's language
 * (messages as text, the first MAX_ERRORS errors, the report kept for the caller). The upload is removed after.
 */
async function receive<R extends Imported>(
  actor: Actor,
  req: UploadRequest,
  query: ImportQuery,
  opts: UploadOptions,
  run: Run<R>,
) {
  const lang = currentLang();
  const owner = ownerOf(actor);
  const key = query.progressId ? `${owner}:${query.progressId}` : null;
  const progress = (p: Parameters<typeof setProgress>[1]) => {
    if (key) setProgress(key, p);
  };
  if (!req.isMultipart())
    throw new AppError(
      'BAD_REQUEST',
      msg('请以 multipart/form-data 上传文件（字段 file）', 'Upload the file as multipart/form-data (field file)'),
    );
  const part = await req.file({ limits: { fileSize: opts.maxBytes, files: 1, fields: 5, parts: 6 } });
  if (!part) throw new AppError('BAD_REQUEST', msg('没有收到文件', 'No file was uploaded'));
  const upload = workFile('.upload');
  const report = workFile('.errors.xlsx');
  try {
    progress({ phase: 'upload', done: 0, total: 0 });
    try {
      await pipeline(part.file, createWriteStream(upload));
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 413 || part.file.truncated) throw tooLarge(opts.maxBytes);
      throw new AppError('BAD_REQUEST', msg('文件上传中断', 'The upload was interrupted'));
    }
    if (part.file.truncated) throw tooLarge(opts.maxBytes);
    const res = await run(
      { path: upload, name: part.filename },
      { mode: query.mode, reportPath: report, lang, onProgress: progress },
    );
    progress({ phase: 'done', done: res.rows, total: res.rows });
    return {
      ...res,
      errors: res.errors.map((e) => ({ ...e, message: t(e.message, lang) })),
      truncated: res.errorCount > MAX_ERRORS,
      warnings: res.warnings.map((w) => t(w, lang)),
      errorReportId: res.report ? keepReport(report, owner) : null,
    };
  } catch (e) {
    await rm(report, { force: true });
    throw e;
  } finally {
    await rm(upload, { force: true });
  }
}

function tooLarge(maxBytes: number) {
  const size =
    maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
  return new AppError('PAYLOAD_TOO_LARGE', msg(`文件超过 ${size} 的上限`, `The file exceeds the ${size} limit`));
}
