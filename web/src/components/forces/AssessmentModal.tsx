/**
 * 考核 — assess a stationed cadre for a half year or a year (POST /api/assessments), with the evidence
 * (attendance, leave, absence, logs) of the chosen period beside the form.
 */
import { useEffect, useState } from 'react';
import { Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { AssessmentEvidence } from './AssessmentEvidence';
import { DutyCadreSelect } from './DutyCadreSelect';
import { forceOptions, periodOptions, useMappedErrors } from './DutyShared';
import type { AssessmentRow, CadreRef } from './DutyTypes';

interface AssessmentForm {
  region?: string;
  personId: number;
  kind: 'half_year' | 'annual';
  period: string;
  grade: string;
  score?: number | null;
  comments?: string;
}
const FIELDS = ['personId', 'kind', 'period', 'grade', 'score', 'comments'] as const;

interface Props {
  open: boolean;
  region?: string;
  /** Prefill from an existing assessment (re-assess) or a cadre. */
  initial?: Partial<AssessmentRow> & { person?: CadreRef };
  onClose: () => void;
  onSaved: (row: AssessmentRow) => void;
}

export function AssessmentModal({ open, region, initial, onClose, onSaved }: Props) {
  const { t, L } = useI18n();
  const onError = useMappedErrors();
  const [form] = Form.useForm<AssessmentForm>();
  const [saving, setSaving] = useState(false);
  const pickRegion = Form.useWatch('region', form);
  const personId = Form.useWatch('personId', form);
  const kind = Form.useWatch('kind', form);
  const period = Form.useWatch('period', form);

  // A period of the other kind is cleared when the kind changes.
  useEffect(() => {
    if (!kind || !period) return;
    const half = /H[12]$/.test(period);
    if ((kind === 'half_year') !== half) form.setFieldValue('period', undefined);
  }, [kind, period, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const saved = await api.post<AssessmentRow>('/assessments', {
        personId: v.personId,
        kind: v.kind,
        period: v.period,
        grade: v.grade,
        ...(v.score != null ? { score: v.score } : {}),
        ...(v.comments?.trim() ? { comments: v.comments.trim() } : {}),
      });
      onSaved(saved);
    } catch (e) {
      onError(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('asm.new')}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      width={1040}
    >
      <Row gutter={24}>
        <Col xs={24} md={11}>
          <Form<AssessmentForm>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{
              region,
              kind: initial?.kind ?? 'half_year',
              personId: initial?.personId,
              period: initial?.period ?? periodOptions(t, 'half_year')[0]?.value,
              grade: initial?.grade,
              score: initial?.score ?? null,
              comments: initial?.comments ?? undefined,
            }}
          >
            <Form.Item name="region" label={t('fb.region')}>
              <RegionTreeSelect onChange={() => form.setFieldValue('personId', undefined)} />
            </Form.Item>
            <Form.Item
              name="personId"
              label={t('fb.cadre')}
              rules={[{ required: true, message: t('form.select', { field: t('fb.cadre') }) }]}
            >
              <DutyCadreSelect
                region={pickRegion ?? region}
                initial={initial?.personId ? { id: initial.personId, name: initial.personName ?? '' } : null}
                data-testid="asm-person"
              />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="kind" label={t('asm.kind')} rules={[{ required: true }]}>
                  <Radio.Group optionType="button" options={forceOptions('assessment_kind', L)} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="period"
                  label={t('asm.period')}
                  rules={[{ required: true, message: t('form.select', { field: t('asm.period') }) }]}
                >
                  <Select options={periodOptions(t, kind)} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="grade"
              label={t('asm.grade')}
              rules={[{ required: true, message: t('form.select', { field: t('asm.grade') }) }]}
            >
              <Radio.Group options={forceOptions('assessment_grade', L)} />
            </Form.Item>
            <Form.Item name="score" label={t('asm.score')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="comments" label={t('asm.comments')}>
              <Input.TextArea rows={4} maxLength={1000} showCount />
            </Form.Item>
          </Form>
        </Col>
        <Col xs={24} md={13}>
          <AssessmentEvidence personId={personId} period={period} />
        </Col>
      </Row>
    </Modal>
  );
}
