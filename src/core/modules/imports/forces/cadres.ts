/** 干部信息导入 — cadre records, one per row, created or updated through the cadres service. */
import type { Gender } from '../../../../shared/codes.ts';
import type { CadreEducation, PoliticalStatus } from '../../../../shared/forces.ts';
import { forceImports } from '../../../../shared/contracts/imports.ts';
import { NATION_CODE } from '../../../../shared/regions.ts';
import { canAny, Scope } from '../../../access/scope.ts';
import type { Db } from '../../../db/index.ts';
import { AppError, conflict, invalid } from '../../../errors.ts';
import { msg } from '../../../i18n.ts';
import { createCadre, updateCadre, type CadreInput } from '../../cadres/service.ts';
import { sheetLayout, type SheetColumn } from '../columns.ts';
import { homeRegion } from '../import-rows.ts';
import { headerOf, type Outcome, type RowKind, type Values } from '../row-kind.ts';
import { exampleId, exampleVillage } from '../template.ts';
import { forceLabels, loadUnits, normalizeId, regionCodeOf, unitIdOf } from './lookups.ts';

const COLUMNS: readonly SheetColumn[] = [
  { field: 'name', header: '姓名', kind: 'text', required: true, note: '干部姓名' },
  { field: 'gender', header: '性别', kind: 'code', list: 'gender', note: '不填则按身份证号' },
  { field: 'birthDate', header: '出生日期', kind: 'date', note: '如 1985-06-01、1985/6/1；不填则按身份证号' },
  {
    field: 'idNumber',
    header: '身份证号',
    kind: 'id',
    note: '18 位公民身份号码（请把该列设为“文本”格式）；再次导入同一身份证号即更新该干部',
  },
  { field: 'education', header: '学历', kind: 'code', list: 'cadre_education', note: '' },
  { field: 'politicalStatus', header: '政治面貌', kind: 'code', list: 'political_status', note: '' },
  {
    field: 'unit',
    header: '派出单位',
    kind: 'text',
    aliases: ['工作单位', '单位'],
    note: '帮扶单位的名称，须与系统中登记的名称完全一致',
  },
  { field: 'post', header: '职务', kind: 'text', note: '如 科长、副局长' },
  { field: 'rank', header: '职级', kind: 'text', note: '如 四级主任科员' },
  { field: 'phone', header: '联系电话', kind: 'phone', aliases: ['电话', '手机号码'], note: '' },
  {
    field: 'regionCode',
    header: '管理区划代码',
    kind: 'text',
    required: true,
    aliases: ['区划代码'],
    note: '管理该干部档案的区划（县、乡镇或村的统计用区划代码），须在您的管辖范围内',
  },
];

const RULES = [
  '1. 每行填写一名干部。姓名、管理区划代码必填；其他列可以不填。',
  '2. 身份证号用来识别干部：再次导入同一身份证号会更新该干部，不会重复登记；不填身份证号时，按“姓名 + 派出单位 + 管理区划代码”识别。',
  '3. 更新时，空白单元格保留系统中原有的值；已脱敏的身份证号、电话（含 *）不能导入。',
  '4. 派出单位填写单位名称，须先在“帮扶单位”中登记；性别、学历、政治面貌可以填中文名称或代码，可填的值见下表。',
  '5. 日期可写 1985-06-01、1985/6/1、1985年6月1日，也可以是 Excel 日期；身份证号、区划代码、电话请保持“文本”格式。',
  '6. 每一行单独校验：通过的行导入，有问题的行不导入，错误报告列出行号、列和问题。建议先“试运行”，再“正式导入”。',
];

/** Service field paths → the workbook's fields. */
const FIELD_OF: Record<string, string> = { unitId: 'unit', FORBIDDEN: 'regionCode', NOT_FOUND: 'regionCode' };
const str = (v: unknown) => v as string | undefined;

type Stored = { id: number; region_code: string; version: number } & Record<string, unknown>;

/** The stored cadre a row is about: by ID number, else by name, sending unit and managing region. */
async function existing(db: Db, v: Values, unitId: number | undefined, region: string | null) {
  const q = db.selectFrom('person').selectAll();
  if (v.idNumber) return q.where('id_number', '=', normalizeId(str(v.idNumber)!)).executeTakeFirst() as Promise<Stored>;
  if (!region) return undefined;
  const rows = (await q
    .where('name', '=', str(v.name)!)
    .where('region_code', '=', region)
    .where('unit_id', unitId === undefined ? 'is' : '=', unitId ?? null)
    .limit(2)
    .execute()) as Stored[];
  if (rows.length > 1)
    throw invalid(
      'name',
      msg(
        `已有多名同名干部“${str(v.name)}”，请填写身份证号区分`,
        `Several cadres are named ${str(v.name)}; give the ID number`,
      ),
    );
  return rows[0];
}

/** Would the patch change the stored record? (Blank cells are not in the patch: they keep stored values.) */
function changes(stored: Stored, patch: Partial<CadreInput>, region: string | null): boolean {
  const column: Record<string, string> = {
    birthDate: 'birth_date',
    idNumber: 'id_number',
    politicalStatus: 'political_status',
    unitId: 'unit_id',
    regionCode: 'region_code',
  };
  return Object.entries(patch).some(([k, v]) => {
    if (v === undefined) return false;
    const want = k === 'regionCode' ? region : k === 'idNumber' ? normalizeId(v as string) : v;
    return stored[column[k] ?? k] !== want;
  });
}

const changedMeanwhile = () =>
  conflict(
    msg('该干部在导入期间被他人修改，本行未导入，请重新导入', 'The cadre was changed meanwhile; import the row again'),
  );

export const CADRES: RowKind = {
  name: 'cadres',
  entity: 'person',
  sheet: '干部信息',
  templateName: '干部信息导入模板.xlsx',
  keyHeader: msg('干部', 'Cadre'),
  permission: forceImports.cadres.upload.permission,
  columns: COLUMNS,
  layout: sheetLayout(COLUMNS, { anchor: COLUMNS.findIndex((c) => c.field === 'name') }),
  rules: RULES,
  labels: forceLabels,
  async example(db: Db, scope: Scope) {
    const village = await exampleVillage(db, scope, 'force.write');
    const unit = await db.selectFrom('help_unit').select('name').orderBy('id').limit(1).executeTakeFirst();
    // Managed where the caller works: its first grant that imports cadres (a county user: the county).
    const home = canAny(scope.actor, 'force.write') ? homeRegion(scope.withPermission('force.write')) : null;
    const managed = !home || home === NATION_CODE ? `${village.slice(0, 6)}000000` : home;
    return [exampleCadre(village, managed, unit?.name ?? null)];
  },
  key: (v) => str(v.name) ?? str(v.idNumber) ?? '',
  async start(db: Db, scope: Scope) {
    const actor = scope.actor;
    const units = await loadUnits(db);
    return async (trx: Db, v: Values): Promise<Outcome> => {
      const unitId = v.unit === undefined ? undefined : unitIdOf(units, str(v.unit)!, 'unit');
      const region = regionCodeOf(v.regionCode);
      const patch: Partial<CadreInput> = {
        name: str(v.name),
        gender: v.gender as Gender | undefined,
        birthDate: str(v.birthDate),
        idNumber: str(v.idNumber),
        education: v.education as CadreEducation | undefined,
        politicalStatus: v.politicalStatus as PoliticalStatus | undefined,
        phone: str(v.phone),
        post: str(v.post),
        rank: str(v.rank),
        unitId,
        regionCode: str(v.regionCode),
      };
      if (region && !scope.covers(region))
        throw invalid(
          'regionCode',
          msg(`管理区划 ${region} 不在您的管辖范围内`, `Region ${region} is outside your region scope`),
        );
      const stored = await existing(trx, v, unitId, region);
      if (!stored) {
        await createCadre(trx, Scope.of(actor, 'force.write'), patch as CadreInput);
        return 'created';
      }
      // Says only that the cadre is outside the caller's scope: where it is managed is not theirs to learn.
      if (!scope.covers(stored.region_code))
        throw invalid(
          v.idNumber ? 'idNumber' : 'name',
          msg('该干部不在您的管辖范围内，不能修改', 'The cadre is outside your scope; it cannot be changed'),
        );
      if (!changes(stored, patch, region)) return 'unchanged';
      // Updated by ID number as before, and the cadre's version moves on from the one read above: a form holding
      // the old version then gets 409 instead of overwriting the import (and a change in between refuses the row).
      await updateCadre(trx, Scope.of(actor, 'force.write'), stored.id, patch, Number(stored.version)).catch(
        (e: unknown) => {
          throw e instanceof AppError && e.code === 'VERSION_CONFLICT' ? changedMeanwhile() : e;
        },
      );
      return 'updated';
    };
  },
  column: (path) => headerOf(CADRES, FIELD_OF[path] ?? path.split('.')[0]!),
};

/**
 * The example cadre of the templates (王建国, born 1985-06-01, an ID number of the village's county):
 * the stations and pairings templates name him, so the three templates import one after another.
 */
function exampleCadre(village: string, managed: string, unit: string | null): (string | null)[] {
  return [
    '王建国',
    '男',
    '1985-06-01',
    exampleCadreId(village),
    '大学本科',
    '中共党员',
    unit,
    '科长',
    '四级主任科员',
    '13900000001',
    managed,
  ];
}
export const exampleCadreId = (village: string) => exampleId(village.slice(0, 6), '1985-06-01', 11);
