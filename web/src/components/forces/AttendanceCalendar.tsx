/**
 * 考勤登记 — one cadre's month of attendance as a calendar (GET /api/attendance?personId&from&to, approved
 * leave from GET /api/leaves), the cadre's days in the village this year (GET /api/cadres/:id/days), and a
 * check-in for a day (POST /api/attendance: present, or away with a reason). Future days cannot be chosen.
 * URL: ?personId=&month=YYYY-MM.
 */
import { useState } from 'react';
import {
  App,
  Badge,
  Calendar,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { duty, type DayRecord } from '@shared/contracts/duty';
import { leave as leaveApi } from '@shared/contracts/leave';
import { call } from '../../api';
import { useAuth } from '../../auth';
import { useAsync } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { FormModal } from '../common/FormModal';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { DutyCadreSelect } from './DutyCadreSelect';
import { ISO, forceOptions, forceText, futureDisabled, renamePaths, useForceQuery } from './DutyShared';

interface CheckForm {
  present: boolean;
  awayReason?: DayRecord['awayReason'];
  note?: string;
}

/** The cadre's days in the village for a year, as statistic cards. */
export function AttendanceDaysCard({ personId, year, tick }: { personId: number; year: number; tick: number }) {
  const { t } = useI18n();
  const days = useAsync(
    (signal) => call(duty.cadreDays, { params: { id: personId }, query: { year } }, { signal }),
    [personId, year, tick],
  );
  if (days.error) return <ApiResult error={days.error} onRetry={days.reload} />;
  const d = days.data;
  return (
    <Card
      size="small"
      loading={!d}
      title={t('att.yearDays', { year })}
      extra={d && (d.behind ? <Tag color="red">{t('att.behind')}</Tag> : <Tag color="green">{t('att.onPace')}</Tag>)}
      data-testid="cadre-days-card"
    >
      {d && (
        <Row gutter={16}>
          <Col xs={12} md={4}>
            <Statistic
              title={t('att.days')}
              value={d.days}
              styles={{ content: { color: d.behind ? '#cf1322' : undefined } }}
              suffix={`/ ${d.minimum}`}
              data-testid="cadre-days"
              data-days={d.days}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('att.checkInDays')} value={d.checkInDays} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('att.approvedLeaveDays')} value={d.approvedLeaveDays} data-testid="cadre-leave-days" />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('att.awayDays')} value={d.awayDays} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('att.unapprovedAwayDays')}
              value={d.unapprovedAwayDays}
              styles={{ content: { color: d.unapprovedAwayDays > 0 ? '#cf1322' : undefined } }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('att.expected')} value={d.expected} />
          </Col>
        </Row>
      )}
    </Card>
  );
}

export function AttendanceCalendar() {
  const { t, L } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const q = useForceQuery();
  const personId = Number(q.params.get('personId') ?? '') || null;
  const monthParam = q.params.get('month') ?? '';
  const month = /^\d{4}-\d{2}$/.test(monthParam) ? dayjs(`${monthParam}-01`) : dayjs().startOf('month');
  const from = month.startOf('month').format(ISO);
  const to = month.endOf('month').format(ISO);
  const [tick, setTick] = useState(0);
  /** The day being checked in, with the form's values when it opens. */
  const [checking, setChecking] = useState<{ day: Dayjs; values: CheckForm } | null>(null);
  const canWrite = can('force.write');

  const att = useAsync(
    personId ? (signal) => call(duty.attendance, { query: { personId, from, to } }, { signal }) : null,
    [personId, from, to, tick],
  );
  const leaves = useAsync(
    personId && q.region
      ? (signal) =>
          call(leaveApi.list, { query: { region: q.region, personId, status: 'approved', pageSize: 200 } }, { signal })
      : null,
    [personId, q.region, tick],
  );
  const byDay = new Map((att.data?.items ?? []).map((a) => [a.day, a]));
  const onLeave = (d: string) => (leaves.data?.items ?? []).some((l) => l.startDate <= d && d <= l.endDate);

  const open = (d: Dayjs) => {
    const rec = byDay.get(d.format(ISO));
    setChecking({
      day: d,
      values: {
        present: rec ? rec.present : !onLeave(d.format(ISO)),
        awayReason: rec?.awayReason ?? (onLeave(d.format(ISO)) ? 'leave' : undefined),
        note: rec?.note ?? undefined,
      },
    });
  };

  const save = (v: CheckForm) =>
    call(duty.checkIn, {
      body: {
        personId: personId!,
        day: checking!.day.format(ISO),
        present: v.present,
        ...(v.present ? {} : { awayReason: v.awayReason }),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
    });

  const cell = (d: Dayjs) => {
    const iso = d.format(ISO);
    if (!d.isSame(month, 'month')) return null;
    const rec = byDay.get(iso);
    if (rec)
      return rec.present ? (
        <Badge status="success" text={t('att.present')} data-testid="att-present" />
      ) : (
        <Badge status="warning" text={forceText('away_reason', rec.awayReason, L) || t('att.away')} />
      );
    if (onLeave(iso)) return <Badge status="processing" text={t('att.onLeave')} />;
    return null;
  };

  const presentCount = (att.data?.items ?? []).filter((a) => a.present).length;
  const awayCount = (att.data?.items ?? []).filter((a) => !a.present).length;

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }} size={16}>
        <RegionTreeSelect
          value={q.region}
          onChange={(c) => q.update({ region: c, personId: undefined })}
          style={{ width: 260 }}
        />
        <DutyCadreSelect
          style={{ width: 300 }}
          region={q.region}
          value={personId}
          onChange={(id) => q.update({ personId: id ?? undefined })}
          data-testid="att-person"
        />
      </Space>
      {!personId ? (
        <Empty description={t('att.pickCadre')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <AttendanceDaysCard personId={personId} year={month.year()} tick={tick} />
          {att.error ? (
            <ApiResult error={att.error} onRetry={att.reload} />
          ) : (
            <Card
              size="small"
              title={
                <Space>
                  {month.format(t('att.monthFormat'))}
                  <Typography.Text type="secondary">
                    {t('att.monthSummary', { present: presentCount, away: awayCount })}
                  </Typography.Text>
                </Space>
              }
              extra={canWrite && <Typography.Text type="secondary">{t('att.clickHint')}</Typography.Text>}
              loading={att.loading && !att.data}
            >
              <Calendar
                value={month.isSame(dayjs(), 'month') ? dayjs() : month}
                mode="month"
                disabledDate={futureDisabled}
                cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
                onPanelChange={(d) => q.update({ month: d.format('YYYY-MM') }, true)}
                onSelect={(d, info) => {
                  if (info.source !== 'date') {
                    q.update({ month: d.format('YYYY-MM') }, true);
                    return;
                  }
                  if (!d.isSame(month, 'month')) q.update({ month: d.format('YYYY-MM') }, true);
                  if (canWrite && !futureDisabled(d)) open(d);
                }}
                headerRender={({ value, onChange }) => (
                  <Space style={{ padding: 8 }}>
                    <Select
                      size="small"
                      style={{ width: 90 }}
                      value={value.year()}
                      onChange={(y: number) => onChange(value.year(y))}
                      options={Array.from({ length: 6 }, (_, i) => dayjs().year() - i).map((y) => ({
                        value: y,
                        label: y,
                      }))}
                    />
                    <Select
                      size="small"
                      style={{ width: 80 }}
                      value={value.month()}
                      onChange={(m: number) => onChange(value.month(m))}
                      options={Array.from({ length: 12 }, (_, i) => ({ value: i, label: i + 1 }))}
                    />
                  </Space>
                )}
              />
            </Card>
          )}
        </Space>
      )}
      <FormModal<CheckForm, DayRecord>
        open={!!checking}
        title={checking ? t('att.checkTitle', { day: checking.day.format(ISO) }) : ''}
        width={480}
        initialValues={checking?.values}
        onClose={() => setChecking(null)}
        fields={['present', 'awayReason', 'note']}
        normalise={(e) => renamePaths(e, { day: 'present' })}
        save={save}
        onSaved={(r) => {
          message.success(t('att.checked', { day: r.day }));
          setChecking(null);
          setTick((n) => n + 1);
        }}
      >
        {(form) => <CheckFields form={form} />}
      </FormModal>
    </>
  );
}

function CheckFields({ form }: { form: FormInstance<CheckForm> }) {
  const { t, L } = useI18n();
  const present = Form.useWatch('present', form);
  return (
    <>
      <Form.Item name="present" label={t('att.status')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('att.present') },
            { value: false, label: t('att.away') },
          ]}
        />
      </Form.Item>
      {present === false && (
        <Form.Item
          name="awayReason"
          label={t('att.awayReason')}
          rules={[{ required: true, message: t('form.select', { field: t('att.awayReason') }) }]}
        >
          <Select options={forceOptions('away_reason', L)} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('fb.note')}>
        <Input.TextArea rows={2} maxLength={200} showCount />
      </Form.Item>
    </>
  );
}
