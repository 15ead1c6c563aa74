/** Approve or reject a leave request with a note (POST /api/leaves/:id/decide). */
import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { api } from '../../api';
import { useFormErrorHandler } from '../../hooks';
import { useI18n } from '../../i18n';
import { ForceTag } from './DutyShared';
import type { Leave } from './DutyTypes';

interface Props {
  leave: Leave | null;
  approve: boolean;
  onClose: () => void;
  onDone: (leave: Leave) => void;
}

export function LeaveDecideModal({ leave, approve, onClose, onDone }: Props) {
  const { t } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!leave) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const note = v.note?.trim();
      const done = await api.post<Leave>(`/leaves/${leave.id}/decide`, { approve, ...(note ? { note } : {}) });
      onDone(done);
    } catch (e) {
      onError(form, e, ['note', 'approve']);
    } finally {
      setSaving(false);
    }
  };

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
      width={560}
    >
      {leave && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('fb.cadre')}>{leave.personName}</Descriptions.Item>
            <Descriptions.Item label={t('fb.village')}>{leave.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('leave.dates')} span={2}>
              {leave.startDate} ~ {leave.endDate}（{t('leave.nDays', { days: leave.days })}）
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
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={t('leave.note')}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('leave.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="leave-decide-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
