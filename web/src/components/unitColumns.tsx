/** Table columns shared by the region page and the command hierarchy page. */
import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { KindTag } from './RegionTags';
import type { I18n } from '../i18n';
import type { CommandUnit, PersonRef } from '@shared/contracts/command';
import { paren } from '../format';

export function personLabel(p: PersonRef | null | undefined): string {
  if (!p) return '';
  return p.post ? `${p.name}${paren(p.post)}` : p.name;
}

export function unitColumns({ t }: I18n, onOpen?: (unit: CommandUnit) => void): TableColumnsType<CommandUnit> {
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return [
    { title: t('unit.kind'), dataIndex: 'kind', width: 150, render: (_, u) => <KindTag kind={u.kind} /> },
    {
      title: t('unit.name'),
      dataIndex: 'name',
      render: (_, u) => (onOpen ? <Typography.Link onClick={() => onOpen(u)}>{u.name}</Typography.Link> : u.name),
    },
    { title: t('unit.commander'), dataIndex: 'commander', render: (_, u) => personLabel(u.commander) || none },
    {
      title: t('unit.leader'),
      dataIndex: 'leader',
      render: (_, u) => (u.kind === 'battle_zone' ? personLabel(u.leader) || none : none),
    },
    { title: t('unit.memberCount'), dataIndex: 'memberCount', width: 90, align: 'right' },
  ];
}
