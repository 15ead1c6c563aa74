/**
 * 在村天数 — days in the village this year per stationed cadre against the policy minimum, with the pace
 * (GET /api/attendance/summary?region&year&behind). ?behind=true lists only the cadres behind.
 */
import { Alert, Progress, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { duty, type SummaryRow } from '@shared/contracts/duty';
import { useI18n } from '../../i18n';
import { ListTab, useList } from '../common/useList';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { CadreLink, ForceTag, recentYears, useForceQuery } from './DutyShared';

export function AttendanceSummary() {
  const { t } = useI18n();
  const q = useForceQuery();
  const year = q.params.get('year') || undefined;
  const behind = q.params.get('behind') === 'true';
  const list = useList(
    duty.summary,
    q.region ? { region: q.region, year, behind: behind ? ('true' as const) : undefined } : null,
  );

  const columns: TableColumnsType<SummaryRow> = [
    {
      key: 'name',
      title: t('fb.cadre'),
      fixed: 'left',
      render: (_, r) => <CadreLink id={r.personId} name={r.name} />,
    },
    {
      key: 'role',
      title: t('fb.role'),
      dataIndex: 'role',
      render: (v: string | null) => <ForceTag list="station_role" code={v} />,
    },
    { key: 'village', title: t('fb.village'), dataIndex: 'regionName' },
    { key: 'checkIn', title: t('att.checkInDays'), dataIndex: 'checkInDays', align: 'right' },
    { key: 'leave', title: t('att.approvedLeaveDays'), dataIndex: 'approvedLeaveDays', align: 'right' },
    {
      key: 'unapproved',
      title: t('att.unapprovedAwayDays'),
      dataIndex: 'unapprovedAwayDays',
      align: 'right',
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      key: 'days',
      title: t('att.days'),
      dataIndex: 'days',
      align: 'right',
      render: (v: number) => (
        <Typography.Text strong data-testid="days-cell">
          {v}
        </Typography.Text>
      ),
    },
    { key: 'expected', title: t('att.expected'), dataIndex: 'expected', align: 'right' },
    { key: 'minimum', title: t('att.minimum'), dataIndex: 'minimum', align: 'right' },
    {
      key: 'progress',
      title: t('att.progress'),
      width: 200,
      render: (_, r) => (
        <Tooltip title={t('att.progressTip', { days: r.days, expected: r.expected, minimum: r.minimum })}>
          <Progress
            size="small"
            percent={r.minimum > 0 ? Math.min(100, Math.round((r.days / r.minimum) * 100)) : 100}
            success={{ percent: r.minimum > 0 ? Math.min(100, Math.round((r.expected / r.minimum) * 100)) : 0 }}
            status={r.behind ? 'exception' : r.days >= r.minimum ? 'success' : 'active'}
          />
        </Tooltip>
      ),
    },
    {
      key: 'pace',
      title: t('att.pace'),
      render: (_, r) =>
        r.behind ? (
          <Tag color="red" data-testid="behind-tag">
            {t('att.behind')}
          </Tag>
        ) : (
          <Tag color="green">{t('att.onPace')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => (
        <Link to={`/forces/duty?tab=attendance&region=${q.region}&personId=${r.personId}`}>
          {t('att.openCalendar')}
        </Link>
      ),
    },
  ];

  return (
    <ListTab
      list={list}
      columns={columns}
      rowKey="personId"
      testId="days-table"
      toolbar={
        <Space wrap size={16}>
          <RegionTreeSelect value={q.region} onChange={(c) => q.update({ region: c })} style={{ width: 260 }} />
          <Space>
            {t('fb.year')}
            <Select
              style={{ width: 110 }}
              value={year ? Number(year) : dayjs().year()}
              onChange={(y: number) => q.update({ year: y === dayjs().year() ? undefined : y })}
              options={recentYears()}
            />
          </Space>
          <Space>
            <Switch
              checked={behind}
              onChange={(v) => q.update({ behind: v ? 'true' : undefined })}
              data-testid="behind-switch"
            />
            {t('att.onlyBehind')}
          </Space>
        </Space>
      }
      notice={
        list.data &&
        list.data.behind > 0 &&
        !behind && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              <span>
                {t('att.behindCount', { n: list.data.behind })}{' '}
                <a onClick={() => q.update({ behind: 'true' })}>{t('att.showBehind')}</a>
              </span>
            }
          />
        )
      }
    />
  );
}
