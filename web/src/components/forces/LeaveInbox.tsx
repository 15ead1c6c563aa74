/**
 * 待我审批 — pending leave requests the signed-in user may decide (GET /api/leaves/inbox), approve or reject;
 * ?overdue=true keeps those still undecided on or after their first day (the workbench links here).
 */
import { useState } from 'react';
import { App, Checkbox, Empty, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { leave as leaveApi, type Leave } from '@shared/contracts/leave';
import { useI18n } from '../../i18n';
import { ListTab, useList } from '../common/useList';
import { useUrlFilters } from '../common/urlFilters';
import { leaveColumns } from './LeaveColumns';
import { LeaveDecideModal } from './LeaveDecideModal';

export function LeaveInbox({ onChanged }: { onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<{ leave: Leave; approve: boolean } | null>(null);
  const filters = useUrlFilters();
  const overdue = filters.get('overdue') === 'true';
  const list = useList(leaveApi.inbox, { overdue: overdue ? 'true' : undefined });

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

  return (
    <>
      <ListTab
        list={list}
        columns={columns}
        testId="leave-inbox"
        toolbar={
          <Checkbox
            checked={overdue}
            onChange={(e) => filters.set({ overdue: e.target.checked ? 'true' : undefined })}
            data-testid="leave-overdue"
          >
            {t('leave.overdueOnly')}
          </Checkbox>
        }
        table={{
          locale: { emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leave.inboxEmpty')} /> },
        }}
      />
      <LeaveDecideModal
        leave={deciding?.leave ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => {
          // a request decided or cancelled meanwhile (the conflict dialog) leaves the inbox
          setDeciding(null);
          list.reload();
        }}
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
