/** Request a recall (POST /api/recalls, recall.request) and decide one (POST /api/recalls/:id/decide, recall.approve). */
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import { STATIONED_ROLES } from '@shared/forces';
import { api } from '../../api';
import { useAsync, useFormErrorHandler } from '../../hooks';
import { useI18n } from '../../i18n';
import type { Page } from '../../types';
import { dateItemProps, forceOptions, forceText, today } from './CadreCommon';
import { CadreSelect } from './CadreSelect';
import type { Recall, Station } from './CadreTypes';

interface RequestForm {
  personId?: number | null;
  stationId: number;
  reason: string;
  note?: string | null;
  effectiveDate: string;
}
const FIELDS = ['stationId', 'reason', 'note', 'effectiveDate'] as const;

interface RequestProps {
  open: boolean;
  /** Recall from this station (the pickers are hidden). */
  station?: Station | null;
  /** Region to search cadres in. */
  region?: string;
  onClose: () => void;
  onSaved: (r: Recall) => void;
}

export function RecallRequestModal({ open, station, region, onClose, onSaved }: RequestProps) {
  const { t, L } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<RequestForm>();
  const [saving, setSaving] = useState(false);
  const personId = Form.useWatch('personId', form);

  const stations = useAsync(
    open && !station && personId
      ? (s) => api.get<Page<Station>>('/stations', { personId, active: true, region, pageSize: 50 }, s)
      : null,
    [open, station, personId, region],
  );
  const choices = (stations.data?.items ?? []).filter((s) => STATIONED_ROLES.includes(s.role as never));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      stationId: station?.id ?? v.stationId,
      reason: v.reason,
      note: v.note?.trim() || null,
      effectiveDate: v.effectiveDate,
    };
    setSaving(true);
    try {
      onSaved(await api.post<Recall>('/recalls', body));
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('fa.recallRequest')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('fa.recallSubmit')}
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {station && (
        <Alert
          type="warning"
          style={{ marginBottom: 16 }}
          title={`${station.personName} · ${forceText('station_role', station.role, L)} · ${station.regionName}`}
        />
      )}
      <Form<RequestForm>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="recall-form"
        initialValues={{ reason: 'ineffective', effectiveDate: today() }}
        onValuesChange={(changed: Partial<RequestForm>) => {
          if ('personId' in changed) form.setFieldValue('stationId', undefined);
        }}
      >
        {!station && (
          <>
            <Form.Item
              name="personId"
              label={t('fa.cadre')}
              rules={[{ required: true, message: t('form.select', { field: t('fa.cadre') }) }]}
            >
              <CadreSelect region={region} query={{ active: true }} />
            </Form.Item>
            <Form.Item
              name="stationId"
              label={t('fa.station')}
              rules={[{ required: true, message: t('form.select', { field: t('fa.station') }) }]}
            >
              <Select
                loading={stations.loading}
                placeholder={personId ? undefined : t('fa.cadreFirst')}
                notFoundContent={personId && !stations.loading ? t('fa.noActiveStation') : undefined}
                options={choices.map((s) => ({
                  value: s.id,
                  label: `${forceText('station_role', s.role, L)} · ${s.regionName}（${s.startDate}）`,
                }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('fa.recallReason')} rules={[{ required: true }]}>
          <Select options={forceOptions('recall_reason', L)} />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={t('fa.effectiveDate')}
          rules={[{ required: true, message: t('form.select', { field: t('fa.effectiveDate') }) }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('fa.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Approve or reject a pending recall, with an optional note. */
export function RecallDecideModal({
  decision,
  onClose,
  onSaved,
}: {
  decision: { recall: Recall; approve: boolean } | null;
  onClose: () => void;
  onSaved: (r: Recall) => void;
}) {
  const { t, L } = useI18n();
  const onError = useFormErrorHandler();
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!decision) return;
    const v = form.getFieldsValue();
    setSaving(true);
    try {
      onSaved(
        await api.post<Recall>(`/recalls/${decision.recall.id}/decide`, {
          approve: decision.approve,
          note: v.note?.trim() || undefined,
        }),
      );
    } catch (e) {
      onError(form, e, ['note']);
    } finally {
      setSaving(false);
    }
  };

  const r = decision?.recall;
  return (
    <Modal
      title={decision?.approve ? t('fa.recallApprove') : t('fa.recallReject')}
      open={decision !== null}
      onCancel={onClose}
      onOk={submit}
      okText={decision?.approve ? t('fa.recallApprove') : t('fa.recallReject')}
      okButtonProps={{ danger: !decision?.approve }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {r && (
        <Alert
          type={decision?.approve ? 'warning' : 'info'}
          style={{ marginBottom: 16 }}
          title={`${r.personName} · ${forceText('station_role', r.role, L)} · ${r.regionName}`}
          description={
            decision?.approve
              ? t('fa.recallApproveHint', { date: r.effectiveDate })
              : `${forceText('recall_reason', r.reason, L)}${r.note ? `：${r.note}` : ''}`
          }
        />
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t('fa.decisionNote')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
