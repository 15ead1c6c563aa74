/**
 * 缺帮扶责任人 — registered poor households of the region without a responsible cadre (GET /api/pairings/gaps),
 * each with 指定帮扶责任人.
 */
import { Button, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { pairings, type PairingGap } from '@shared/contracts/pairings';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { ListTab, useList } from '../common/useList';
import { StatusTag } from '../households/codes';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { useForceQuery } from './DutyShared';
import { useReloadOn } from './PairingList';

export function PairingGapList({ onAssign, tick }: { onAssign: (g: PairingGap) => void; tick: number }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const q = useForceQuery();
  const list = useList(pairings.gaps, q.region ? { region: q.region } : null);
  const { reload } = list;
  useReloadOn(tick, reload);
  const columns: TableColumnsType<PairingGap> = [
    {
      key: 'code',
      title: t('pair.householdCode'),
      render: (_, g) => <Link to={`/households/${g.id}?tab=plan`}>{g.code}</Link>,
    },
    { key: 'head', title: t('pair.headName'), dataIndex: 'headName' },
    { key: 'village', title: t('fb.village'), dataIndex: 'regionName' },
    { key: 'status', title: t('fb.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
  ];
  if (can('force.write'))
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, g) => (
        <Button size="small" icon={<UserAddOutlined />} onClick={() => onAssign(g)} data-testid="gap-assign">
          {t('pair.assign')}
        </Button>
      ),
    });
  return (
    <ListTab
      list={list}
      columns={columns}
      testId="gap-table"
      toolbar={
        <Space wrap>
          <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
          <Typography.Text type="secondary">{t('pair.gapsHint')}</Typography.Text>
        </Space>
      }
    />
  );
}
