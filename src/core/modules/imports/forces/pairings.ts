/** 结对帮扶导入 — pairings of the five kinds, one per row, through createPairing. */
import type { PairingKind } from '../../../../shared/forces.ts';
import { forceImports } from '../../../../shared/contracts/imports.ts';
import type { Db } from '../../../db/index.ts';
import { AppError } from '../../../errors.ts';
import { msg } from '../../../i18n.ts';
import { PAIRING_FIELDS } from '../../pairings/rules.ts';
import { createPairing } from '../../pairings/create.ts';
import { Scope } from '../../../access/scope.ts';
import { todayInChina } from '../../../clock.ts';
import { sheetLayout, type SheetColumn } from '../columns.ts';
import { headerOf, type Outcome, type RowKind, type Values } from '../row-kind.ts';
import { exampleVillage } from '../template.ts';
import { exampleCadreId } from './cadres.ts';
import { cadreIdOf, forceLabels, householdIdOf, loadUnits, partnerIdOf, regionCodeOf, unitIdOf } from './lookups.ts';

const COLUMNS: readonly SheetColumn[] = [
  {
    field: 'kind',
    header: '类型',
    kind: 'code',
    list: 'pairing_kind',
    required: true,
    aliases: ['结对类型'],
    note: '结对帮扶的类型；各类型需要填写的列见上面的说明',
  },
  { field: 'householdCode', header: '户编号', kind: 'text', note: '干部结对帮扶户：被帮扶的建档立卡户的户编号' },
  {
    field: 'personIdNumber',
    header: '帮扶干部身份证号',
    kind: 'id',
    note: '干部结对帮扶户：帮扶责任人的身份证号（须已在干部信息中登记）',
  },
  {
    field: 'personName',
    header: '帮扶干部姓名',
    kind: 'text',
    aliases: ['帮扶责任人'],
    note: '未填身份证号时按姓名查找帮扶干部（须在您的管辖范围内且不重名）',
  },
  {
    field: 'regionCode',
    header: '村代码',
    kind: 'text',
    note: '受帮扶的村（12 位）；干部结对帮扶户可不填（按户所在村），填写时须与户所在村一致',
  },
  {
    field: 'unit',
    header: '单位',
    kind: 'text',
    aliases: ['结对单位'],
    note: '单位结对共建：帮扶单位名称（须已登记）',
  },
  {
    field: 'partner',
    header: '企业',
    kind: 'text',
    aliases: ['结对企业'],
    note: '万企帮万村：企业或合作社名称（须已登记）',
  },
  {
    field: 'helperRegionCode',
    header: '先进村代码',
    kind: 'text',
    note: '先进村结对贫困村：帮扶的先进村（12 位，本县内）',
  },
  { field: 'helperName', header: '帮扶党员', kind: 'text', note: '党员结对帮扶：帮扶党员姓名' },
  { field: 'helpedName', header: '受帮扶党员', kind: 'text', note: '党员结对帮扶：受帮扶党员姓名' },
  { field: 'startDate', header: '开始日期', kind: 'date', required: true, note: '结对开始日期' },
  { field: 'note', header: '备注', kind: 'text', note: '' },
];

const RULES = [
  '1. 每行填写一对结对帮扶关系。“类型”和“开始日期”必填，其他列按类型填写：',
  '   干部结对帮扶户：户编号 + 帮扶干部身份证号（或帮扶干部姓名）；',
  '   先进村结对贫困村：村代码 + 先进村代码；单位结对共建：村代码 + 单位；',
  '   万企帮万村：村代码 + 企业；党员结对帮扶：村代码 + 帮扶党员 + 受帮扶党员。',
  '2. 干部、单位、企业须先在系统中登记；受帮扶的户或村须在您的管辖范围内。',
  '3. 每名干部结对帮扶的户数不超过政策规定的上限（政策参数，默认 5 户）；只有建档立卡户可以结对。',
  '4. 类型可以填中文名称（如“干部结对帮扶户”）或代码（如 cadre_household），可填的值见下表。',
  '5. 再次导入同一文件不会重复：相同且仍有效的结对关系已存在时跳过。',
  '6. 每一行单独校验：通过的行导入，有问题的行不导入，错误报告列出行号、列和问题。建议先“试运行”，再“正式导入”。',
];

const str = (v: unknown) => v as string | undefined;
const FIELD_OF: Record<string, string> = {
  householdId: 'householdCode',
  unitId: 'unit',
  partnerId: 'partner',
  NOT_FOUND: 'regionCode',
};

export const PAIRINGS: RowKind = {
  name: 'pairings',
  entity: 'pairing',
  sheet: '结对帮扶',
  templateName: '结对帮扶导入模板.xlsx',
  keyHeader: msg('结对', 'Pairing'),
  permission: forceImports.pairings.upload.permission,
  columns: COLUMNS,
  layout: sheetLayout(COLUMNS, { anchor: COLUMNS.findIndex((c) => c.field === 'kind') }),
  rules: RULES,
  labels: forceLabels,
  async example(db: Db, scope: Scope) {
    const village = await exampleVillage(db, scope, 'force.write');
    const today = todayInChina();
    // The household of the household template and the cadre of the cadres template.
    const household = ['干部结对帮扶户', `${village}0001`, exampleCadreId(village), '王建国', null, null, null, null];
    const members = ['党员结对帮扶', null, null, null, village, null, null, null, '李富强', '张贫困'];
    return [
      [...household, null, null, today, null],
      [...members, today, '示例'],
    ];
  },
  key: (v) => str(v.householdCode) ?? str(v.personName) ?? str(v.helpedName) ?? '',
  async start(db: Db, scope: Scope) {
    // The pairing's own region (the household's or the village's) is checked by createPairing for the actor; the
    // lookups of households and cadres by code and name see what the caller may read.
    const actor = scope.actor;
    const [households, cadres] = [scope.withPermission('household.read'), scope.withPermission('force.read')];
    const units = await loadUnits(db);
    const writing = Scope.of(actor, 'force.write');
    return async (trx: Db, v: Values): Promise<Outcome> => {
      const kind = v.kind as PairingKind;
      const village = regionCodeOf(v.regionCode);
      // Only the fields its kind stores are looked up (an irrelevant cell is ignored, as the API ignores it).
      const stores = (f: (typeof PAIRING_FIELDS)[PairingKind][number]) => PAIRING_FIELDS[kind].includes(f);
      const given = (field: string) => v[field] !== undefined;
      try {
        await createPairing(trx, writing, {
          kind,
          regionCode: str(v.regionCode) ?? null,
          householdId:
            given('householdCode') && kind === 'cadre_household'
              ? await householdIdOf(trx, households, str(v.householdCode)!, village, 'householdCode')
              : null,
          personId:
            stores('personId') && (given('personIdNumber') || given('personName'))
              ? await cadreIdOf(
                  trx,
                  cadres,
                  { idNumber: str(v.personIdNumber), name: str(v.personName) },
                  { idNumber: 'personIdNumber', name: 'personName' },
                )
              : null,
          unitId: given('unit') && stores('unitId') ? unitIdOf(units, str(v.unit)!, 'unit') : null,
          partnerId:
            given('partner') && stores('partnerId')
              ? await partnerIdOf(trx, str(v.partner)!, village, 'partner')
              : null,
          helperRegionCode: str(v.helperRegionCode) ?? null,
          helperName: str(v.helperName) ?? null,
          helpedName: str(v.helpedName) ?? null,
          startDate: str(v.startDate)!,
          note: str(v.note) ?? null,
        });
        return 'created';
      } catch (e) {
        // The same pairing is there and still active: the row is already imported.
        if (e instanceof AppError && e.code === 'CONFLICT') return 'unchanged';
        throw e;
      }
    };
  },
  column: (path, v) => {
    if (path === 'personId') return headerOf(PAIRINGS, v.personIdNumber ? 'personIdNumber' : 'personName');
    if (path === 'FORBIDDEN') return headerOf(PAIRINGS, v.kind === 'cadre_household' ? 'householdCode' : 'regionCode');
    return headerOf(PAIRINGS, FIELD_OF[path] ?? path.split('.')[0]!);
  },
};
