import type { FastifyRequest } from 'fastify';
import { workflow as c } from '../../shared/contracts/workflow.ts';
import { AppError } from '../../core/errors.ts';
import { msg } from '../../core/i18n.ts';
import { CROSSCHECK_FILE_MAX_BYTES, crosscheckFile } from '../../core/modules/workflow/crosscheck-file.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** The uploaded file (multipart field `file`) and the text fields before it; 400 without one, 413 when too large. */
async function uploaded(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart())
    throw new AppError(
      'BAD_REQUEST',
      msg('请以 multipart/form-data 上传文件（字段 file）', 'Upload the file as multipart/form-data (field file)'),
    );
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 3, parts: 4 } });
  if (!part) throw new AppError('BAD_REQUEST', msg('没有收到文件', 'No file received'));
  const buffer = await part.toBuffer();
  if (part.file.truncated)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      msg(`文件超过 ${maxBytes / 1024 / 1024} MB`, `The file exceeds ${maxBytes / 1024 / 1024} MB`),
    );
  const field = (name: string) => {
    const v = (part.fields[name] as { value?: unknown } | undefined)?.value;
    return typeof v === 'string' && v ? v : undefined;
  };
  return { buffer, field };
}

/** 一比对 with an uploaded .xlsx or .csv (optional form field `source` for a one-department file). */
export const crosscheckFileBindings = ({ database: { db } }: Deps) => [
  bind(c.crosscheckFile, async (_input, { scope, req }) => {
    const { buffer, field } = await uploaded(req, CROSSCHECK_FILE_MAX_BYTES);
    return crosscheckFile(db, scope, { buffer, source: field('source') });
  }),
];
