/** Columns of a pairing list (结对帮扶), per kind: the two sides, then the dates and the note. */
import { Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { PairingView } from '@shared/contracts/pairings';
import type { PairingKind } from '@shared/forces';
import type { I18n } from '../../i18n';
import { CadreLink, forceText } from './DutyShared';

export function pairingColumns(kind: PairingKind, { t, L }: Pick<I18n, 't' | 'L'>): TableColumnsType<PairingView> {
  const household: TableColumnsType<PairingView>[number] = {
    key: 'household',
    title: t('pair.household'),
    render: (_, p) =>
      p.household ? (
        <Link to={`/households/${p.household.id}?tab=plan`}>
          {p.household.code} {p.household.headName}
        </Link>
      ) : (
        '—'
      ),
  };
  const village: TableColumnsType<PairingView>[number] = {
    key: 'village',
    title: kind === 'village_village' ? t('pair.helpedVillage') : t('fb.village'),
    dataIndex: 'regionName',
  };
  const byKind: Record<PairingKind, TableColumnsType<PairingView>> = {
    cadre_household: [
      household,
      village,
      {
        key: 'person',
        title: t('pair.responsible'),
        render: (_, p) => <CadreLink id={p.person?.id} name={p.person?.name} />,
      },
    ],
    village_village: [
      { key: 'helper', title: t('pair.helperVillage'), render: (_, p) => p.helperRegion?.name ?? '—' },
      village,
    ],
    unit_village: [
      {
        key: 'unit',
        title: t('pair.unit'),
        render: (_, p) =>
          p.unit ? (
            <Space size={4}>
              {p.unit.name}
              <Tag>{forceText('unit_level', p.unit.level, L)}</Tag>
            </Space>
          ) : (
            '—'
          ),
      },
      village,
    ],
    enterprise_village: [
      {
        key: 'partner',
        title: t('pair.partner'),
        render: (_, p) =>
          p.partner ? (
            <Space size={4}>
              {p.partner.name}
              <Tag>{forceText('partner_kind', p.partner.kind, L)}</Tag>
            </Space>
          ) : (
            '—'
          ),
      },
      village,
    ],
    member_member: [
      { key: 'helperName', title: t('pair.helperMember'), dataIndex: 'helperName' },
      { key: 'helpedName', title: t('pair.helpedMember'), dataIndex: 'helpedName' },
      village,
    ],
  };
  const tail: TableColumnsType<PairingView> = [
    { key: 'start', title: t('fb.startDate'), dataIndex: 'startDate' },
    {
      key: 'end',
      title: t('fb.endDate'),
      dataIndex: 'endDate',
      render: (v: string | null) =>
        v ? <Tag>{t('pair.endedOn', { date: v })}</Tag> : <Tag color="green">{t('pair.active')}</Tag>,
    },
    { key: 'note', title: t('fb.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];
  return [...byKind[kind], ...tail];
}
