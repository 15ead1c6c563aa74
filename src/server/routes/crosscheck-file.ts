import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { msg, t } from '../../core/i18n.ts';
import { FileProblem, type Cell, type SourceRow } from '../../core/modules/imports/cells.ts';
import { readCsv } from '../../core/modules/imports/parse-csv.ts';
import { readXlsx } from '../../core/modules/imports/parse-xlsx.ts';
import { crosscheckRowsFrom } from '../../core/modules/workflow/crosscheck.ts';
import { crosscheckUpload } from '../../core/modules/workflow/crosscheck-service.ts';
import { actorOf } from '../plugins/auth.ts';
import { CodeParam } from '../schemas.ts';
import type { Deps } from './deps.ts';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A cell as text; a number too large to be exact (an ID number Excel stored as a number) keeps its
 * exponent form, so the ID check can say that its digits were lost.
 */
function text(c: Cell): string {
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
  for await (const r of source) out.push({ row: r.row, cells: r.cells.map(text) });
  return out;
}

/**
 * 一比对 with a file: other departments' records (vehicles, commercial housing, public payroll, business
 * registration) uploaded as .xlsx or .csv (columns 身份证号, 来源, 详情; or one department's file with
 * `source` given as a form field), matched by ID number against the village's applicants.
 */
export const crosscheckFileRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;

    app.post(
      '/api/villages/:code/crosscheck/file',
      {
        schema: {
          tags: ['workflow'],
          summary: '部门信息比对（上传工作簿或 CSV）Cross-check with an uploaded file',
          params: CodeParam,
          consumes: ['multipart/form-data'],
          response: {
            200: z.object({
              checked: z.number(),
              hits: z.number(),
              rejected: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
            }),
          },
        },
      },
      async (req) => {
        if (!req.isMultipart())
          throw new AppError(
            'BAD_REQUEST',
            msg(
              '请以 multipart/form-data 上传文件（字段 file）',
              'Upload the file as multipart/form-data (field file)',
            ),
          );
        const part = await req.file({ limits: { fileSize: MAX_BYTES, files: 1, fields: 3, parts: 4 } });
        if (!part) throw new AppError('BAD_REQUEST', msg('没有收到文件', 'No file received'));
        const buffer = await part.toBuffer();
        if (part.file.truncated)
          throw new AppError('PAYLOAD_TOO_LARGE', msg('文件超过 20 MB', 'The file exceeds 20 MB'));
        const field = part.fields.source as { value?: unknown } | undefined;
        const source = typeof field?.value === 'string' && field.value ? field.value : undefined;
        let records;
        try {
          records = await readRows(buffer);
        } catch (e) {
          if (e instanceof FileProblem)
            throw new AppError('VALIDATION', e.problem, [{ path: 'file', message: e.problem }]);
          throw e;
        }
        const { rows, problems } = crosscheckRowsFrom(records, source);
        const lang = req.lang;
        if (problems.length && rows.length === 0) {
          return { checked: 0, hits: 0, rejected: problems.map((p) => ({ ...p, message: t(p.message, lang) })) };
        }
        const r = await crosscheckUpload(db, actorOf(req), req.params.code, rows);
        return {
          checked: r.checked,
          hits: r.hits.length,
          rejected: [...problems, ...r.rejected].map((p) => ({ ...p, message: t(p.message, lang) })),
        };
      },
    );
  };
