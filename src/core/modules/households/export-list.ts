/**
 * 导出当前列表 — the household list as the user sees it: one row per household with the list's columns, its
 * filters and its sort, code labels in the request's language, as xlsx streamed with exceljs. (导出导入格式, the
 * per-person import layout for round trips, is imports/export.ts.) The list carries no ID numbers or phones, so
 * nothing here needs masking.
 */
import type { Writable } from 'node:stream';
import type { HouseholdFilter, HouseholdListQuery } from '../../../shared/contracts/households.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { invalid } from '../../errors.ts';
import { currentLang, msg, t, type Msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { addSheet, drained, workbookWriter } from '../imports/xlsx-write.ts';
import { householdRows, latestYear, sortedHouseholdIds, type HouseholdListRow } from './repo.ts';

/** The list's filters and sort (the region is the Scope's). */
export type ListExportOptions = Omit<HouseholdFilter, 'region'> & Pick<HouseholdListQuery, 'sort'>;

const CHUNK = 1000;

type Labels = (list: string, code: string | null) => string;

/** The columns of the list, in its order (village and group, main and other causes, split in two). */
function listColumns(
  year: number,
): { header: Msg; width: number; value: (r: HouseholdListRow, l: Labels) => unknown }[] {
  const causes = (s: string) => (s ? s.split(',') : []);
  return [
    { header: msg('户编号', 'Household code'), width: 22, value: (r) => r.code },
    { header: msg('户主', 'Head'), width: 10, value: (r) => r.head_name },
    { header: msg('村', 'Village'), width: 14, value: (r) => r.village_name },
    { header: msg('村民小组', 'Group'), width: 12, value: (r) => r.group_name ?? '' },
    { header: msg('人数', 'Persons'), width: 8, value: (r) => Number(r.persons) },
    { header: msg('状态', 'Status'), width: 10, value: (r, l) => l('household_status', r.status) },
    { header: msg('贫困户属性', 'Attribute'), width: 14, value: (r, l) => l('attribute', r.attribute) },
    { header: msg('主要致贫原因', 'Main cause'), width: 14, value: (r, l) => l('cause', r.main_cause) },
    {
      header: msg('其他致贫原因', 'Other causes'),
      width: 18,
      value: (r, l) =>
        causes(r.other_causes)
          .map((c) => l('cause', c))
          .join('、'),
    },
    { header: msg('住房安全等级', 'Housing grade'), width: 12, value: (r, l) => l('housing_grade', r.housing_grade) },
    {
      header: msg(`${year} 年人均纯收入（元）`, `Per-capita net income ${year} (yuan)`),
      width: 18,
      value: (r) => (r.per_capita_income === null ? null : Math.round(Number(r.per_capita_income) * 100) / 100),
    },
  ];
}

/**
 * The filtered, sorted household list of the Scope's region as xlsx. Access, the ids and the audit row come first
 * (a refusal is a proper JSON error before any byte), then `write` streams the rows chunk by chunk.
 */
export async function exportHouseholdList(db: Db, scope: Scope, opts: ListExportOptions) {
  const region = scope.region;
  if (!region) throw invalid('region', msg('请选择导出的区域', 'Choose the region to export'));
  const year = opts.year ?? (await latestYear(db));
  const filter = { ...opts, year };
  const lang = currentLang();
  const ids = await sortedHouseholdIds(db, scope, filter);
  await writeAudit(db, scope.actor, {
    action: 'export',
    entity: 'household',
    regionCode: region.code,
    after: { layout: 'list', format: 'xlsx', year, households: ids.length, filters: { ...opts, region: region.code } },
  });
  const labelRows = await db.selectFrom('code_list').select(['list', 'code', 'label_zh', 'label_en']).execute();
  const labels = new Map(labelRows.map((r) => [`${r.list}:${r.code}`, lang === 'en' ? r.label_en : r.label_zh]));
  const label: Labels = (list, code) => (code ? (labels.get(`${list}:${code}`) ?? code) : '');
  const columns = listColumns(year);

  async function write(out: Writable): Promise<{ households: number }> {
    const wb = workbookWriter(out);
    const ws = addSheet(
      wb,
      t(msg('农户台账', 'Households'), lang),
      columns.map((c) => ({ header: t(c.header, lang), width: c.width })),
    );
    let households = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = new Map((await householdRows(db, chunk, year)).map((r) => [r.id, r]));
      for (const id of chunk) {
        const r = rows.get(id);
        if (!r) continue; // deleted since the ids were read
        ws.addRow(columns.map((c) => c.value(r, label))).commit();
        households++;
      }
      await drained(ws, out);
      if (out.destroyed) throw new Error('export: the receiver went away');
    }
    ws.commit();
    await wb.commit();
    return { households };
  }

  return { region, year, total: ids.length, write };
}
