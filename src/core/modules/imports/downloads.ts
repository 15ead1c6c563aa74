/**
 * The downloads of the imports and the progress they report: the templates (导入模板) whose example rows lie in the
 * caller's scope, the error report (导入错误报告) of the caller's own import, and that import's progress.
 */
import { createReadStream, existsSync } from 'node:fs';
import type { FileReply } from '../../../shared/contracts/contract.ts';
import type { ImportProgress } from '../../../shared/contracts/imports.ts';
import type { Actor } from '../../access/permissions.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { rowTemplate } from './import-rows.ts';
import { getProgress } from './progress.ts';
import { reportPath } from './report.ts';
import type { RowKind } from './row-kind.ts';
import { buildTemplate } from './template.ts';
import { ownerOf } from './upload.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /api/imports/households/template: the household template (户籍导入模板). */
export async function householdTemplateFile(db: Db, scope: Scope): Promise<FileReply> {
  return { body: await buildTemplate(db, scope), type: XLSX, filename: '建档立卡户导入模板.xlsx' };
}

/** GET /api/imports/{cadres,stations,pairings}/template: the template of a help-force import. */
export async function rowTemplateFile(db: Db, scope: Scope, kind: RowKind): Promise<FileReply> {
  return { body: await rowTemplate(db, scope, kind), type: XLSX, filename: kind.templateName };
}

/** GET /api/imports/reports/:id: the error report of one of the caller's imports (404 for anyone else's). */
export function errorReportFile(actor: Actor, id: string): FileReply {
  const path = reportPath(id, ownerOf(actor));
  // A report removed from disk (a cleaned temporary folder) is as gone as an expired one.
  if (!path || !existsSync(path))
    throw notFound(msg('错误报告不存在或已过期，请重新导入', 'The error report does not exist or has expired'));
  return { body: createReadStream(path), type: XLSX, filename: '导入错误报告.xlsx' };
}

/** GET /api/imports/progress/:id: how far the caller's import under `id` has got (pending until it starts). */
export function importProgress(actor: Actor, id: string): ImportProgress {
  const s = getProgress(`${ownerOf(actor)}:${id}`);
  return s ? { phase: s.phase, done: s.done, total: s.total } : { phase: 'pending', done: 0, total: 0 };
}
