import { COMMAND_UNIT_LEVEL, type CommandUnitKind, type RegionLevel } from '../../../shared/codes.ts';
import type { Msg } from '../../i18n.ts';
import { isWithin } from '../../../shared/regions.ts';

/**
 * Checks a command unit's shape (pure): the kind fits the region level (county HQ and thematic
 * groups on a county, battle zones on townships, command posts on villages, grids on groups) and a
 * parent unit sits on the same region or an ancestor. Returns [field, message] problems.
 */
export function unitProblems(u: {
  kind: CommandUnitKind;
  regionCode: string;
  regionLevel: RegionLevel;
  parent?: { regionCode: string; id: number } | null;
  selfId?: number;
}): [string, Msg][] {
  const out: [string, Msg][] = [];
  const want = COMMAND_UNIT_LEVEL[u.kind];
  if (want !== u.regionLevel) {
    out.push([
      'regionCode',
      { zh: `该类指挥单元须设在${LEVEL_ZH[want]}级区域`, en: `This kind of unit belongs to a ${want}` },
    ]);
  }
  if (u.parent) {
    if (u.selfId !== undefined && u.parent.id === u.selfId)
      out.push(['parentId', { zh: '上级单元不能是自身', en: 'A unit cannot be its own parent' }]);
    else if (!isWithin(u.regionCode, u.parent.regionCode))
      out.push([
        'parentId',
        { zh: '上级单元须位于本区域或其上级区域', en: 'The parent unit must sit on this region or an ancestor' },
      ]);
  }
  return out;
}

const LEVEL_ZH: Record<RegionLevel, string> = {
  nation: '全国',
  province: '省',
  city: '市',
  county: '县',
  township: '乡镇',
  village: '村',
  group: '村民小组',
};
