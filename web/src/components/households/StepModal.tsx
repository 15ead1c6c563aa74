/**
 * Record one workflow step (date, actor, note) with the household's version as read: identification and exit
 * steps through workflow.identification / workflow.exit, 返贫 through workflow.return (the note is its reason).
 * A refused step (409: the step does not fit, or the exit criteria are not met) shows its reasons in the dialog;
 * when the household was changed meanwhile (409 VERSION_CONFLICT) the dialog says so, the tab takes the workflow
 * as it is now (with its version) and the user checks and saves again.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { workflow, type WorkflowView } from '@shared/contracts/workflow';
import { ApiError, call, isApiError } from '../../api';
import { useMe } from '../../auth';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { codeLabel } from './codes';
import { NEEDS_REASON, stepLabel, stepOf } from './workflowSteps';
import type { StepRef } from './workflowSteps';

interface Props {
  householdId: number;
  /** The household's version as read (from the workflow, or the household detail). */
  version: number;
  step: StepRef | null;
  /** Years with a record; an exit step is checked against one of them. */
  years: number[];
  onClose: () => void;
  onDone: (view: WorkflowView) => void;
  /** The workflow as it is now, when the household was changed by someone else (409 VERSION_CONFLICT). */
  onStale: (current: WorkflowView) => void;
}

interface Values {
  date: Dayjs;
  year?: number;
  actorName?: string;
  note?: string;
}
const FIELDS = ['date', 'year', 'actorName', 'note'] as const;

export function StepModal({ householdId, version, step, years, onClose, onDone, onStale }: Props) {
  const { t, L } = useI18n();
  const me = useMe();
  const [refusal, setRefusal] = useState<{ message: string; reasons: string[] } | null>(null);
  const sortedYears = useMemo(() => [...years].sort((a, b) => b - a), [years]);
  const isReturn = step?.workflow === 'return';
  // Only the first exit step checks the criteria, against the record of a chosen year.
  const checksYear = step?.workflow === 'exit' && step.step === 'village_appraisal' && years.length > 0;
  const needsReason = !!step && NEEDS_REASON.has(step.step);
  useEffect(() => setRefusal(null), [step]);
  // New values each time a step is opened (not on every render: that would reset what the user typed).
  const initialValues = useMemo<Partial<Values>>(
    () => ({ date: dayjs(), actorName: me.displayName, year: sortedYears[0] }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [step],
  );

  /** The write; a refusal or a stale read is shown here (null: nothing was recorded). */
  const save = async (v: Values, sent: number | undefined): Promise<WorkflowView | null> => {
    if (!step) return null;
    setRefusal(null);
    const params = { id: householdId };
    const common = { date: v.date.format('YYYY-MM-DD'), actorName: v.actorName?.trim() || undefined, version: sent };
    const note = v.note?.trim() || undefined;
    const exit = stepOf('exit', step.step);
    const identification = stepOf('identification', step.step);
    try {
      if (step.workflow === 'return')
        return await call(workflow.return, { params, body: { ...common, reason: note ?? '' } });
      if (step.workflow === 'exit' && exit) {
        const year = checksYear && v.year ? { year: v.year } : {};
        return await call(workflow.exit, { params, body: { ...common, note, step: exit, ...year } });
      }
      if (step.workflow === 'identification' && identification)
        return await call(workflow.identification, { params, body: { ...common, note, step: identification } });
      return null;
    } catch (e) {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT' && e.current) {
        const now = e.current as WorkflowView;
        onStale(now);
        const where = now.step
          ? `${codeLabel('household_status', now.status, L)} · ${stepLabel({ step: now.step }, L)}`
          : '';
        setRefusal({ message: t('wf.changed'), reasons: where ? [t('wf.now', { where })] : [] });
        return null;
      }
      if (isApiError(e) && e.code === 'CONFLICT') {
        setRefusal({ message: e.message, reasons: e.details.map((d) => d.message).filter((m) => m !== e.message) });
        return null;
      }
      throw e;
    }
  };

  return (
    <FormModal<Values, WorkflowView | null>
      open={!!step}
      title={step ? (isReturn ? t('wf.returnTitle') : t('wf.record', { step: stepLabel(step, L) })) : ''}
      initialValues={initialValues}
      version={version}
      fields={FIELDS}
      save={save}
      onSaved={(view) => view && onDone(view)}
      // 返贫 names the text "reason"; it is the note box here.
      normalise={(e) =>
        new ApiError(
          e.status,
          e.code,
          e.message,
          e.details.map((d) => (/reason$/.test(d.path) ? { ...d, path: 'note' } : d)),
        )
      }
      onClose={onClose}
      testId="step-modal"
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
    </FormModal>
  );
}
