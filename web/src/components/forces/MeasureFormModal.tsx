/**
 * Add or edit a help measure of a household (POST /api/measures, PATCH /api/measures/:id). An edit sends the
 * version read: when someone else saved the measure first (409) the conflict dialog shows their values beside the
 * user's own, to take theirs or overwrite.
 */
import { useMemo } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { measures, type MeasureView } from '@shared/contracts/pairings';
import type { MeasureStatus, MeasureType } from '@shared/forces';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { DutyCadreSelect } from './DutyCadreSelect';
import { forceOptions } from './DutyShared';
import type { CadreRef } from './DutyCadreSelect';
import { isoDateItem } from './isoDate';
import { paren } from '../../format';

interface MeasureValues {
  type?: MeasureType;
  title?: string;
  amount?: number | null;
  plannedDate?: string | null;
  doneDate?: string | null;
  personId?: number | null;
  status?: MeasureStatus;
  evidence?: string | null;
}
const FIELDS = ['type', 'title', 'amount', 'plannedDate', 'doneDate', 'personId', 'status', 'evidence'] as const;

/** A measure as form values (also the other person's values in a conflict). */
const toValues = (m: MeasureView): MeasureValues => ({
  type: m.type,
  title: m.title,
  amount: m.amount,
  plannedDate: m.plannedDate,
  doneDate: m.doneDate,
  personId: m.person?.id ?? null,
  status: m.status,
  evidence: m.evidence,
});

interface Props {
  open: boolean;
  householdId: number;
  /** The measure to edit; undefined to add one. */
  measure?: MeasureView;
  /** Defaults of a new measure (a suggested type, the responsible cadre). */
  defaults?: { type?: string; person?: CadreRef | null };
  suggestedTypes?: string[];
  onClose: () => void;
  onSaved: (m: MeasureView) => void;
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
  const { t } = useI18n();
  const initialValues = useMemo<MeasureValues>(
    () =>
      measure
        ? toValues(measure)
        : {
            type: defaults?.type as MeasureType | undefined,
            status: 'planned',
            personId: defaults?.person?.id ?? null,
          },
    [measure, defaults?.type, defaults?.person?.id],
  );
  const labels = useMemo(
    () => ({
      type: t('msr.type'),
      status: t('fb.status'),
      title: t('msr.title'),
      amount: t('msr.amount'),
      plannedDate: t('msr.plannedDate'),
      doneDate: t('msr.doneDate'),
      personId: t('msr.person'),
      evidence: t('msr.evidence'),
    }),
    [t],
  );
  const save = (v: MeasureValues, version: number | undefined) => {
    const body = {
      type: v.type!,
      title: (v.title ?? '').trim(),
      amount: v.amount ?? null,
      plannedDate: v.plannedDate ?? null,
      doneDate: v.doneDate ?? null,
      personId: v.personId ?? null,
      status: v.status!,
      evidence: v.evidence?.trim() || null,
    };
    return measure
      ? call(measures.update, { params: { id: measure.id }, body: { ...body, version } })
      : call(measures.create, { body: { householdId, ...body } });
  };
  const person = measure ? measure.person : (defaults?.person ?? null);
  return (
    <FormModal<MeasureValues, MeasureView>
      open={open}
      title={measure ? t('msr.edit') : t('msr.new')}
      width={640}
      testId="measure-form"
      initialValues={initialValues}
      fields={FIELDS}
      version={measure?.version}
      save={save}
      conflict={{ toValues, labels }}
      onClose={onClose}
      onSaved={onSaved}
    >
      {(form) => <MeasureFields form={form} person={person} suggestedTypes={suggestedTypes} />}
    </FormModal>
  );
}

function MeasureFields({
  form,
  person,
  suggestedTypes,
}: {
  form: FormInstance<MeasureValues>;
  person: CadreRef | null;
  suggestedTypes: string[];
}) {
  const { t, L } = useI18n();
  const status = Form.useWatch('status', form);
  const suggested = new Set(suggestedTypes);
  return (
    <>
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
                label: suggested.has(o.value) ? `${o.label}${paren(t('plan.suggested'))}` : o.label,
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
            <Select options={forceOptions('measure_status', L)} data-testid="measure-status" />
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
          <Form.Item name="plannedDate" label={t('msr.plannedDate')} {...isoDateItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="doneDate"
            label={t('msr.doneDate')}
            rules={[{ required: status === 'done', message: t('form.select', { field: t('msr.doneDate') }) }]}
            {...isoDateItem}
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
    </>
  );
}
