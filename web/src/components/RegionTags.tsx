/** Small tag renderers for region levels, region flags, roles and command unit kinds. */
import type { ReactNode } from 'react';
import { Space, Tag } from 'antd';
import {
  COMMAND_UNIT_KIND_LABELS,
  REGION_FLAGS,
  REGION_FLAG_LABELS,
  REGION_LEVEL_LABELS,
  ROLE_LABELS,
} from '@shared/codes';
import type { CommandUnitKind, RegionFlag, RegionLevel } from '@shared/codes';
import { useI18n } from '../i18n';
import type { RegionFlags } from '@shared/contracts/regions';
import type { RoleAssignment } from '@shared/contracts/auth';

const LEVEL_COLORS: Record<RegionLevel, string> = {
  nation: 'red',
  province: 'volcano',
  city: 'orange',
  county: 'gold',
  township: 'blue',
  village: 'green',
  group: 'cyan',
};

const KIND_COLORS: Record<CommandUnitKind, string> = {
  county_hq: 'red',
  thematic_group: 'magenta',
  battle_zone: 'volcano',
  command_post: 'blue',
  grid: 'green',
};

export function flagColor(flag: RegionFlag): string {
  return flag.startsWith('deep') || flag === 'extremelyPoorTownship' ? '#cf1322' : '#d46b08';
}

export function LevelTag({ level }: { level: RegionLevel }) {
  const { L } = useI18n();
  return <Tag color={LEVEL_COLORS[level]}>{L(REGION_LEVEL_LABELS[level])}</Tag>;
}

export function KindTag({ kind }: { kind: CommandUnitKind }) {
  const { L } = useI18n();
  return <Tag color={KIND_COLORS[kind]}>{L(COMMAND_UNIT_KIND_LABELS[kind]) || kind}</Tag>;
}

export function FlagTags({ flags, empty }: { flags: RegionFlags | undefined; empty?: ReactNode }) {
  const { L } = useI18n();
  const on = REGION_FLAGS.filter((f) => flags?.[f]);
  if (on.length === 0) return <>{empty ?? null}</>;
  return (
    <Space size={[0, 4]} wrap>
      {on.map((f) => (
        <Tag key={f} color={f.startsWith('deep') || f === 'extremelyPoorTownship' ? 'red' : 'orange'}>
          {L(REGION_FLAG_LABELS[f])}
        </Tag>
      ))}
    </Space>
  );
}

export function RoleTags({ roles }: { roles: RoleAssignment[] }) {
  const { L } = useI18n();
  return (
    <Space size={[0, 4]} wrap>
      {roles.map((r) => (
        <Tag key={`${r.role}:${r.scopeCode}`} color={r.role === 'admin' ? 'red' : 'geekblue'}>
          {L(ROLE_LABELS[r.role]) || r.role}
          {r.scopeName ? ` · ${r.scopeName}` : ''}
        </Tag>
      ))}
    </Space>
  );
}
