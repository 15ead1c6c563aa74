/** Columns of a leave list (inbox and records). */
import { Space, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { I18n } from '../../i18n';
import { CadreLink, ForceTag } from './DutyShared';
import type { Leave } from '@shared/contracts/leave';
import { chinaDate, chinaDateTime } from '@shared/china-time';

export function leaveColumns({ t }: I18n, opts: { decided?: boolean } = {}): TableColumnsType<Leave> {
  const cols: TableColumnsType<Leave> = [
    {
      key: 'person',
      title: t('fb.cadre'),
      render: (_, l) => <CadreLink id={l.personId} name={l.personName} />,
    },
    { key: 'village', title: t('fb.village'), dataIndex: 'regionName' },
    {
      key: 'dates',
      title: t('leave.dates'),
      render: (_, l) => (l.startDate === l.endDate ? l.startDate : `${l.startDate} ~ ${l.endDate}`),
    },
    {
      key: 'days',
      title: t('leave.days'),
      dataIndex: 'days',
      align: 'right',
      render: (d: number) => <span data-testid="leave-days">{d}</span>,
    },
    {
      key: 'reason',
      title: t('leave.reason'),
      dataIndex: 'reason',
      ellipsis: { showTitle: false },
      render: (r: string) => (
        <Tooltip title={r} placement="topLeft">
          {r}
        </Tooltip>
      ),
    },
    {
      key: 'approver',
      title: t('leave.approver'),
      dataIndex: 'approver',
      render: (a: string) => <ForceTag list="leave_approver" code={a} />,
    },
    {
      key: 'requested',
      title: t('leave.requested'),
      render: (_, l) => (
        <Space orientation="vertical" size={0}>
          <span>{l.requestedBy ?? '—'}</span>
          {l.requestedAt && <Typography.Text type="secondary">{chinaDateTime(l.requestedAt)}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('fb.status'),
      dataIndex: 'status',
      render: (s: string) => <ForceTag list="approval_status" code={s} />,
    },
  ];
  if (opts.decided)
    cols.push({
      key: 'decision',
      title: t('leave.decision'),
      render: (_, l) =>
        l.decidedBy ? (
          <Space orientation="vertical" size={0}>
            <span>
              {l.decidedBy}
              {l.decidedAt && <Typography.Text type="secondary"> {chinaDate(l.decidedAt)}</Typography.Text>}
            </span>
            {l.decisionNote && <Typography.Text type="secondary">{l.decisionNote}</Typography.Text>}
          </Space>
        ) : (
          '—'
        ),
    });
  return cols;
}
