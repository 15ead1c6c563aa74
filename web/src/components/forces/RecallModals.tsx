/**
 * Request a recall (POST /api/recalls, recall.request) and decide one (POST /api/recalls/:id/decide, recall.approve,
 * with the version read: when another approver decided first, the conflict dialog shows their decision).
 */
import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { RecallView, StationView } from '@shared/contracts/cadres';
import { recalls, stations, type RecallInput } from '@shared/contracts/teams';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../common/useList';
import { useSave } from '../common/useSave';
import { dateItemProps, forceOptions, forceText, isStationedRole, today } from './CadreCommon';
import { CadreSelect } from './CadreSelect';
import { colon, paren } from '../../format';

type RequestForm = RecallInput & { personId?: number | null };
const FIELDS = ['stationId', 'reason', 'note', 'effectiveDate'] as const;

interface RequestProps {
  open: boolean;
  /** Recall from this station (the pickers are hidden). */
  station?: StationView | null;
  /** Region to search cadres in. */
  region?: string;
  onClose: () => void;
  onSaved: (r: RecallView) => void;
}

/** A cadre, then one of the cadre's current stationed roles. */
function StationPicker({ form, region }: { form: FormInstance<RequestForm>; region?: string }) {
  const { t, L } = useI18n();
  const personId = Form.useWatch('personId', form);
  const current = useCall(
    stations.list,
    personId ? { query: { personId, active: 'true', region: region || undefined, pageSize: 50 } } : null,
  );
  const choices = (current.data?.items ?? []).filter((s) => isStationedRole(s.role));
  return (
    <>
      <Form.Item
        name="personId"
        label={t('fa.cadre')}
        rules={[{ required: true, message: t('form.select', { field: t('fa.cadre') }) }]}
      >
        <CadreSelect
          region={region}
          query={{ active: 'true' }}
          onChange={() => form.setFieldValue('stationId', undefined)}
        />
      </Form.Item>
      <Form.Item
        name="stationId"
        label={t('fa.station')}
        rules={[{ required: true, message: t('form.select', { field: t('fa.station') }) }]}
      >
        <Select
          loading={current.loading}
          placeholder={personId ? undefined : t('fa.cadreFirst')}
          notFoundContent={personId && !current.loading ? t('fa.noActiveStation') : undefined}
          options={choices.map((s) => ({
            value: s.id,
            label: `${forceText('station_role', s.role, L)} · ${s.regionName}${paren(s.startDate)}`,
          }))}
        />
      </Form.Item>
    </>
  );
}

export function RecallRequestModal({ open, station, region, onClose, onSaved }: RequestProps) {
  const { t, L } = useI18n();
  const [form] = Form.useForm<RequestForm>();
  const { submit, saving, dialog } = useSave<RequestForm, RecallView>({
    form,
    fields: FIELDS,
    save: (v) =>
      call(recalls.request, {
        body: {
          stationId: station?.id ?? v.stationId,
          reason: v.reason,
          note: v.note?.trim() || null,
          effectiveDate: v.effectiveDate,
        },
      }),
    onSaved,
  });

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
      >
        {!station && <StationPicker form={form} region={region} />}
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
      {dialog}
    </Modal>
  );
}

interface DecideForm {
  note?: string;
  /** Not a field: the decision already taken, shown in the conflict dialog. */
  status?: string;
}

/** Approve or reject a pending recall, with an optional note. */
export function RecallDecideModal({
  decision,
  onClose,
  onSaved,
}: {
  decision: { recall: RecallView; approve: boolean } | null;
  onClose: () => void;
  onSaved: (r: RecallView) => void;
}) {
  const { t, L } = useI18n();
  const [form] = Form.useForm<DecideForm>();
  const { submit, saving, dialog } = useSave<DecideForm, RecallView>({
    form,
    fields: ['note'],
    version: decision?.recall.version,
    save: (v, version) =>
      call(recalls.decide, {
        params: { id: decision!.recall.id },
        body: { approve: decision!.approve, note: v.note?.trim() || undefined, version },
      }),
    onSaved,
    // Another approver decided first: their decision beside this one.
    conflict: {
      toValues: (current: RecallView) => ({
        status: forceText('approval_status', current.status, L),
        note: current.decisionNote ?? undefined,
      }),
      labels: { status: t('fa.status'), note: t('fa.decisionNote') },
    },
  });
  useEffect(() => {
    if (decision) form.resetFields();
  }, [decision, form]);

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
              : `${forceText('recall_reason', r.reason, L)}${r.note ? `${colon()}${r.note}` : ''}`
          }
        />
      )}
      <Form<DecideForm> form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t('fa.decisionNote')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
      {dialog}
    </Modal>
  );
}
