/** 请假记录 — leave requests by region and status (GET /api/leaves), 申请请假, cancel, decide. */
import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useAsync, useErrorToast } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { RegionTreeSelect } from '../RegionTreeSelect';
import type { Page } from '../../types';
import { DutyCadreSelect } from './DutyCadreSelect';
import { forceOptions, forceText, urlPagination, useForceQuery } from './DutyShared';
import type { Leave } from './DutyTypes';
import { leaveColumns } from './LeaveColumns';
import { LeaveDecideModal } from './LeaveDecideModal';
import { LeaveFormModal } from './LeaveFormModal';

export function LeaveList({ onChanged }: { onChanged: () => void }) {
  const i18n = useI18n();
  const { t, L } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const q = useForceQuery();
  const status = q.params.get('status') ?? '';
  const personId = q.params.get('personId') ?? '';
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ leave: Leave; approve: boolean } | null>(null);

  const list = useAsync(
    q.region
      ? (s) =>
          api.get<Page<Leave>>('/leaves', { region: q.region, status, personId, page: q.page, pageSize: q.pageSize }, s)
      : null,
    [q.region, status, personId, q.page, q.pageSize],
  );

  const cancel = async (l: Leave) => {
    try {
      await api.post(`/leaves/${l.id}/cancel`, {});
      message.success(t('leave.cancelled'));
      list.reload();
      onChanged();
    } catch (e) {
      toast(e);
    }
  };

  const columns: TableColumnsType<Leave> = [...leaveColumns(i18n, { decided: true })];
  if (can('force.write') || can('leave.approve'))
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, l) =>
        l.status !== 'pending' ? null : (
          <Space>
            {l.canDecide && (
              <>
                <Typography.Link onClick={() => setDeciding({ leave: l, approve: true })}>
                  {t('leave.approve')}
                </Typography.Link>
                <Typography.Link type="danger" onClick={() => setDeciding({ leave: l, approve: false })}>
                  {t('leave.reject')}
                </Typography.Link>
              </>
            )}
            {can('force.write') && (
              <Popconfirm title={t('leave.confirmCancel', { name: l.personName })} onConfirm={() => cancel(l)}>
                <Typography.Link type="secondary">{t('leave.cancel')}</Typography.Link>
              </Popconfirm>
            )}
          </Space>
        ),
    });

  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionTreeSelect
            value={q.region}
            onChange={(c) => q.update({ region: c, personId: undefined })}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('fb.allStatuses')}
            value={status || undefined}
            onChange={(v?: string) => q.update({ status: v })}
            options={forceOptions('approval_status', L)}
            data-testid="leave-status-filter"
          />
          <DutyCadreSelect
            style={{ width: 240 }}
            region={q.region}
            value={personId ? Number(personId) : null}
            onChange={(id) => q.update({ personId: id ?? undefined })}
          />
        </Space>
        {can('force.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="leave-new">
            {t('leave.new')}
          </Button>
        )}
      </Flex>
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Leave>
          rowKey="id"
          size="middle"
          data-testid="leave-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={urlPagination(t, q, list.data?.total)}
        />
      )}
      <LeaveFormModal
        open={creating}
        region={q.region}
        onClose={() => setCreating(false)}
        onSaved={(l) => {
          setCreating(false);
          message.success(
            t('leave.createdMsg', { days: l.days, approver: forceText('leave_approver', l.approver, L) }),
            6,
          );
          list.reload();
          onChanged();
        }}
      />
      <LeaveDecideModal
        leave={deciding?.leave ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          message.success(t('common.saved'));
          list.reload();
          onChanged();
        }}
      />
    </>
  );
}
