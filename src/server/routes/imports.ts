import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeAny } from '../../core/access/scope.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { msg, t, type Lang, type Msg } from '../../core/i18n.ts';
import type { RowError } from '../../core/modules/imports/cells.ts';
import { FORCE_IMPORT_NAMES, FORCE_IMPORTS } from '../../core/modules/imports/forces/index.ts';
import { importRows, rowsSummary, rowTemplate } from '../../core/modules/imports/import-rows.ts';
import { getProgress, setProgress } from '../../core/modules/imports/progress.ts';
import { keepReport, reportPath, workFile } from '../../core/modules/imports/report.ts';
import { importHouseholds, MAX_ERRORS, type ImportProgress } from '../../core/modules/imports/service.ts';
import { buildTemplate } from '../../core/modules/imports/template.ts';
import { actorOf } from '../plugins/auth.ts';
import type { Deps } from './deps.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const Token = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

const ImportResult = z.object({
  mode: z.enum(['dry-run', 'commit']),
  policy: z.literal('valid-households-committed'),
  imported: z.number(),
  created: z.number(),
  updated: z.number(),
  rejected: z.number(),
  persons: z.number(),
  rows: z.number(),
  rejectedRows: z.number(),
  errors: z.array(
    z.object({ row: z.number(), column: z.string(), message: z.string(), household: z.string().optional() }),
  ),
  errorCount: z.number(),
  truncated: z.boolean(),
  warnings: z.array(z.string()),
  errorReportId: z.string().nullable(),
});

const RowsResult = z.object({
  kind: z.enum(FORCE_IMPORT_NAMES as [string, ...string[]]),
  mode: z.enum(['dry-run', 'commit']),
  policy: z.literal('valid-rows-committed'),
  rows: z.number(),
  imported: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  summary: z.string(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string(), key: z.string().optional() })),
  errorCount: z.number(),
  truncated: z.boolean(),
  warnings: z.array(z.string()),
  errorReportId: z.string().nullable(),
});

/** What every import answers before it is presented (households and the row imports alike). */
interface Imported {
  rows: number;
  errors: RowError[];
  errorCount: number;
  warnings: Msg[];
  report: boolean;
}

const ImportQuery = z.object({
  mode: z.enum(['dry-run', 'commit']).default('dry-run'),
  progressId: Token.optional(),
});

/**
 * Household import (template, upload with dry-run/commit, progress, error report) and export; the
 * help-force imports (cadres, stations, pairings) through the same upload, progress and report.
 */
export const importRoutes =
  (deps: Deps, opts: { maxBytes?: number } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;
    const maxBytes = opts.maxBytes ?? 200 * 1024 * 1024;
    const limits = { fileSize: maxBytes, files: 1, fields: 5, parts: 6 };

    app.get(
      '/api/imports/households/template',
      { schema: { tags: ['imports'], summary: '户籍导入模板 Import template (xlsx)' } },
      async (req, reply) => {
        const actor = actorOf(req);
        authorizeAny(actor, 'household.read');
        const body = await buildTemplate(db, actor);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment('household-template.xlsx', '建档立卡户导入模板.xlsx'))
          .send(body);
      },
    );

    app.post(
      '/api/imports/households',
      {
        schema: {
          tags: ['imports'],
          summary: '导入建档立卡户 Import households (multipart field `file`: .xlsx or .csv)',
          querystring: ImportQuery,
          response: { 200: ImportResult },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorizeAny(actor, 'household.write');
        return receive(req, req.query, (upload, opts) => importHouseholds(db, actor, upload, opts));
      },
    );

    for (const name of FORCE_IMPORT_NAMES) {
      const kind = FORCE_IMPORTS[name];
      app.get(
        `/api/imports/${name}/template`,
        { schema: { tags: ['imports'], summary: `${kind.sheet}导入模板 Import template of ${name} (xlsx)` } },
        async (req, reply) => {
          const actor = actorOf(req);
          authorizeAny(actor, 'force.read');
          const body = await rowTemplate(db, actor, kind);
          return reply
            .header('content-type', XLSX)
            .header('content-disposition', attachment(kind.templateName.ascii, kind.templateName.zh))
            .send(body);
        },
      );
      app.post(
        `/api/imports/${name}`,
        {
          schema: {
            tags: ['imports'],
            summary: `导入${kind.sheet} Import ${name}, one per row: valid rows are committed, the others reported (multipart field \`file\`: .xlsx or .csv)`,
            querystring: ImportQuery,
            response: { 200: RowsResult },
          },
        },
        async (req) => {
          const actor = actorOf(req);
          authorizeAny(actor, kind.permission);
          const res = await receive(req, req.query, (upload, opts) => importRows(db, actor, kind, upload, opts));
          return { ...res, summary: t(rowsSummary(res), req.lang) };
        },
      );
    }

    /**
     * Receives the multipart upload into a work file and runs the import on it with the request's mode and
     * language, a path for the error report and a progress callback (polled at /api/imports/progress/:id);
     * then presents the result in the request's language, keeping the report for its owner. The work files
     * are removed afterwards.
     */
    async function receive<R extends Imported>(
      req: FastifyRequest,
      query: { mode: 'dry-run' | 'commit'; progressId?: string },
      run: (
        upload: { path: string; name: string },
        opts: { mode: 'dry-run' | 'commit'; reportPath: string; lang: Lang; onProgress: (p: ImportProgress) => void },
      ) => Promise<R>,
    ) {
      const actor = actorOf(req);
      const key = query.progressId ? `${actor.userId}:${query.progressId}` : null;
      const progress = (p: Parameters<typeof setProgress>[1]) => {
        if (key) setProgress(key, p);
      };
      if (!req.isMultipart())
        throw new AppError(
          'BAD_REQUEST',
          msg('请以 multipart/form-data 上传文件（字段 file）', 'Upload the file as multipart/form-data (field file)'),
        );
      const part = await req.file({ limits });
      if (!part) throw new AppError('BAD_REQUEST', msg('没有收到文件', 'No file was uploaded'));
      const upload = workFile('.upload');
      const report = workFile('.errors.xlsx');
      try {
        progress({ phase: 'upload', done: 0, total: 0 });
        try {
          await pipeline(part.file, createWriteStream(upload));
        } catch (e) {
          if ((e as { statusCode?: number }).statusCode === 413 || part.file.truncated) throw tooLarge(maxBytes);
          throw new AppError('BAD_REQUEST', msg('文件上传中断', 'The upload was interrupted'));
        }
        if (part.file.truncated) throw tooLarge(maxBytes);
        const res = await run(
          { path: upload, name: part.filename },
          { mode: query.mode, reportPath: report, lang: req.lang, onProgress: progress },
        );
        progress({ phase: 'done', done: res.rows, total: res.rows });
        return {
          ...res,
          errors: res.errors.map((e) => ({ ...e, message: t(e.message, req.lang) })),
          truncated: res.errorCount > MAX_ERRORS,
          warnings: res.warnings.map((w) => t(w, req.lang)),
          errorReportId: res.report ? keepReport(report, String(actor.userId)) : null,
        };
      } catch (e) {
        await rm(report, { force: true });
        throw e;
      } finally {
        await rm(upload, { force: true });
      }
    }

    app.get(
      '/api/imports/progress/:id',
      {
        schema: {
          tags: ['imports'],
          summary: '导入进度 Import progress (poll while the upload request runs)',
          params: z.object({ id: Token }),
          response: { 200: z.object({ phase: z.string(), done: z.number(), total: z.number() }) },
        },
      },
      async (req) => {
        const s = getProgress(`${actorOf(req).userId}:${req.params.id}`);
        return s ?? { phase: 'pending', done: 0, total: 0 };
      },
    );

    app.get(
      '/api/imports/reports/:id',
      { schema: { tags: ['imports'], summary: '导入错误报告 Error report (xlsx)', params: z.object({ id: Token }) } },
      async (req, reply) => {
        const path = reportPath(req.params.id, String(actorOf(req).userId));
        // A report removed from disk (a cleaned temporary folder) is as gone as an expired one.
        if (!path || !existsSync(path))
          throw notFound(msg('错误报告不存在或已过期，请重新导入', 'The error report does not exist or has expired'));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment('import-errors.xlsx', '导入错误报告.xlsx'))
          .send(createReadStream(path));
      },
    );
  };

function tooLarge(maxBytes: number) {
  const size =
    maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
  return new AppError('PAYLOAD_TOO_LARGE', msg(`文件超过 ${size} 的上限`, `The file exceeds the ${size} limit`));
}
