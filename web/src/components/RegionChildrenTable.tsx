/** Children of a region (GET /api/regions/{code}/children); a row click opens that region. */
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { regions, type RegionSummary } from '@shared/contracts/regions';
import { useI18n } from '../i18n';
import { ApiResult } from './ApiResult';
import { useCall } from './common/useList';
import { FlagTags, LevelTag } from './RegionTags';

export function RegionChildrenTable({ code }: { code: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useCall(regions.children, { params: { code } });
  if (error) return <ApiResult error={error} onRetry={reload} />;

  const columns: TableColumnsType<RegionSummary> = [
    {
      title: t('region.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Typography.Link onClick={() => navigate(`/regions/${r.code}`)}>{name}</Typography.Link>
      ),
    },
    { title: t('region.level'), dataIndex: 'level', width: 110, render: (_, r) => <LevelTag level={r.level} /> },
    {
      title: t('region.code'),
      dataIndex: 'code',
      width: 160,
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    { title: t('region.flags'), dataIndex: 'flags', render: (_, r) => <FlagTags flags={r.flags} /> },
    { title: t('region.childCount'), dataIndex: 'childCount', width: 90, align: 'right' },
  ];
  return (
    <Table<RegionSummary>
      rowKey="code"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      onRow={(r) => ({ onClick: () => navigate(`/regions/${r.code}`), style: { cursor: 'pointer' } })}
      data-testid="region-children"
    />
  );
}
