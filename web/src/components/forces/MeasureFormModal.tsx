/** Add or edit a help measure of a household (POST /api/measures, PATCH /api/measures/:id). */
import { useState } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { DutyCadreSelect } from './DutyCadreSelect';
import { dayOf, forceOptions, isoOf, useMappedErrors } from './DutyShared';
import type { CadreRef } from './ForceTypes';
import type { Measure } from './PairingTypes';

interface MeasureForm {
  type: string;
  title: string;
  amount?: number | null;
  plannedDate?: Dayjs | null;
  doneDate?: Dayjs | null;
  personId?: number | null;
  status: string;
  evidence?: string;
}
const FIELDS = ['type', 'title', 'amount', 'plannedDate', 'doneDate', 'personId', 'status', 'evidence'] as const;

interface Props {
  open: boolean;
  householdId: number;
  /** The measure to edit; undefined to add one. */
  measure?: Measure;
  /** Defaults of a new measure (a suggested type, the responsible cadre). */
  defaults?: { type?: string; person?: CadreRef | null };
  suggestedTypes?: string[];
  onClose: () => void;
  onSaved: (m: Measure) => void;
}

export function MeasureFormModal({
  open,
  householdId,
  measure,
  defaults,
  suggestedTypes = [],
  onClose,
  onSaved,
}: Props) {
  const { t, L } = useI18n();
  const onError = useMappedErrors();
  const [form] = Form.useForm<MeasureForm>();
  const [saving, setSaving] = useState(false);
  const status = Form.useWatch('status', form);
  const suggested = new Set(suggestedTypes);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      type: v.type,
      title: v.title.trim(),
      amount: v.amount ?? null,
      plannedDate: isoOf(v.plannedDate) ?? null,
      doneDate: isoOf(v.doneDate) ?? null,
      personId: v.personId ?? null,
      status: v.status,
      evidence: v.evidence?.trim() || null,
    };
    setSaving(true);
    try {
      const saved = measure
        ? await api.patch<Measure>(`/measures/${measure.id}`, body)
        : await api.post<Measure>('/measures', { householdId, ...body });
      onSaved(saved);
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const person = measure ? measure.person : (defaults?.person ?? null);
  return (
    <Modal
      title={measure ? t('msr.edit') : t('msr.new')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Form<MeasureForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          measure
            ? {
                ...measure,
                plannedDate: dayOf(measure.plannedDate),
                doneDate: dayOf(measure.doneDate),
                personId: measure.person?.id ?? null,
                evidence: measure.evidence ?? undefined,
              }
            : { type: defaults?.type, status: 'planned', personId: defaults?.person?.id ?? null }
        }
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="type"
              label={t('msr.type')}
              rules={[{ required: true, message: t('form.select', { field: t('msr.type') }) }]}
            >
              <Select
                data-testid="measure-type"
                options={forceOptions('measure_type', L).map((o) => ({
                  ...o,
                  label: suggested.has(o.value) ? `${o.label}（${t('plan.suggested')}）` : o.label,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="status"
              label={t('fb.status')}
              rules={[{ required: true, message: t('form.select', { field: t('fb.status') }) }]}
            >
              <Select options={forceOptions('measure_status', L)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('msr.title')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('msr.title') }) }]}
        >
          <Input maxLength={200} placeholder={t('msr.titlePlaceholder')} data-testid="measure-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="amount" label={t('msr.amount')}>
              <InputNumber min={0} max={1e9} precision={2} style={{ width: '100%' }} suffix={t('fund.yuan')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="plannedDate" label={t('msr.plannedDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="doneDate"
              label={t('msr.doneDate')}
              rules={[{ required: status === 'done', message: t('form.select', { field: t('msr.doneDate') }) }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="personId" label={t('msr.person')}>
          <DutyCadreSelect stationed={false} initial={person} />
        </Form.Item>
        <Form.Item name="evidence" label={t('msr.evidence')}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('msr.evidencePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
