/**
 * 申请请假 — a leave request for a stationed cadre (POST /api/leaves). The form shows the number of days and
 * the approval level expected from the policy parameter leave_township_max_days; the server decides.
 */
import { useMemo } from 'react';
import { Alert, DatePicker, Form, Input } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { leave as leaveApi, type Leave } from '@shared/contracts/leave';
import { policy, type PolicyParam } from '@shared/contracts/policy';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FormModal } from '../common/FormModal';
import { useCall } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { CadreItem } from './DutyCadreSelect';
import { ISO, forceText, renamePaths } from './DutyShared';

interface LeaveForm {
  region?: string;
  personId: number;
  range: [Dayjs, Dayjs];
  reason: string;
}

interface Props {
  open: boolean;
  region?: string;
  onClose: () => void;
  onSaved: (leave: Leave) => void;
}

/** The township limit in days for a year (year-specific national value first, then the national default). */
export function townshipLimit(params: PolicyParam[] | undefined, year: number): number | undefined {
  const rows = (params ?? []).filter((p) => p.key === 'leave_township_max_days' && typeof p.value === 'number');
  const pick = rows.find((p) => p.year === year && !p.province) ?? rows.find((p) => p.year === 0 && !p.province);
  return pick ? (pick.value as number) : undefined;
}

export function LeaveFormModal({ open, region, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const initialValues = useMemo(() => ({ region }), [region]);
  return (
    <FormModal<LeaveForm, Leave>
      open={open}
      title={t('leave.new')}
      okText={t('leave.submit')}
      width={560}
      initialValues={initialValues}
      onClose={onClose}
      fields={['personId', 'range', 'reason']}
      normalise={(e) => renamePaths(e, { startDate: 'range', endDate: 'range' })}
      save={(v) =>
        call(leaveApi.request, {
          body: {
            personId: v.personId,
            startDate: v.range[0].format(ISO),
            endDate: v.range[1].format(ISO),
            reason: v.reason.trim(),
          },
        })
      }
      onSaved={onSaved}
    >
      {(form) => <LeaveFields form={form} open={open} region={region} />}
    </FormModal>
  );
}

function LeaveFields({ form, open, region }: { form: FormInstance<LeaveForm>; open: boolean; region?: string }) {
  const { t, L } = useI18n();
  const pickRegion = Form.useWatch('region', form);
  const range = Form.useWatch('range', form);
  const params = useCall(policy.params, open ? {} : null).data?.items;

  const days = range?.[0] && range[1] ? range[1].startOf('day').diff(range[0].startOf('day'), 'day') + 1 : null;
  const limit = range?.[0] ? townshipLimit(params, range[0].year()) : undefined;
  const expected = days && limit !== undefined ? (days <= limit ? 'township' : 'county') : null;

  return (
    <>
      <Form.Item name="region" label={t('fb.region')}>
        <RegionTreeSelect onChange={() => form.setFieldValue('personId', undefined)} />
      </Form.Item>
      <CadreItem region={pickRegion ?? region} data-testid="leave-person" />
      <Form.Item
        name="range"
        label={t('leave.dates')}
        rules={[{ required: true, message: t('form.select', { field: t('leave.dates') }) }]}
        extra={days ? t('leave.nDays', { days }) : undefined}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('leave.reason')}
        rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('leave.reason') }) }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      {expected && (
        <Alert
          type={expected === 'county' ? 'warning' : 'info'}
          showIcon
          title={t('leave.expectedApprover', {
            approver: forceText('leave_approver', expected, L),
            limit: limit ?? '',
          })}
        />
      )}
    </>
  );
}
