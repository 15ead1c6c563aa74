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
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useAsync } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { RegionTreeSelect } from '../RegionTreeSelect';
import type { Items, Page } from '../../types';
import { DutyCadreSelect } from './DutyCadreSelect';
import { ISO, forceOptions, forceText, futureDisabled, useForceQuery, useMappedErrors } from './DutyShared';
import type { AttendanceDay, CadreDays, Leave } from './DutyTypes';

interface CheckForm {
  present: boolean;
  awayReason?: string;
  note?: string;
}

/** The cadre's days in the village for a year, as statistic cards. */
export function AttendanceDaysCard({ personId, year, tick }: { personId: number; year: number; tick: number }) {
  const { t } = useI18n();
  const days = useAsync((s) => api.get<CadreDays>(`/cadres/${personId}/days`, { year }, s), [personId, year, tick]);
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
  const onError = useMappedErrors();
  const q = useForceQuery();
  const personId = Number(q.params.get('personId') ?? '') || null;
  const monthParam = q.params.get('month') ?? '';
  const month = /^\d{4}-\d{2}$/.test(monthParam) ? dayjs(`${monthParam}-01`) : dayjs().startOf('month');
  const from = month.startOf('month').format(ISO);
  const to = month.endOf('month').format(ISO);
  const [tick, setTick] = useState(0);
  const [checking, setChecking] = useState<Dayjs | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<CheckForm>();
  const present = Form.useWatch('present', form);
  const canWrite = can('force.write');

  const att = useAsync(
    personId ? (s) => api.get<Items<AttendanceDay>>('/attendance', { personId, from, to }, s) : null,
    [personId, from, to, tick],
  );
  const leaves = useAsync(
    personId && q.region
      ? (s) => api.get<Page<Leave>>('/leaves', { region: q.region, personId, status: 'approved', pageSize: 200 }, s)
      : null,
    [personId, q.region, tick],
  );
  const byDay = new Map((att.data?.items ?? []).map((a) => [a.day, a]));
  const onLeave = (d: string) => (leaves.data?.items ?? []).some((l) => l.startDate <= d && d <= l.endDate);

  const open = (d: Dayjs) => {
    const rec = byDay.get(d.format(ISO));
    form.setFieldsValue({
      present: rec ? rec.present : !onLeave(d.format(ISO)),
      awayReason: rec?.awayReason ?? (onLeave(d.format(ISO)) ? 'leave' : undefined),
      note: rec?.note ?? undefined,
    });
    setChecking(d);
  };

  const submit = async () => {
    if (!checking || !personId) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await api.post('/attendance', {
        personId,
        day: checking.format(ISO),
        present: v.present,
        ...(v.present ? {} : { awayReason: v.awayReason }),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success(t('att.checked', { day: checking.format(ISO) }));
      setChecking(null);
      setTick((n) => n + 1);
    } catch (e) {
      onError(form, e, ['present', 'awayReason', 'note'], { day: 'present' });
    } finally {
      setSaving(false);
    }
  };

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
      <Modal
        title={checking ? t('att.checkTitle', { day: checking.format(ISO) }) : ''}
        open={!!checking}
        onCancel={() => setChecking(null)}
        onOk={submit}
        okText={t('common.save')}
        confirmLoading={saving}
        width={480}
        forceRender
      >
        <Form<CheckForm> form={form} layout="vertical">
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
        </Form>
      </Modal>
    </>
  );
}
