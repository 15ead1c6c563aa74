/**
 * Cards of the cadre page fed by the daily-management endpoints: days in village this year against the minimum
 * (GET /api/cadres/:id/days), recent work logs, leaves and assessments.
 */
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Progress, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { assessments, type Assessment } from '@shared/contracts/assessments';
import { duty } from '@shared/contracts/duty';
import { leave, type Leave } from '@shared/contracts/leave';
import { useI18n } from '../../i18n';
import { useCall } from '../common/useList';
import { ApprovalTag, forceText } from './CadreCommon';
import { DataTable } from '../common/DataTable';
import { colon } from '../../format';

/** A compact load error inside a card. */
function CardError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={4}>
      <Typography.Text type="danger">
        {t('error.loadFailed')}
        {error instanceof Error && error.message ? `${colon()}${error.message}` : ''}
      </Typography.Text>
      <Button size="small" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Space>
  );
}

export function CadreDaysCard({ personId }: { personId: number }) {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const days = useCall(duty.cadreDays, { params: { id: personId }, query: { year } });
  const d = days.data;
  const percent = d && d.minimum > 0 ? Math.min(100, Math.round((d.days / d.minimum) * 100)) : 0;
  const short = d ? Math.max(0, d.expected - d.days) : 0;

  return (
    <Card
      size="small"
      title={t('fa.daysTitle')}
      loading={days.loading && !d}
      data-testid="cadre-days"
      extra={
        <Select
          size="small"
          value={year}
          onChange={setYear}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))}
        />
      }
    >
      {days.error ? (
        <CardError error={days.error} onRetry={days.reload} />
      ) : d ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap align="baseline">
            <Typography.Title level={3} style={{ margin: 0 }} type={d.behind ? 'danger' : undefined}>
              {d.days}
            </Typography.Title>
            <Typography.Text type="secondary">/ {t('fa.daysMinimum', { n: d.minimum })}</Typography.Text>
            {d.behind ? (
              <Tag color="red" data-testid="days-behind">
                {t('fa.behindBy', { n: short })}
              </Tag>
            ) : (
              <Tag color="green">{t('fa.onPace')}</Tag>
            )}
          </Space>
          <Progress
            percent={percent}
            status={d.behind ? 'exception' : percent >= 100 ? 'success' : 'normal'}
            strokeColor={d.behind ? '#cf1322' : undefined}
            format={() => `${percent}%`}
          />
          <Typography.Text type="secondary">{t('fa.paceHint', { n: d.expected })}</Typography.Text>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('fa.checkInDays')}>{d.checkInDays}</Descriptions.Item>
            <Descriptions.Item label={t('fa.approvedLeaveDays')}>{d.approvedLeaveDays}</Descriptions.Item>
            <Descriptions.Item label={t('fa.awayDays')}>{d.awayDays}</Descriptions.Item>
            <Descriptions.Item label={t('fa.unapprovedAwayDays')}>
              <Typography.Text type={d.unapprovedAwayDays > 0 ? 'danger' : undefined}>
                {d.unapprovedAwayDays}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Space>
      ) : null}
    </Card>
  );
}

export function CadreLogsCard({ personId }: { personId: number }) {
  const { t } = useI18n();
  const logs = useCall(duty.workLogs, { query: { personId, pageSize: 5 } });
  return (
    <Card
      size="small"
      title={t('fa.logsTitle')}
      extra={logs.data ? t('common.total', { total: logs.data.total }) : undefined}
      data-testid="cadre-logs"
    >
      {logs.error ? (
        <CardError error={logs.error} onRetry={logs.reload} />
      ) : (
        <Spin spinning={logs.loading}>
          {(logs.data?.items.length ?? 0) === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fa.noLogs')} />
          ) : (
            <Timeline
              items={(logs.data?.items ?? []).map((l) => ({
                key: l.id,
                content: (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text type="secondary">
                      {l.day} · {l.regionName}
                    </Typography.Text>
                    <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                      {l.content}
                    </Typography.Paragraph>
                  </Space>
                ),
              }))}
            />
          )}
        </Spin>
      )}
    </Card>
  );
}

export function CadreLeavesCard({ personId }: { personId: number }) {
  const { t, L } = useI18n();
  const leaves = useCall(leave.list, { query: { personId, pageSize: 10 } });
  const columns: TableColumnsType<Leave> = [
    { title: t('fa.leaveDates'), dataIndex: 'startDate', render: (_, l) => `${l.startDate} ~ ${l.endDate}` },
    { title: t('fa.leaveDays'), dataIndex: 'days', align: 'right', width: 60 },
    {
      title: t('fa.leaveReason'),
      dataIndex: 'reason',
      ellipsis: true,
      render: (v: string, l) => (
        <Space orientation="vertical" size={0}>
          <span>{v}</span>
          <Typography.Text type="secondary">{forceText('leave_approver', l.approver, L)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('fa.status'), dataIndex: 'status', width: 90, render: (v: string) => <ApprovalTag status={v} /> },
  ];
  return (
    <Card
      size="small"
      title={t('fa.leavesTitle')}
      extra={leaves.data ? t('common.total', { total: leaves.data.total }) : undefined}
      data-testid="cadre-leaves"
    >
      {leaves.error ? (
        <CardError error={leaves.error} onRetry={leaves.reload} />
      ) : (
        <DataTable<Leave>
          rowKey="id"
          size="small"
          loading={leaves.loading}
          columns={columns}
          dataSource={leaves.data?.items ?? []}
          pagination={false}
        />
      )}
    </Card>
  );
}

const GRADE_COLORS: Record<string, string> = {
  excellent: 'gold',
  competent: 'green',
  basic: 'orange',
  incompetent: 'red',
};

/** Assessments of the cadre (GET /api/assessments?personId=; filtered here as well). */
export function CadreAssessmentsCard({ personId }: { personId: number }) {
  const { t, L } = useI18n();
  const list = useCall(assessments.list, { query: { personId, pageSize: 200 } });
  const rows = (list.data?.items ?? []).filter((a) => a.personId === personId);
  const columns: TableColumnsType<Assessment> = [
    { title: t('fa.period'), dataIndex: 'period', width: 90 },
    { title: t('fa.assessKind'), dataIndex: 'kind', render: (v: string) => forceText('assessment_kind', v, L) },
    {
      title: t('fa.grade'),
      dataIndex: 'grade',
      render: (v: string) => <Tag color={GRADE_COLORS[v]}>{forceText('assessment_grade', v, L)}</Tag>,
    },
    { title: t('fa.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('fa.comments'), dataIndex: 'comments', ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Card size="small" title={t('fa.assessmentsTitle')} data-testid="cadre-assessments">
      {list.error ? (
        <CardError error={list.error} onRetry={list.reload} />
      ) : (
        <DataTable<Assessment>
          rowKey="id"
          size="small"
          loading={list.loading}
          columns={columns}
          dataSource={rows}
          pagination={false}
        />
      )}
    </Card>
  );
}
