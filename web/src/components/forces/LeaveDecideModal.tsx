/**
 * Approve or reject a leave request with a note (POST /api/leaves/:id/decide), with the version read: when the
 * request was decided or cancelled meanwhile, the conflict dialog shows how it stands now.
 */
import { useEffect } from 'react';
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { leave as leaveApi, type Leave } from '@shared/contracts/leave';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useSave } from '../common/useSave';
import { ForceTag, forceText } from './DutyShared';
import { paren } from '../../format';

interface Props {
  leave: Leave | null;
  approve: boolean;
  onClose: () => void;
  onDone: (leave: Leave) => void;
}

interface DecideForm {
  note?: string;
  /** Shown in the conflict dialog only: how the request stands. */
  status?: string;
  decidedBy?: string | null;
}

export function LeaveDecideModal({ leave, approve, onClose, onDone }: Props) {
  const { t, L } = useI18n();
  const [form] = Form.useForm<DecideForm>();
  const { submit, saving, dialog } = useSave<DecideForm, Leave>({
    form,
    fields: ['note', 'approve'],
    version: leave?.version,
    save: (v, version) => {
      const note = v.note?.trim();
      return call(leaveApi.decide, {
        params: { id: leave!.id },
        body: { approve, ...(note ? { note } : {}), version },
      });
    },
    onSaved: onDone,
    conflict: {
      toValues: (current: Leave) => ({
        note: current.decisionNote ?? undefined,
        status: forceText('approval_status', current.status, L),
        decidedBy: current.decidedBy,
      }),
      labels: { status: t('fb.status'), decidedBy: t('leave.decision'), note: t('leave.note') },
    },
  });
  useEffect(() => {
    if (leave) form.resetFields();
  }, [leave, form]);

  return (
    <Modal
      title={approve ? t('leave.approveTitle') : t('leave.rejectTitle')}
      open={!!leave}
      onCancel={onClose}
      onOk={submit}
      okText={approve ? t('leave.approve') : t('leave.reject')}
      okButtonProps={{ danger: !approve, ...{ 'data-testid': 'leave-decide-ok' } }}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
      width={560}
    >
      {leave && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('fb.cadre')}>{leave.personName}</Descriptions.Item>
            <Descriptions.Item label={t('fb.village')}>{leave.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('leave.dates')} span={2}>
              {leave.startDate} ~ {leave.endDate}
              {paren(t('leave.nDays', { days: leave.days }))}
            </Descriptions.Item>
            <Descriptions.Item label={t('leave.reason')} span={2}>
              {leave.reason}
            </Descriptions.Item>
            <Descriptions.Item label={t('leave.approver')} span={2}>
              <ForceTag list="leave_approver" code={leave.approver} />
            </Descriptions.Item>
          </Descriptions>
          {approve && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('leave.approveHint', { days: leave.days })}
            />
          )}
        </>
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t('leave.note')}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('leave.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="leave-decide-note" />
        </Form.Item>
      </Form>
      {dialog}
    </Modal>
  );
}
