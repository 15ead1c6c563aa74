/**
 * 帮扶历程 on the household page: every responsible cadre the household has had — current and ended — with
 * the cadre's unit and the dates (GET /api/pairings?householdId=&kind=cadre_household&active=all).
 */
import { Card, Empty, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { pairings, type PairingView } from '@shared/contracts/pairings';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { useCall } from '../common/useList';
import { CadreLink } from './DutyShared';
import { DataTable } from '../common/DataTable';

export function HelpHistoryTab({ householdId }: { householdId: number }) {
  const { t } = useI18n();
  const list = useCall(pairings.list, {
    query: { householdId, kind: 'cadre_household', active: 'all', pageSize: 200 },
  });
  if (list.error) return <ApiResult error={list.error} onRetry={list.reload} />;
  const rows = [...(list.data?.items ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id - a.id);
  const columns: TableColumnsType<PairingView> = [
    {
      title: t('plan.cadre'),
      dataIndex: 'person',
      render: (_, r) => <CadreLink id={r.person?.id} name={r.person?.name} />,
    },
    { title: t('plan.unit'), dataIndex: 'unit', render: (_, r) => r.unit?.name ?? '—' },
    { title: t('hist.start'), dataIndex: 'startDate', width: 120 },
    {
      title: t('hist.end'),
      dataIndex: 'endDate',
      width: 140,
      render: (v: string | null) => v ?? <Tag color="green">{t('hist.current')}</Tag>,
    },
    { title: t('hist.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
  ];
  return (
    <Card size="small" title={t('hist.title')} data-testid="help-history">
      <DataTable<PairingView>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hist.none')} /> }}
      />
    </Card>
  );
}
