/**
 * Daily management's workbench entries: the leave requests waiting for the caller's decision (all of them, and
 * those already overdue: undecided on or after their first day) and the stationed cadres behind their pace of days
 * in the village — counted by the leave inbox and the days summary.
 */
import { SummaryQuery } from '../../../shared/contracts/duty.ts';
import { InboxQuery } from '../../../shared/contracts/leave.ts';
import { countQuery, listDrill, type TodoEntry } from '../workbench/types.ts';
import { attendanceSummary } from './attendance.ts';
import { leaveInbox } from './leave-lists.ts';

const overdue = { overdue: 'true' };
const behind = { behind: 'true' };

export const dutyTodos: TodoEntry[] = [
  {
    key: 'leave.inbox',
    group: 'approval',
    label: { zh: '待我审批的请假', en: 'Leave requests waiting for my decision' },
    permission: 'leave.approve',
    reach: 'caller',
    count: async (db, scope) => (await leaveInbox(db, scope, countQuery(InboxQuery, {}))).total,
    drill: () => listDrill('/forces/duty', '/api/leaves/inbox', {}, { tab: 'inbox' }),
  },
  {
    key: 'leave.overdue',
    group: 'overdue',
    label: { zh: '已到假期仍未审批的请假', en: 'Leave requests undecided past their first day' },
    permission: 'leave.approve',
    reach: 'caller',
    count: async (db, scope) => (await leaveInbox(db, scope, countQuery(InboxQuery, overdue))).total,
    drill: () => listDrill('/forces/duty', '/api/leaves/inbox', overdue, { tab: 'inbox' }),
  },
  {
    key: 'duty.behind',
    group: 'overdue',
    label: { zh: '在村天数落后进度的驻村干部', en: 'Stationed cadres behind their days-in-village pace' },
    permission: 'force.write',
    count: async (db, scope) => (await attendanceSummary(db, scope, countQuery(SummaryQuery, behind))).total,
    drill: (region) => listDrill('/forces/duty', '/api/attendance/summary', { region, ...behind }, { tab: 'days' }),
  },
];
