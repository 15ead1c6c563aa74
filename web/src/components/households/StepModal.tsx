/**
 * Record one workflow step: date, actor and note. Identification and exit steps go to
 * POST /households/:id/identification|exit {step, date, note, actorName}; 返贫 to POST /households/:id/return {date, reason}.
 */
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { ApiError, api, isApiError } from '../../api';
import { useMe } from '../../auth';
import { useFormErrorHandler } from '../../hooks';
import { useI18n } from '../../i18n';
import { NEEDS_REASON, stepLabel } from './workflowSteps';
import type { StepRef } from './workflowSteps';

interface Props {
  householdId: number;
  step: StepRef | null;
  /** Years with a record; an exit step is checked against one of them. */
  years: number[];
  onClose: () => void;
  onDone: () => void;
}

interface Values {
  date: Dayjs;
  year?: number;
  actorName?: string;
  note?: string;
}
const FIELDS = ['date', 'year', 'actorName', 'note'] as const;

export function StepModal({ householdId, step, years, onClose, onDone }: Props) {
  const { t, L } = useI18n();
  const me = useMe();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; reasons: string[] } | null>(null);
  const sortedYears = [...years].sort((a, b) => b - a);
  const isReturn = step?.workflow === 'return';
  // Only the first exit step checks the criteria, against the record of a chosen year.
  const checksYear = step?.workflow === 'exit' && step.step === 'village_appraisal' && years.length > 0;
  const needsReason = !!step && NEEDS_REASON.has(step.step);

  const submit = async () => {
    if (!step) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setRefusal(null);
    const date = v.date.format('YYYY-MM-DD');
    const note = v.note?.trim() || undefined;
    try {
      if (isReturn) await api.post(`/households/${householdId}/return`, { date, reason: note, actorName: v.actorName });
      else
        await api.post(`/households/${householdId}/${step.workflow}`, {
          step: step.step,
          date,
          note,
          actorName: v.actorName?.trim() || undefined,
          ...(checksYear && v.year ? { year: v.year } : {}),
        });
      onDone();
    } catch (e) {
      // A refused step (409, e.g. exit criteria not met) shows its reasons in the dialog.
      if (isApiError(e) && e.code === 'CONFLICT') {
        setRefusal({ message: e.message, reasons: e.details.map((d) => d.message) });
        return;
      }
      // 返贫 names the text "reason"; it is the note box here.
      const details = isApiError(e) ? e.details.map((d) => (/reason$/.test(d.path) ? { ...d, path: 'note' } : d)) : [];
      onError(form, isApiError(e) ? new ApiError(e.status, e.code, e.message, details) : e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!step}
      title={step ? (isReturn ? t('wf.returnTitle') : t('wf.record', { step: stepLabel(step, L) })) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(open) => !open && setRefusal(null)}
      data-testid="step-modal"
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={refusal.message}
          data-testid="step-refusal"
          description={
            refusal.reasons.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {refusal.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ date: dayjs(), actorName: me.displayName, year: sortedYears[0] }}
      >
        <Form.Item
          name="date"
          label={t('wf.date')}
          rules={[{ required: true, message: t('form.select', { field: t('wf.date') }) }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {checksYear && (
          <Form.Item name="year" label={t('wf.checkYear')}>
            <Select options={sortedYears.map((y) => ({ value: y, label: y }))} />
          </Form.Item>
        )}
        <Form.Item name="actorName" label={t('wf.actor')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="note"
          label={needsReason ? t('wf.reason') : t('wf.note')}
          rules={
            needsReason
              ? [{ required: true, whitespace: true, message: t('form.required', { field: t('wf.reason') }) }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="step-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
