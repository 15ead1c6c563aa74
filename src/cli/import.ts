import { resolveScope } from '../core/access/resolve.ts';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { SYSTEM } from '../core/access/permissions.ts';
import { Scope } from '../core/access/scope.ts';
import type { Database } from '../core/db/index.ts';
import { importHouseholds, type ImportProgress } from '../core/modules/imports/service.ts';
import { exportHouseholds, type ExportOptions } from '../core/modules/imports/export.ts';
import { FORCE_IMPORT_NAMES, FORCE_IMPORTS, type ForceImport } from '../core/modules/imports/forces/index.ts';
import { importRows, rowsSummary } from '../core/modules/imports/import-rows.ts';
import { str, type Args } from './args.ts';
import { terminalProgress } from './progress.ts';

/** Lines for the `xiuhua` help text. */
export const IMPORT_HELP = `  xiuhua import households FILE [--dry-run] [--allow-status]
                                    import households and persons from .xlsx or .csv (UTF-8); errors go to FILE.errors.xlsx;
                                    --allow-status: historical data, may set the status of existing households
  xiuhua import cadres|stations|pairings FILE [--dry-run]
                                    import cadres, stationing assignments or pairings (one per row; valid rows are
                                    imported, the others reported in FILE.errors.xlsx)
  xiuhua export households --region CODE FILE [--format xlsx|csv] [--status poor,exited] [--year 2024] [--mask]
                                    export the register of a region in the import layout (full ID numbers unless --mask)`;

const STEPS = { read: '读取文件 read (bytes)', import: '校验写入 import (rows)' } as const;

const USAGE = `usage: xiuhua import households|${FORCE_IMPORT_NAMES.join('|')} FILE [--dry-run]`;

/**
 * `xiuhua import households|cadres|stations|pairings FILE [--dry-run]` — runs as the system actor, over every
 * region (a global Scope: the operator of the command line may write anywhere); prints the result and the first
 * errors.
 */
export async function importCommand(d: Database, args: Args): Promise<void> {
  const what = args._[1];
  const file = args._[2];
  const isForce = (FORCE_IMPORT_NAMES as readonly string[]).includes(what ?? '');
  if ((what !== 'households' && !isForce) || !file) throw new Error(USAGE);
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`文件不存在 / no such file: ${file}`);
  const dryRun = args.opts['dry-run'] === true;
  const reportPath = `${path}.errors.xlsx`;
  const started = Date.now();
  console.log(`${dryRun ? '试运行 / dry run' : '导入 / importing'} ${file} (${d.dialect}) …`);
  const scope = Scope.global(SYSTEM, 'the command line imports as the system actor, into any region');
  const bar = terminalProgress();
  const opts = {
    mode: dryRun ? ('dry-run' as const) : ('commit' as const),
    reportPath,
    onProgress: (p: ImportProgress) => bar.report(STEPS[p.phase], p.done, p.total),
  };
  if (isForce) {
    const res = await importRows(d.db, scope, FORCE_IMPORTS[what as ForceImport], { path }, opts);
    bar.stop();
    for (const w of res.warnings) console.log(`  注意 / note: ${w.zh}`);
    const summary = rowsSummary(res);
    console.log(`${summary.zh}\n${summary.en} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return printErrors(res, reportPath);
  }
  const res = await importHouseholds(
    d.db,
    scope,
    { path },
    { ...opts, allowStatus: args.opts['allow-status'] === true },
  );
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  for (const w of res.warnings) console.log(`  注意 / note: ${w.zh}`);
  console.log(
    `${dryRun ? '可导入 / would import' : '已导入 / imported'} ${res.imported} 户 households (${res.persons} 人 persons; ` +
      `新增 created ${res.created}, 更新 updated ${res.updated}` +
      (res.statusChanges ? `, 改户状态 status set ${res.statusChanges}` : '') +
      `); 未导入 / rejected ${res.rejected} 户 (${res.rejectedRows} 行 rows) ` +
      `in ${seconds.toFixed(1)} s`,
  );
  await printErrors(res, reportPath);
}

/** The first problems, where the error report is; exit code 1 when there were any. */
async function printErrors(
  res: { errors: { row: number; column: string; message: { zh: string } }[]; errorCount: number; report: boolean },
  reportPath: string,
) {
  for (const e of res.errors.slice(0, 20))
    console.log(`  第 ${e.row} 行 row${e.column ? `［${e.column}］` : ''}：${e.message.zh}`);
  if (res.errorCount > 20) console.log(`  … 共 ${res.errorCount} 个问题 / problems in all`);
  if (res.report) console.log(`错误报告 / error report: ${reportPath}`);
  else await rm(reportPath, { force: true });
  if (res.errorCount > 0) process.exitCode = 1;
}

/** `xiuhua export households --region CODE FILE` — unmasked (the operator runs as the system actor) unless --mask. */
export async function exportCommand(d: Database, args: Args): Promise<void> {
  const file = args._[2];
  const region = str(args, 'region');
  if (args._[1] !== 'households' || !file || !region)
    throw new Error('usage: xiuhua export households --region CODE FILE [--format xlsx|csv]');
  const format = (str(args, 'format') ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx')) as 'xlsx' | 'csv';
  if (format !== 'xlsx' && format !== 'csv') throw new Error('--format xlsx|csv');
  const started = Date.now();
  const scope = await resolveScope(d.db, SYSTEM, 'household.read', region);
  const prepared = await exportHouseholds(d.db, scope, {
    format,
    status: str(args, 'status')?.split(',') as ExportOptions['status'],
    attribute: str(args, 'attribute'),
    cause: str(args, 'cause'),
    year: str(args, 'year') ? Number(str(args, 'year')) : undefined,
    mask: args.opts.mask === true,
  });
  console.log(
    `导出 / exporting ${prepared.region.name} (${prepared.total} 户 households, ${prepared.year} 年度) → ${file}`,
  );
  const bar = terminalProgress();
  const out = createWriteStream(resolve(file));
  const closed = once(out, 'close');
  const stats = await prepared.write(out, (done, total) => bar.report('导出 export (households)', done, total));
  await closed;
  bar.stop();
  console.log(
    `${stats.households} 户 households, ${stats.persons} 人 persons in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
