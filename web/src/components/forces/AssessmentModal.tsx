/**
 * 考核 — assess a stationed cadre for a half year or a year (POST /api/assessments), with the evidence
 * (attendance, leave, absence, logs) of the chosen period beside the form. A correction (重新考核) keeps the cadre
 * and period and sends the version read; when another assessor saved first — a correction, or an assessment of
 * the same period made meanwhile — the conflict dialog shows theirs beside the user's.
 */
import { useEffect, useMemo } from 'react';
import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { assessments, type Assessment } from '@shared/contracts/assessments';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { AssessmentEvidence } from './AssessmentEvidence';
import { CadreItem } from './DutyCadreSelect';
import { forceOptions, periodOptions } from './DutyShared';

interface AssessmentForm {
  region?: string;
  personId: number;
  kind: Assessment['kind'];
  period: string;
  grade: Assessment['grade'];
  score?: number | null;
  comments?: string;
}
const FIELDS = ['personId', 'kind', 'period', 'grade', 'score', 'comments'] as const;

interface Props {
  open: boolean;
  region?: string;
  /** The assessment being corrected; none for a new one. */
  initial?: Assessment | null;
  onClose: () => void;
  onSaved: (row: Assessment) => void;
}

const toValues = (a: Assessment): Partial<AssessmentForm> => ({
  personId: a.personId,
  kind: a.kind,
  period: a.period,
  grade: a.grade,
  score: a.score,
  comments: a.comments ?? undefined,
});

export function AssessmentModal({ open, region, initial, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const editing = initial ?? null;
  const initialValues = useMemo<Partial<AssessmentForm>>(
    () =>
      editing
        ? { region, ...toValues(editing) }
        : { region, kind: 'half_year', period: periodOptions(t, 'half_year')[0]?.value, score: null },
    // the form opens with these; the language does not change them
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editing, region],
  );

  return (
    <FormModal<AssessmentForm, Assessment>
      open={open}
      title={t('asm.new')}
      width={1040}
      initialValues={initialValues}
      onClose={onClose}
      fields={FIELDS}
      version={editing?.version}
      save={(v, version) =>
        call(assessments.save, {
          body: {
            personId: v.personId,
            kind: v.kind,
            period: v.period,
            grade: v.grade,
            ...(v.score != null ? { score: v.score } : {}),
            ...(v.comments?.trim() ? { comments: v.comments.trim() } : {}),
            ...(version !== undefined ? { version } : {}),
          },
        })
      }
      onSaved={onSaved}
      conflict={{
        toValues,
        labels: { grade: t('asm.grade'), score: t('asm.score'), comments: t('asm.comments') },
      }}
    >
      {(form) => <AssessmentFields form={form} region={region} initial={editing} />}
    </FormModal>
  );
}

function AssessmentFields({
  form,
  region,
  initial,
}: {
  form: FormInstance<AssessmentForm>;
  region?: string;
  initial: Assessment | null;
}) {
  const { t, L } = useI18n();
  const pickRegion = Form.useWatch('region', form);
  const personId = Form.useWatch('personId', form);
  const kind = Form.useWatch('kind', form);
  const period = Form.useWatch('period', form);
  /** A correction is of one cadre and period: the version read is theirs. */
  const fixed = initial !== null;

  // A period of the other kind is cleared when the kind changes.
  useEffect(() => {
    if (!kind || !period) return;
    const half = /H[12]$/.test(period);
    if ((kind === 'half_year') !== half) form.setFieldValue('period', undefined);
  }, [kind, period, form]);

  return (
    <Row gutter={24}>
      <Col xs={24} md={11}>
        <Form.Item name="region" label={t('fb.region')}>
          <RegionTreeSelect disabled={fixed} onChange={() => form.setFieldValue('personId', undefined)} />
        </Form.Item>
        <CadreItem
          region={pickRegion ?? region}
          disabled={fixed}
          initial={initial ? { id: initial.personId, name: initial.personName } : null}
          data-testid="asm-person"
        />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('asm.kind')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" disabled={fixed} options={forceOptions('assessment_kind', L)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="period"
              label={t('asm.period')}
              rules={[{ required: true, message: t('form.select', { field: t('asm.period') }) }]}
            >
              <Select disabled={fixed} options={periodOptions(t, kind)} />
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
      </Col>
      <Col xs={24} md={13}>
        <AssessmentEvidence personId={personId} period={period} />
      </Col>
    </Row>
  );
}
