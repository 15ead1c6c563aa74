/**
 * /forces/duty?tab= — 考勤与请假: the leave approval inbox (first, with a count, for users who approve leave),
 * leave records, days in the village, attendance check-in, work logs, insurance and work funds.
 * Each tab keeps its filters in the URL; switching tabs keeps only the region.
 */
import type { ReactNode } from 'react';
import { Badge, Card, Tabs } from 'antd';
import { leave } from '@shared/contracts/leave';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { ApiResult } from '../../components/ApiResult';
import { useCall } from '../../components/common/useList';
import { AttendanceCalendar } from '../../components/forces/AttendanceCalendar';
import { AttendanceSummary } from '../../components/forces/AttendanceSummary';
import { useForceQuery } from '../../components/forces/DutyShared';
import { FundTab } from '../../components/forces/FundTab';
import { InsuranceTab } from '../../components/forces/InsuranceTab';
import { LeaveInbox } from '../../components/forces/LeaveInbox';
import { LeaveList } from '../../components/forces/LeaveList';
import { WorkLogTab } from '../../components/forces/WorkLogTab';

const TABS = ['inbox', 'leaves', 'days', 'attendance', 'logs', 'insurance', 'funds'] as const;
type Tab = (typeof TABS)[number];

export default function DutyPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const q = useForceQuery();
  const approver = can('leave.approve');
  const asked = q.params.get('tab') as Tab | null;
  const tab: Tab =
    asked && TABS.includes(asked) && (asked !== 'inbox' || approver) ? asked : approver ? 'inbox' : 'leaves';

  const inbox = useCall(leave.inbox, approver ? { query: { page: 1, pageSize: 1 } } : null);

  const setTab = (next: string) => q.reset({ tab: next, region: q.region });

  if (q.rootsError) return <ApiResult error={q.rootsError} onRetry={q.reloadRoots} />;
  const items: ({ key: Tab; label: ReactNode; children: ReactNode } | false)[] = [
    approver && {
      key: 'inbox',
      label: (
        <Badge count={inbox.data?.total ?? 0} size="small" offset={[10, -2]} data-testid="inbox-count">
          {t('duty.tabInbox')}
        </Badge>
      ),
      children: <LeaveInbox onChanged={inbox.reload} />,
    },
    { key: 'leaves', label: t('duty.tabLeaves'), children: <LeaveList onChanged={inbox.reload} /> },
    { key: 'days', label: t('duty.tabDays'), children: <AttendanceSummary /> },
    { key: 'attendance', label: t('duty.tabAttendance'), children: <AttendanceCalendar /> },
    { key: 'logs', label: t('duty.tabLogs'), children: <WorkLogTab /> },
    { key: 'insurance', label: t('duty.tabInsurance'), children: <InsuranceTab /> },
    { key: 'funds', label: t('duty.tabFunds'), children: <FundTab /> },
  ];

  return (
    <Card data-testid="duty-page">
      <Tabs activeKey={tab} onChange={setTab} items={items.filter((x) => x !== false)} destroyOnHidden />
    </Card>
  );
}
