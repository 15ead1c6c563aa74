/** 待我审批 — pending leave requests the signed-in user may decide (GET /api/leaves/inbox), approve or reject. */
import { useState } from 'react';
import { App, Empty, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api } from '../../api';
import { useAsync } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import type { Page } from '../../types';
import { urlPagination, useForceQuery } from './DutyShared';
import type { Leave } from './DutyTypes';
import { leaveColumns } from './LeaveColumns';
import { LeaveDecideModal } from './LeaveDecideModal';

export function LeaveInbox({ onChanged }: { onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const q = useForceQuery();
  const [deciding, setDeciding] = useState<{ leave: Leave; approve: boolean } | null>(null);
  const list = useAsync(
    (s) => api.get<Page<Leave>>('/leaves/inbox', { page: q.page, pageSize: q.pageSize }, s),
    [q.page, q.pageSize],
  );

  const columns: TableColumnsType<Leave> = [
    ...leaveColumns(i18n).filter((c) => c.key !== 'status'),
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 120,
      render: (_, l) =>
        l.canDecide === false ? (
          <Typography.Text type="secondary">{t('leave.notYours')}</Typography.Text>
        ) : (
          <Space>
            <Typography.Link onClick={() => setDeciding({ leave: l, approve: true })} data-testid="leave-approve">
              {t('leave.approve')}
            </Typography.Link>
            <Typography.Link
              type="danger"
              onClick={() => setDeciding({ leave: l, approve: false })}
              data-testid="leave-reject"
            >
              {t('leave.reject')}
            </Typography.Link>
          </Space>
        ),
    },
  ];

  if (list.error) return <ApiResult error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Table<Leave>
        rowKey="id"
        size="middle"
        data-testid="leave-inbox"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leave.inboxEmpty')} /> }}
        pagination={urlPagination(t, q, list.data?.total)}
      />
      <LeaveDecideModal
        leave={deciding?.leave ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
        onDone={(l) => {
          setDeciding(null);
          message.success(
            l.status === 'approved'
              ? t('leave.approvedMsg', { name: l.personName, days: l.days })
              : t('leave.rejectedMsg', { name: l.personName }),
          );
          list.reload();
          onChanged();
        }}
      />
    </>
  );
}
