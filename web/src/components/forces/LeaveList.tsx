/** 请假记录 — leave requests by region and status (GET /api/leaves), 申请请假, cancel, decide. */
import { useState } from 'react';
import { App, Button, Popconfirm, Select, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { leave as leaveApi, type Leave, type LeaveQuery } from '@shared/contracts/leave';
import { call, isApiError } from '../../api';
import { useAuth } from '../../auth';
import { useErrorToast } from '../../hooks';
import { useI18n } from '../../i18n';
import { ListTab, useList } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { DutyCadreSelect } from './DutyCadreSelect';
import { forceOptions, forceText, useForceQuery } from './DutyShared';
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
  const status = (q.params.get('status') || undefined) as LeaveQuery['status'];
  const personId = q.params.get('personId') || undefined;
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ leave: Leave; approve: boolean } | null>(null);

  const list = useList(leaveApi.list, q.region ? { region: q.region, status, personId } : null);
  const changed = () => {
    list.reload();
    onChanged();
  };

  const cancel = async (l: Leave) => {
    try {
      await call(leaveApi.cancel, { params: { id: l.id }, body: { version: l.version } });
      message.success(t('leave.cancelled'));
      changed();
    } catch (e) {
      toast(e);
      // decided or cancelled meanwhile: show how it stands now
      if (isApiError(e) && (e.code === 'VERSION_CONFLICT' || e.code === 'CONFLICT')) changed();
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
      <ListTab
        list={list}
        columns={columns}
        testId="leave-table"
        toolbar={
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
              value={status}
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
        }
        actions={
          can('force.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="leave-new">
              {t('leave.new')}
            </Button>
          )
        }
      />
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
          changed();
        }}
      />
      <LeaveDecideModal
        leave={deciding?.leave ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          message.success(t('common.saved'));
          changed();
        }}
      />
    </>
  );
}
