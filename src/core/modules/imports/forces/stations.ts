/** 驻村任职导入 — stationing assignments and leader links, one per row, through createStation. */
import type { StationRole } from '../../../../shared/forces.ts';
import { forceImports } from '../../../../shared/contracts/imports.ts';
import { Scope } from '../../../access/scope.ts';
import type { Db } from '../../../db/index.ts';
import { invalid } from '../../../errors.ts';
import { msg } from '../../../i18n.ts';
import { createStation } from '../../cadres/stations.ts';
import { createTeam } from '../../cadres/teams.ts';
import { todayInChina } from '../../../clock.ts';
import { sheetLayout, type SheetColumn } from '../columns.ts';
import { headerOf, type Outcome, type RowKind, type Values } from '../row-kind.ts';
import { exampleVillage } from '../template.ts';
import { exampleCadreId } from './cadres.ts';
import { cadreIdOf, forceLabels, loadUnits, regionCodeOf, unitIdOf } from './lookups.ts';

const COLUMNS: readonly SheetColumn[] = [
  {
    field: 'idNumber',
    header: '身份证号',
    kind: 'id',
    aliases: ['干部身份证号'],
    note: '干部的身份证号（须已在干部信息中登记）；不填时按“姓名 + 派出单位”查找',
  },
  {
    field: 'name',
    header: '姓名',
    kind: 'text',
    aliases: ['干部姓名'],
    note: '干部姓名（未填身份证号时用来查找干部）',
  },
  { field: 'unit', header: '派出单位', kind: 'text', note: '干部的派出单位名称（按姓名查找时用来区分同名干部）' },
  {
    field: 'regionCode',
    header: '村代码',
    kind: 'text',
    required: true,
    note: '驻村或包联的村（12 位统计用区划代码），须在您的管辖范围内',
  },
  {
    field: 'role',
    header: '角色',
    kind: 'code',
    list: 'station_role',
    required: true,
    aliases: ['驻村角色', '任职'],
    note: '第一书记、驻村工作队长、驻村工作队员为驻村任职（同一时间只能驻一个村，任期不少于政策规定）；党建指导员、县级/乡镇包联领导可包联多个村',
  },
  {
    field: 'team',
    header: '工作队',
    kind: 'text',
    note: '该村驻村工作队的名称；该村还没有这个工作队时自动建立（以本行的任期为工作队的起止日期）；可不填',
  },
  { field: 'startDate', header: '开始日期', kind: 'date', required: true, note: '任职开始日期' },
  {
    field: 'endDate',
    header: '结束日期',
    kind: 'date',
    note: '计划任期结束日期（驻村任期不少于 24 个月，以政策参数为准）',
  },
];

const RULES = [
  '1. 每行填写一条驻村任职或包联：一名干部在一个村担任一个角色。',
  '2. 干部须先在“干部信息”中登记（可用干部信息导入模板）；按身份证号查找，不填身份证号时按“姓名 + 派出单位”查找。',
  '3. 同一干部同一时间只能在一个村驻村；驻村任期不少于政策规定的月数；结束日期不能早于开始日期。',
  '4. 角色可以填中文名称（如“第一书记”）或代码（如 first_secretary），可填的值见下表。',
  '5. 工作队填该村驻村工作队的名称，同一工作队的各行填写相同名称；该村还没有这个工作队时自动建立。只有第一书记和工作队长、队员可编入工作队。',
  '6. 再次导入同一文件不会重复：同一干部、同一村、同一角色、同一开始日期的任职已存在时跳过。',
  '7. 每一行单独校验：通过的行导入，有问题的行不导入，错误报告列出行号、列和问题。建议先“试运行”，再“正式导入”。',
];

const str = (v: unknown) => v as string | undefined;
const FIELD_OF: Record<string, string> = {
  teamId: 'team',
  unitId: 'unit',
  FORBIDDEN: 'regionCode',
  NOT_FOUND: 'regionCode',
};

/** A day `years` later, less one day (a term of whole years). */
const yearsLater = (iso: string, years: number) => {
  const d = new Date(`${Number(iso.slice(0, 4)) + years}${iso.slice(4)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

export const STATIONS: RowKind = {
  name: 'stations',
  entity: 'stationing',
  sheet: '驻村任职',
  templateName: '驻村任职导入模板.xlsx',
  keyHeader: msg('干部', 'Cadre'),
  permission: forceImports.stations.upload.permission,
  columns: COLUMNS,
  layout: sheetLayout(COLUMNS, { anchor: COLUMNS.findIndex((c) => c.field === 'role') }),
  rules: RULES,
  labels: forceLabels,
  async example(db: Db, scope: Scope) {
    const village = await exampleVillage(db, scope, 'force.station');
    const start = todayInChina();
    return [[exampleCadreId(village), '王建国', null, village, '第一书记', null, start, yearsLater(start, 2)]];
  },
  key: (v) => str(v.name) ?? str(v.idNumber) ?? '',
  async start(db: Db, scope: Scope) {
    const actor = scope.actor;
    const reads = scope.withPermission('force.read');
    const units = await loadUnits(db);
    return async (trx: Db, v: Values): Promise<Outcome> => {
      const unitId = v.unit === undefined ? undefined : unitIdOf(units, str(v.unit)!, 'unit');
      const personId = await cadreIdOf(
        trx,
        reads,
        { idNumber: str(v.idNumber), name: str(v.name), unitId },
        { idNumber: 'idNumber', name: 'name' },
      );
      const village = regionCodeOf(v.regionCode);
      if (village && !scope.covers(village))
        throw invalid(
          'regionCode',
          msg(`村代码 ${village} 不在您的管辖范围内`, `Village ${village} is outside your region scope`),
        );
      // A team the village does not have yet is formed (createTeam) with the first member's term.
      let teamId: number | undefined;
      if (v.team !== undefined && village) {
        const team = await trx
          .selectFrom('work_team')
          .select('id')
          .where('region_code', '=', village)
          .where('name', '=', str(v.team)!)
          .executeTakeFirst();
        teamId =
          team?.id ??
          (
            await createTeam(trx, Scope.of(actor, 'force.station'), {
              regionCode: village,
              name: str(v.team)!,
              startDate: str(v.startDate)!,
              endDate: str(v.endDate) ?? null,
            })
          ).id;
      }
      const role = v.role as StationRole;
      const startDate = str(v.startDate)!;
      const same = await trx
        .selectFrom('stationing')
        .select('id')
        .where('person_id', '=', personId)
        .where('region_code', '=', village ?? '')
        .where('role', '=', role)
        .where('start_date', '=', startDate)
        .executeTakeFirst();
      if (same) return 'unchanged';
      await createStation(trx, Scope.of(actor, 'force.station'), {
        personId,
        regionCode: str(v.regionCode)!,
        role,
        teamId,
        startDate,
        endDate: str(v.endDate) ?? null,
      });
      return 'created';
    };
  },
  column: (path, v) =>
    path === 'personId'
      ? headerOf(STATIONS, v.idNumber ? 'idNumber' : 'name')
      : headerOf(STATIONS, FIELD_OF[path] ?? path.split('.')[0]!),
};
